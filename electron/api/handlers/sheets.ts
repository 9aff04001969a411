import type { sheetMethods } from '../../../shared/sheets';
import { type SheetImportOptions, createSheetImportService } from '../../services/sheets/import';
import { type HandlersFor, awaitsBeforeWriting } from '../router';

export function sheetHandlers(options: SheetImportOptions): HandlersFor<typeof sheetMethods> {
  const sheets = createSheetImportService(options);
  return {
    'sheets.open': sheets.open,
    'sheets.preview': sheets.preview,
    'sheets.leftOut': sheets.leftOut,
    'sheets.apply': awaitsBeforeWriting(sheets.apply),
    'sheets.drop': sheets.drop,
    'sheets.history': sheets.history,
    'sheets.undo': sheets.undo,
  };
}
