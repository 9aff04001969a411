import { lazy } from 'react';
import type { Route } from '../app/routes';
import { CandidateListScreen } from './CandidateListScreen';

// The list is the screen the section opens on; a file and its forms come in a chunk of their own.
const CandidateScreen = lazy(() => import('./CandidateScreen').then((module) => ({ default: module.CandidateScreen })));
const NewCandidateScreen = lazy(() => import('./CandidateScreen').then((module) => ({ default: module.NewCandidateScreen })));

export function CandidatesSection({ route }: { route: Route }) {
  if (route.id === undefined) return <CandidateListScreen />;
  if (route.id === 'new') return <NewCandidateScreen key="new" />;
  return <CandidateScreen key={route.id} id={route.id} tab={route.rest?.[0]} />;
}
