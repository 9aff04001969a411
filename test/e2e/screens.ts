import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { addDays, addMonths } from '../../shared/dates';
import type { Language } from '../../shared/i18n/languages';
import { today } from '../../shared/validation';
import { previewApi } from './api';

/** WCAG 2.2 at level AA, as axe-core tags its rules. */
export const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The records every screen of the walk shows: one of each, linked as in real use. */
export interface WalkRecords {
  candidate: string;
  duplicate: string;
  employer: string;
  need: string;
  presentation: string;
  session: string;
  volunteer: string;
  partner: string;
}

export async function makeWalkRecords(url: string): Promise<WalkRecords> {
  const api = await previewApi(url);
  const partner = await api<{ id: string }>('partners.create', { name: 'CADA Les Tilleuls', kind: 'reception_centre' });
  const volunteer = await api<{ id: string }>('volunteers.create', { firstName: 'Samir', lastName: 'Haddad' });
  const employer = await api<{ id: string }>('employers.create', { name: 'Logistique du Rhône', postalCode: '69007', commune: 'Lyon' });
  const need = await api<{ id: string }>('jobNeeds.create', {
    employerId: employer.id,
    occupation: 'Préparateur de commandes',
    contractType: 'cdd',
    positions: 2,
    startDate: addDays(today(), 30),
    endDate: addMonths(addDays(today(), 30), 6),
    minFrenchLevel: 'A2',
    postalCode: '69007',
  });
  const person = {
    firstName: 'Awa',
    lastName: 'Traoré',
    phone: '0612345678',
    // A day past the 12th: a date written month first would show.
    birthDate: '1990-05-23',
    frenchLevel: 'B1',
    status: 'active',
    postalCode: '69003',
    commune: 'Lyon',
    consentRecording: true,
    referralPartnerId: partner.id,
    authorisationDocument: 'refugee_resident_card',
    authorisationExpiry: addMonths(today(), 60),
  };
  const candidate = await api<{ id: string }>('candidates.create', person);
  const duplicate = await api<{ id: string }>('candidates.create', { firstName: 'Awa', lastName: 'Traoré', phone: '0612345678', consentRecording: true });
  const presentation = await api<{ id: string }>('presentations.create', { candidateId: candidate.id, jobNeedId: need.id, author: 'Claire Martin' });
  const session = await api<{ id: string }>('sessions.create', { date: today(), place: 'Maison des associations' });
  await api('sessions.addVisit', { sessionId: session.id, candidateId: candidate.id });
  return {
    candidate: candidate.id,
    duplicate: duplicate.id,
    employer: employer.id,
    need: need.id,
    presentation: presentation.id,
    session: session.id,
    volunteer: volunteer.id,
    partner: partner.id,
  };
}

export interface WalkStep {
  name: string;
  /** The address the screen opens at. */
  hash(records: WalkRecords): string;
  /** What opens a dialog on that screen, in the interface language. */
  open?(page: Page, text: (key: string) => string, records: WalkRecords): Promise<void>;
  /** What closes it when Escape is not enough (the default). */
  close?(page: Page, text: (key: string) => string): Promise<void>;
}

const CANDIDATE_TABS = ['identity', 'follow-up', 'work', 'mobility', 'project', 'referral', 'consent', 'barriers', 'plan', 'journey', 'history'];

/**
 * Every screen and main dialog of the app, in the order a walk visits them. A new screen is one
 * line here: the accessibility scan and the layout checks both walk this list.
 */
export const WALK: WalkStep[] = [
  { name: 'home', hash: () => '#/' },
  { name: 'candidates', hash: () => '#/candidates' },
  { name: 'new candidate', hash: () => '#/candidates/new' },
  { name: 'spreadsheet import', hash: () => '#/candidates/import' },
  ...CANDIDATE_TABS.map((tab) => ({ name: `candidate ${tab}`, hash: (records: WalkRecords) => `#/candidates/${records.candidate}/${tab}` })),
  { name: 'new placement', hash: (records) => `#/candidates/${records.candidate}/journey/placements/new` },
  { name: 'new recruitment', hash: (records) => `#/candidates/${records.candidate}/journey/recruitments/new` },
  {
    name: 'merge dialog',
    hash: (records) => `#/candidates/${records.candidate}/identity`,
    async open(page, _text, records) {
      await page.locator('#duplicates-search').click();
      await page.locator(`#merge-${records.duplicate}`).click();
    },
  },
  {
    name: 'erase dialog',
    hash: (records) => `#/candidates/${records.candidate}/identity`,
    async open(page, text) {
      await headerAction(page, text, 'rights.ui.erase');
    },
  },
  {
    name: 'print dialog',
    hash: (records) => `#/candidates/${records.candidate}/identity`,
    async open(page, text) {
      await page.getByText(text('documents.ui.print'), { exact: true }).click();
      await page.getByRole('button', { name: text('documents.ui.presentationSheet') }).click();
    },
  },
  {
    name: 'access copy dialog',
    hash: (records) => `#/candidates/${records.candidate}/identity`,
    async open(page, text) {
      await headerAction(page, text, 'rights.ui.download');
    },
  },
  {
    name: 'rights request dialog',
    hash: (records) => `#/candidates/${records.candidate}/identity`,
    async open(page, text) {
      await headerAction(page, text, 'rights.ui.recordRequest');
    },
  },
  {
    name: 'restrict dialog',
    hash: (records) => `#/candidates/${records.candidate}/identity`,
    async open(page, text) {
      await headerAction(page, text, 'candidates.ui.restriction.restrict');
    },
  },
  {
    name: 'leave dialog',
    hash: () => '#/candidates/new',
    async open(page, text) {
      await page.getByLabel(text('candidates.ui.fields.firstName'), { exact: true }).fill('Hélène');
      await page.getByRole('link', { name: text('common.ui.sections.employers') }).click();
    },
    async close(page, text) {
      await page.getByRole('button', { name: text('common.ui.leaveGuard.leave') }).click();
    },
  },
  {
    name: 'change password dialog',
    hash: () => '#/',
    async open(page, text) {
      // In a small window the sidebar, which holds the account, starts folded: the person opens it first.
      await unfoldSidebar(page);
      await page.getByRole('button', { name: text('accounts.ui.panel.changePassword') }).click();
    },
    async close(page) {
      await page.keyboard.press('Escape');
      await page.locator('dialog[open]').waitFor({ state: 'detached' });
      await foldSidebarAsItWas(page);
    },
  },
  { name: 'sessions', hash: () => '#/sessions' },
  { name: 'new session', hash: () => '#/sessions/new' },
  { name: 'session', hash: (records) => `#/sessions/${records.session}` },
  { name: 'employers', hash: () => '#/employers' },
  { name: 'new employer', hash: () => '#/employers/new' },
  { name: 'employers import', hash: () => '#/employers/import' },
  { name: 'job needs import', hash: () => '#/employers/import/needs' },
  { name: 'employer', hash: (records) => `#/employers/${records.employer}` },
  { name: 'job need', hash: (records) => `#/employers/${records.employer}/needs/${records.need}` },
  { name: 'volunteers', hash: () => '#/volunteers' },
  { name: 'pairs', hash: () => '#/volunteers/pairs' },
  { name: 'new volunteer', hash: () => '#/volunteers/new' },
  { name: 'volunteers import', hash: () => '#/volunteers/import' },
  { name: 'volunteer', hash: (records) => `#/volunteers/${records.volunteer}` },
  { name: 'partners', hash: () => '#/partners' },
  { name: 'new partner', hash: () => '#/partners/new' },
  { name: 'partners import', hash: () => '#/partners/import' },
  { name: 'partner', hash: (records) => `#/partners/${records.partner}` },
  { name: 'matching', hash: () => '#/matching' },
  { name: 'need matches', hash: (records) => `#/matching/needs/${records.need}` },
  { name: 'presentation', hash: (records) => `#/matching/presentations/${records.presentation}` },
  { name: 'calendar week', hash: () => '#/calendar' },
  { name: 'calendar month', hash: () => '#/calendar/month' },
  { name: 'my day', hash: () => '#/calendar/day' },
  { name: 'reports', hash: () => '#/reports' },
  { name: 'exchange', hash: () => '#/exchange' },
  { name: 'exchange export', hash: () => '#/exchange/export' },
  { name: 'exchange import', hash: () => '#/exchange/import' },
  { name: 'exchange log', hash: () => '#/exchange/log' },
  { name: 'settings', hash: () => '#/settings' },
  { name: 'accounts', hash: () => '#/settings/accounts' },
  { name: 'audit log', hash: () => '#/settings/audit' },
];

/** One of a file's header actions: a button, or in a small window an item of its "More actions" menu. */
async function headerAction(page: Page, text: (key: string) => string, key: string): Promise<void> {
  const more = page.getByRole('button', { name: text('candidates.ui.record.moreActions') });
  if (await more.isVisible()) {
    await more.click();
    await page.getByRole('menuitem', { name: text(key), exact: true }).click();
  } else {
    await page.getByRole('button', { name: text(key), exact: true }).click();
  }
}

/** Whether the walk unfolded the sidebar (a small window folds it), to fold it back after. */
const unfolded = new WeakSet<Page>();

async function unfoldSidebar(page: Page): Promise<void> {
  const toggle = page.locator('#sidebar-toggle');
  if ((await toggle.getAttribute('aria-expanded')) === 'true') return;
  await toggle.click();
  unfolded.add(page);
}

async function foldSidebarAsItWas(page: Page): Promise<void> {
  const toggle = page.locator('#sidebar-toggle');
  // Escape in the dialog may have folded it already (the dialog sits inside the sidebar).
  if (unfolded.delete(page) && (await toggle.getAttribute('aria-expanded')) === 'true') await toggle.click();
}

type Catalogue = { [key: string]: string | Catalogue };

/** A string of the interface by its key (Playwright's loader cannot import the catalogues' JSON as the app does). */
export function texts(language: Language): (key: string) => string {
  const folder = path.resolve('shared/i18n', language);
  const files = [`${folder}.json`, ...readdirSync(folder).map((file) => path.join(folder, file))];
  const catalogue: Catalogue = Object.assign({}, ...files.map((file) => JSON.parse(readFileSync(file, 'utf8'))));
  return (key) => {
    let node: string | Catalogue | undefined = catalogue;
    for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
    if (typeof node !== 'string') throw new Error(`no string ${key} in ${language}`);
    return node;
  };
}

/**
 * Visits every step in one page, by address (no reload), waiting at each until the screen has
 * drawn what it loads (a heading in the main area, nothing left busy) and its dialog is open.
 */
export async function walk(page: Page, language: Language, records: WalkRecords, visit: (step: WalkStep) => Promise<void>, steps = WALK): Promise<void> {
  const text = texts(language);
  for (const step of steps) {
    // The new address, then a frame for React to draw the screen it names (and mark what it loads as busy).
    await page.locator('html').evaluate((root, hash) => {
      const view = root.ownerDocument.defaultView as NonNullable<typeof root.ownerDocument.defaultView>;
      view.location.hash = hash;
      return new Promise((drawn) => view.requestAnimationFrame(() => view.requestAnimationFrame(drawn)));
    }, step.hash(records));
    await page.locator('main h1').first().waitFor();
    await page.locator('[aria-busy="true"], .section-loading').first().waitFor({ state: 'detached' });
    if (step.open) {
      await step.open(page, text, records);
      await page.locator('dialog[open]').waitFor();
    }
    await visit(step);
    if (step.open) {
      await (step.close ? step.close(page, text) : page.keyboard.press('Escape'));
      await page.locator('dialog[open]').waitFor({ state: 'detached' });
    }
  }
}
