import { z } from 'zod';
import { candidateListSchema } from './candidates';
import { employerListSchema, jobNeedListSchema } from './employers';
import { LANGUAGES } from './i18n/languages';
import { type ExportedList, LIST_COLUMNS, LIST_EXPORT_FORMATS, type ListExport, type MoreColumn } from './list-columns';
import { reads } from './method';
import { placementListSchema, presentationListSchema, recruitmentListSchema } from './pipeline';
import { volunteerListSchema } from './volunteers';

export {
  type ExportedList,
  LIST_COLUMNS,
  LIST_EXPORT_FORMATS,
  type ListColumn,
  type ListExport,
  type ListExportFormat,
  type MoreColumn,
  type ShownColumn,
} from './list-columns';

function exportInput<L extends ExportedList, F extends z.ZodType>(list: L, filters: F) {
  const more = Object.keys(LIST_COLUMNS[list].more) as [MoreColumn<L> & string, ...(MoreColumn<L> & string)[]];
  return z.strictObject({
    format: z.enum(LIST_EXPORT_FORMATS).default('xlsx'),
    language: z.enum(LANGUAGES).default('fr'),
    /** Columns added to those the list shows, written after them in the list's order. */
    more: z.array(z.enum(more)).max(more.length).default([]),
    filters,
  });
}

export const listExportMethods = {
  /** The candidates the list shows for these filters and search, every page of them. */
  'candidates.export': reads<ListExport>('lists.export')(exportInput('candidates', candidateListSchema.omit({ limit: true, offset: true }).prefault({}))),
  'employers.export': reads<ListExport>('lists.export')(exportInput('employers', employerListSchema.omit({ limit: true, offset: true }).prefault({}))),
  'volunteers.export': reads<ListExport>('lists.export')(exportInput('volunteers', volunteerListSchema.omit({ limit: true, offset: true }).prefault({}))),
  'jobNeeds.export': reads<ListExport>('lists.export')(exportInput('jobNeeds', jobNeedListSchema.omit({ limit: true, offset: true }).prefault({}))),
  'presentations.export': reads<ListExport>('lists.export')(exportInput('presentations', presentationListSchema.omit({ limit: true, offset: true }).prefault({}))),
  'placements.export': reads<ListExport>('lists.export')(exportInput('placements', placementListSchema.omit({ limit: true, offset: true }).prefault({}))),
  'recruitments.export': reads<ListExport>('lists.export')(exportInput('recruitments', recruitmentListSchema.omit({ limit: true, offset: true }).prefault({}))),
};
