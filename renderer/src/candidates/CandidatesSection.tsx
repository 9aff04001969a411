import type { Route } from '../app/navigation';
import { CandidateListScreen } from './CandidateListScreen';
import { CandidateScreen } from './CandidateScreen';

export function CandidatesSection({ route }: { route: Route }) {
  if (route.id === undefined) return <CandidateListScreen />;
  if (route.id === 'new') return <CandidateScreen key="new" id={null} />;
  return <CandidateScreen key={route.id} id={route.id} />;
}
