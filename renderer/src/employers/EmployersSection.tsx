import { chunkedScreen } from '../app/chunkedScreen';
import { type Route, SHEET_IMPORT_ID } from '../app/routes';
import { EmployerListScreen } from './EmployerListScreen';
import { EmployerScreen, NewEmployerScreen } from './EmployerScreen';
import { JobNeedScreen } from './JobNeedScreen';
import './employers.css';

const { Screen: SheetImportScreen } = chunkedScreen(() => import('../imports/SheetImportScreen').then((module) => module.SheetImportScreen));

/**
 * `#/employers` the list, `#/employers/new` a new employer, `#/employers/ID` a record,
 * `#/employers/ID/needs/new` and `#/employers/ID/needs/NEED_ID` one of its job needs,
 * `#/employers/import` and `#/employers/import/needs` a spreadsheet of employers or of job needs.
 */
export function EmployersSection({ route }: { route: Route }) {
  const { id, rest = [] } = route;
  if (id === undefined) return <EmployerListScreen />;
  if (id === 'new') return <NewEmployerScreen key="new" />;
  const [place, needId] = rest;
  if (id === SHEET_IMPORT_ID) return place === 'needs' ? <SheetImportScreen key="jobNeeds" kind="jobNeeds" /> : <SheetImportScreen key="employers" kind="employers" />;
  if (place === 'needs' && needId !== undefined) {
    return <JobNeedScreen key={`${id}/${needId}`} employerId={id} needId={needId === 'new' ? null : needId} />;
  }
  return <EmployerScreen key={id} id={id} />;
}
