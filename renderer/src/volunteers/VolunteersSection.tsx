import { chunkedScreen } from '../app/chunkedScreen';
import { type Route, SHEET_IMPORT_ID } from '../app/routes';
import { PairsScreen } from './PairsScreen';
import { VolunteerListScreen } from './VolunteerListScreen';
import { VolunteerScreen } from './VolunteerScreen';
import './volunteers.css';

const { Screen: SheetImportScreen } = chunkedScreen(() => import('../imports/SheetImportScreen').then((module) => module.SheetImportScreen));

/** `#/volunteers` the list, `#/volunteers/pairs` the pairs, `#/volunteers/import` a spreadsheet of them, `#/volunteers/new` and `#/volunteers/<id>` a record. */
export function VolunteersSection({ route }: { route: Route }) {
  if (route.id === undefined) return <VolunteerListScreen />;
  if (route.id === 'pairs') return <PairsScreen />;
  if (route.id === SHEET_IMPORT_ID) return <SheetImportScreen kind="volunteers" />;
  if (route.id === 'new') return <VolunteerScreen key="new" id={null} />;
  return <VolunteerScreen key={route.id} id={route.id} />;
}
