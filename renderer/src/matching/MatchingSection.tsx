import type { Route } from '../app/routes';
import { PresentationScreen } from './presentations/PresentationScreen';
import { MatchingHome } from './MatchingHome';
import { NeedMatchesScreen } from './NeedMatchesScreen';

/**
 * `#/matching` the open needs and the presentations under way, `#/matching/needs/ID` the
 * candidates ranked for one need, `#/matching/presentations/ID` one presentation.
 */
export function MatchingSection({ route }: { route: Route }) {
  const [target] = route.rest ?? [];
  if (route.id === 'needs' && target !== undefined) return <NeedMatchesScreen key={target} jobNeedId={target} />;
  if (route.id === 'presentations' && target !== undefined) return <PresentationScreen key={target} id={target} />;
  return <MatchingHome />;
}
