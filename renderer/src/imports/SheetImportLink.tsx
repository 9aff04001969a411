import { useTranslation } from 'react-i18next';
import type { SheetKind } from '../../../shared/sheet-table';
import { sheetImportHashOf } from '../app/routes';
import { useMay } from '../session/useMay';

/** The way in to a list's spreadsheet import, for whoever may import (and so write what it creates). */
export function SheetImportLink({ kind, small = false }: { kind: SheetKind; small?: boolean }) {
  const { t } = useTranslation();
  if (!useMay('sheets.apply')) return null;
  return (
    <a className={small ? 'button button-secondary button-small' : 'button button-secondary'} href={sheetImportHashOf(kind)} data-testid={`sheet-import-link-${kind}`}>
      {t(kind === 'jobNeeds' ? 'sheets.ui.fromListNeeds' : 'sheets.ui.fromList')}
    </a>
  );
}
