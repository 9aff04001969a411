import type { Route } from '../app/routes';
import { CandidateListScreen } from './CandidateListScreen';
import { CandidateScreen, NewCandidateScreen } from './CandidateScreen';

export function CandidatesSection({ route }: { route: Route }) {
  if (route.id === undefined) return <CandidateListScreen />;
  if (route.id === 'new') return <NewCandidateScreen key="new" />;
  return <CandidateScreen key={route.id} id={route.id} tab={route.rest?.[0]} />;
}
