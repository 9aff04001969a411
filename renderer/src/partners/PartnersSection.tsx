import { chunkedScreen } from '../app/chunkedScreen';
import { type Route, SHEET_IMPORT_ID } from '../app/routes';
import { PartnerListScreen } from './PartnerListScreen';
import { NewPartnerScreen, PartnerScreen } from './PartnerScreen';
import './partners.css';

const { Screen: SheetImportScreen } = chunkedScreen(() => import('../imports/SheetImportScreen').then((module) => module.SheetImportScreen));

/** `#/partners` the list, `#/partners/import` a spreadsheet of them, `#/partners/new` a new partner, `#/partners/ID` a record. */
export function PartnersSection({ route }: { route: Route }) {
  if (route.id === undefined) return <PartnerListScreen />;
  if (route.id === SHEET_IMPORT_ID) return <SheetImportScreen kind="partners" />;
  if (route.id === 'new') return <NewPartnerScreen key="new" />;
  return <PartnerScreen key={route.id} id={route.id} />;
}
