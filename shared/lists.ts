import { z } from 'zod';
import { candidateListSchema } from './candidates';
import { employerListSchema } from './employers';
import { LANGUAGES } from './i18n/languages';
import { volunteerListSchema } from './volunteers';
import { reads } from './method';

/**
 * Lists taken out as spreadsheets, to open in Excel or LibreOffice: the rows the list shows
 * with its current filters and search, in the list's columns, headers and values in the
 * chosen language.
 */

export const LIST_EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ListExportFormat = (typeof LIST_EXPORT_FORMATS)[number];

export interface ListExport {
  fileName: string;
  contentBase64: string;
}

const exportShape = {
  format: z.enum(LIST_EXPORT_FORMATS).default('xlsx'),
  language: z.enum(LANGUAGES).default('fr'),
};

export const listExportMethods = {
  /** The candidates the list shows for these filters and search, every page of them. */
  'candidates.export': reads<ListExport>('lists.export')(
    z.strictObject({ ...exportShape, filters: candidateListSchema.omit({ limit: true, offset: true }).prefault({}) }),
  ),
  'employers.export': reads<ListExport>('lists.export')(
    z.strictObject({ ...exportShape, filters: employerListSchema.omit({ limit: true, offset: true }).prefault({}) }),
  ),
  'volunteers.export': reads<ListExport>('lists.export')(
    z.strictObject({ ...exportShape, filters: volunteerListSchema.omit({ limit: true, offset: true }).prefault({}) }),
  ),
};
