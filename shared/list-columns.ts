/**
 * Lists taken out as spreadsheets, to open in Excel or LibreOffice: the rows the list shows
 * with its current filters and search, in the list's columns plus those the person adds,
 * headers and values in the chosen language. Plain data, without the schemas (shared/lists.ts):
 * the list screens show these choices from their first render.
 */

export const LIST_EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ListExportFormat = (typeof LIST_EXPORT_FORMATS)[number];

export interface ListExport {
  fileName: string;
  contentBase64: string;
}

/**
 * Each list's columns, by id, with the translation key of its header: `shown` are the columns
 * the list shows (always written), `more` those the person may add.
 */
export const LIST_COLUMNS = {
  candidates: {
    shown: {
      lastName: 'candidates.ui.fields.lastName',
      firstName: 'candidates.ui.fields.firstName',
      birthDate: 'candidates.ui.fields.birthDate',
      phone: 'candidates.ui.fields.phone',
      email: 'candidates.ui.fields.email',
      commune: 'candidates.ui.fields.commune',
      frenchLevel: 'candidates.ui.fields.frenchLevel',
      status: 'candidates.ui.fields.status',
      authorisationExpiry: 'candidates.ui.fields.authorisationExpiry',
      archived: 'candidates.ui.archived.tag',
      updatedAt: 'candidates.ui.list.updatedAt',
    },
    more: {
      gender: 'candidates.ui.fields.gender',
      nationality: 'candidates.ui.fields.nationality',
      secondPhone: 'candidates.ui.fields.secondPhone',
      address: 'candidates.ui.fields.address',
      postalCode: 'candidates.ui.fields.postalCode',
      publicCategory: 'candidates.ui.fields.publicCategory',
      authorisationDocument: 'candidates.ui.fields.authorisationDocument',
      referralPartner: 'candidates.ui.fields.referralPartner',
      referredOn: 'candidates.ui.fields.referredOn',
    },
  },
  employers: {
    shown: {
      name: 'employers.ui.fields.name',
      siret: 'employers.ui.fields.siret',
      sector: 'employers.ui.fields.sector',
      kind: 'employers.ui.fields.kind',
      postalCode: 'employers.ui.fields.postalCode',
      commune: 'employers.ui.fields.commune',
      openNeeds: 'employers.ui.list.columns.openNeeds',
      charterSignedOn: 'employers.ui.fields.charterSignedOn',
      archived: 'employers.ui.list.archivedTag',
    },
    more: { updatedAt: 'sheets.ui.export.columns.updatedAt' },
  },
  volunteers: {
    shown: {
      lastName: 'volunteers.ui.fields.lastName',
      firstName: 'volunteers.ui.fields.firstName',
      phone: 'volunteers.ui.fields.phone',
      email: 'volunteers.ui.fields.email',
      sectors: 'volunteers.ui.fields.sectors',
      availability: 'volunteers.ui.fields.availability',
      status: 'volunteers.ui.fields.status',
    },
    more: { updatedAt: 'sheets.ui.export.columns.updatedAt' },
  },
  jobNeeds: {
    shown: {
      occupation: 'employers.ui.needs.fields.occupation',
      employer: 'sheets.ui.export.columns.employer',
      contractType: 'employers.ui.needs.fields.contractType',
      positions: 'employers.ui.needs.fields.positions',
      startDate: 'employers.ui.needs.fields.startDate',
      state: 'employers.ui.needs.fields.state',
      validUntil: 'employers.ui.needs.fields.validUntil',
    },
    more: {
      romeCode: 'employers.ui.needs.fields.romeCode',
      hoursPerWeek: 'employers.ui.needs.fields.hoursPerWeek',
      place: 'employers.ui.needs.fields.place',
      postalCode: 'employers.ui.fields.postalCode',
      endDate: 'employers.ui.needs.fields.endDate',
      minFrenchLevel: 'employers.ui.needs.fields.minFrenchLevel',
      drivingLicenceRequired: 'employers.ui.needs.fields.drivingLicenceRequired',
      notes: 'employers.ui.needs.fields.notes',
      createdAt: 'sheets.ui.export.columns.createdAt',
    },
  },
  presentations: {
    shown: {
      candidate: 'sheets.ui.export.columns.candidate',
      occupation: 'employers.ui.needs.fields.occupation',
      employer: 'sheets.ui.export.columns.employer',
      state: 'sheets.ui.export.columns.state',
      stateChangedOn: 'sheets.ui.export.columns.stateChangedOn',
    },
    more: {
      refusalReason: 'sheets.ui.export.columns.refusalReason',
      proposedOn: 'sheets.ui.export.columns.proposedOn',
      updatedAt: 'sheets.ui.export.columns.updatedAt',
    },
  },
  placements: {
    shown: {
      candidate: 'sheets.ui.export.columns.candidate',
      kind: 'sheets.ui.export.columns.placementKind',
      host: 'sheets.ui.export.columns.host',
      startDate: 'matching.ui.placements.fields.startDate',
      endDate: 'matching.ui.placements.fields.endDate',
      outcome: 'sheets.ui.export.columns.outcome',
    },
    more: {
      endedOn: 'sheets.ui.export.columns.endedOn',
      overlaps: 'sheets.ui.export.columns.overlaps',
      updatedAt: 'sheets.ui.export.columns.updatedAt',
    },
  },
  recruitments: {
    shown: {
      candidate: 'sheets.ui.export.columns.candidate',
      kind: 'matching.ui.recruitments.fields.kind',
      host: 'matching.ui.recruitments.fields.host',
      startDate: 'matching.ui.recruitments.fields.startDate',
      endDate: 'matching.ui.recruitments.fields.endDate',
      outcomeClass: 'sheets.ui.export.columns.outcomeClass',
    },
    more: {
      overlaps: 'sheets.ui.export.columns.overlaps',
      updatedAt: 'sheets.ui.export.columns.updatedAt',
    },
  },
} as const;

export type ExportedList = keyof typeof LIST_COLUMNS;
export type ShownColumn<L extends ExportedList> = keyof (typeof LIST_COLUMNS)[L]['shown'];
export type MoreColumn<L extends ExportedList> = keyof (typeof LIST_COLUMNS)[L]['more'];
export type ListColumn<L extends ExportedList> = ShownColumn<L> | MoreColumn<L>;
