import { type Route, SHEET_IMPORT_ID } from '../app/routes';
import { chunkedScreen } from '../app/chunkedScreen';
import { CandidateListScreen } from './CandidateListScreen';
import './candidates.css';

// The list is the screen the section opens on; a file and its forms come in a chunk of their own.
const { Screen: CandidateScreen } = chunkedScreen(() => import('./CandidateScreen').then((module) => module.CandidateScreen));
const { Screen: NewCandidateScreen } = chunkedScreen(() => import('./CandidateScreen').then((module) => module.NewCandidateScreen));
const { Screen: SheetImportScreen } = chunkedScreen(() => import('../imports/SheetImportScreen').then((module) => module.SheetImportScreen));

export function CandidatesSection({ route }: { route: Route }) {
  if (route.id === undefined) return <CandidateListScreen />;
  if (route.id === 'new') return <NewCandidateScreen key="new" />;
  if (route.id === SHEET_IMPORT_ID) return <SheetImportScreen />;
  return <CandidateScreen key={route.id} id={route.id} tab={route.rest?.[0]} />;
}
