import { z } from 'zod';
import { ARCHIVE_FILTERS } from './candidates';
import { PARTNER_KINDS, type PartnerKind } from './domain';
import { type Contact, contactListSchema } from './employers';
import { reads, writes } from './method';
import { idSchema, optionalEmail, optionalPhone, optionalPostalCode, optionalText, requiredText, uuid } from './validation';

/** Partner associations (*prescripteurs*) refer candidates and exchange records with the association. */
export const partnerFieldShapes = {
  name: requiredText(200),
  kind: z.enum(PARTNER_KINDS, { error: 'common.errors.choice' }),
  address: optionalText(200),
  postalCode: optionalPostalCode(),
  commune: optionalText(100),
  phone: optionalPhone(),
  email: optionalEmail(),
  notes: optionalText(5000),
  /** The people to reach there; replaced as a whole when sent. */
  contacts: contactListSchema,
};

/** A create names the partner and its kind; the rest may come later. */
export const partnerCreateSchema = z.strictObject(partnerFieldShapes).partial().required({ name: true, kind: true });

/** An update sends the id and the fields it changes. */
export const partnerUpdateSchema = z.strictObject(partnerFieldShapes).partial().extend({ id: uuid });

export interface PartnerSummary {
  id: string;
  name: string;
  kind: PartnerKind;
  commune: string | null;
  phone: string | null;
  email: string | null;
  /** Candidates (not archived) this partner referred. */
  referredCount: number;
  archivedAt: string | null;
  updatedAt: string;
}

export interface Partner extends PartnerSummary {
  address: string | null;
  postalCode: string | null;
  notes: string | null;
  contacts: Contact[];
  /** Association the record came from; null when it was created here. */
  origin: string | null;
  createdAt: string;
}

export const PARTNER_SORTS = ['name', 'updated', 'created'] as const;

export const partnerListSchema = z.strictObject({
  /** Name, commune or e-mail; accents and case ignored. */
  query: z.string().max(100).default(''),
  kinds: z.array(z.enum(PARTNER_KINDS)).max(PARTNER_KINDS.length).default([]),
  archived: z.enum(ARCHIVE_FILTERS).default('active'),
  sort: z.enum(PARTNER_SORTS).default('name'),
  descending: z.boolean().default(false),
  limit: z.int().min(1).max(500).default(100),
  offset: z.int().min(0).default(0),
});

export interface PartnerPage {
  items: PartnerSummary[];
  total: number;
}

export const partnerMethods = {
  'partners.create': writes<Partner>('network.write')(partnerCreateSchema),
  'partners.update': writes<Partner>('network.write')(partnerUpdateSchema),
  'partners.get': reads<Partner>('network.read')(idSchema),
  'partners.list': reads<PartnerPage>('network.read')(partnerListSchema),
  'partners.archive': writes<Partner>('network.write')(idSchema),
  'partners.restore': writes<Partner>('network.write')(idSchema),
};
