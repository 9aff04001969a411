import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/api/backend';
import { TEST_SCRYPT_COST } from '../../../electron/formats/protection';
import { AUDIT_SUBJECT_TYPES } from '../../../shared/audit';
import { type InputOf, type MethodName, isMethodName, writingMethods } from '../../../shared/api';
import { contentSnapshot, ok } from '../../support/api';
import { TEST_ADMINISTRATOR } from '../../support/accounts';
import { useBackend } from '../../support/temp';
import { association } from '../../support/exchange';
import { RESIDENT_CARD, basics, candidate, employer, immersion, manualClock, need, rows } from '../../support/records';

/**
 * A valid call of a writing method, after the records it needs are created (`open` gives a
 * partner association its own installation).
 */
type Fixture = (backend: Backend, open: () => Promise<Backend>) => Promise<unknown>;

const today = '2026-03-10';

async function presentation(backend: Backend) {
  const { person, job } = await basics(backend);
  return ok(backend, 'presentations.create', { candidateId: person.id, jobNeedId: job.id });
}

async function placement(backend: Backend) {
  const person = await candidate(backend);
  const company = await employer(backend);
  return ok(backend, 'placements.create', immersion(person.id, company.id, '2026-03-02', '2026-03-13'));
}

async function recruitment(backend: Backend) {
  const person = await candidate(backend);
  const company = await employer(backend);
  return ok(backend, 'recruitments.create', { candidateId: person.id, kind: 'cdi', employerId: company.id, startDate: '2026-02-02' });
}

let accountNumber = 1;
const account = (backend: Backend) => ok(backend, 'accounts.create', { name: `Compte ${accountNumber++}`, role: 'staff', password: 'un mot de passe' });
const openedSheet = async (backend: Backend) =>
  (await ok(backend, 'sheets.open', { fileName: 'p.csv', contentBase64: Buffer.from('Nom;Prénom\nDiallo;Aminata\n').toString('base64') })).importId;
const session = (backend: Backend) => ok(backend, 'sessions.create', { date: today, place: 'Local associatif' });
const volunteer = (backend: Backend, firstName = 'Marc') => ok(backend, 'volunteers.create', { firstName, lastName: 'Martin' });
const partner = (backend: Backend) => ok(backend, 'partners.create', { name: 'Forum Réfugiés', kind: 'reception_centre' });
const sector = (backend: Backend) => ok(backend, 'sectors.create', { name: 'Sécurité' });
let programmes = 0;
/** Each fixture's programme by a name of its own (names are unique). */
const programme = (backend: Backend) => ok(backend, 'programmes.create', { name: `FSE+ ${++programmes}` });
const archived = async <T extends { id: string }>(backend: Backend, method: MethodName, made: Promise<T>) => {
  const { id } = await made;
  await ok(backend, method as 'candidates.archive', { id });
  return { id };
};

const fixtures: Partial<Record<MethodName, Fixture>> = {
  'candidates.create': async () => ({ firstName: 'Amina', lastName: 'Diallo', ...RESIDENT_CARD }),
  'candidates.update': async (b) => ({ id: (await candidate(b)).id, frenchLevel: 'A1' }),
  'candidates.archive': async (b) => ({ id: (await candidate(b)).id }),
  'candidates.restore': (b) => archived(b, 'candidates.archive', candidate(b)),
  'candidates.merge': async (b) => ({ keepId: (await candidate(b)).id, mergeId: (await candidate(b, { firstName: 'Omar' })).id }),
  'candidates.undoMerge': async (b) => {
    const [keep, merged] = [await candidate(b), await candidate(b, { firstName: 'Omar' })];
    await ok(b, 'candidates.merge', { keepId: keep.id, mergeId: merged.id });
    return { mergedId: merged.id };
  },
  'dashboard.setTargets': async () => ({ period: 'month', candidates: 1, presentations: 1, placements: 1, recruitments: 1, companyContacts: 1 }),
  'employers.create': async () => ({ name: 'Transports Martin' }),
  'employers.update': async (b) => ({ id: (await employer(b)).id, postalCode: '38000', commune: 'Grenoble' }),
  'employers.archive': async (b) => ({ id: (await employer(b)).id }),
  'employers.restore': (b) => archived(b, 'employers.archive', employer(b)),
  'jobNeeds.create': async (b) => ({ employerId: (await employer(b)).id, occupation: 'Cariste', contractType: 'cdd' }),
  'jobNeeds.update': async (b) => ({ id: (await need(b, (await employer(b)).id)).id, hoursPerWeek: 35 }),
  'jobNeeds.setState': async (b) => ({ id: (await need(b, (await employer(b)).id)).id, state: 'filled' }),
  'jobNeeds.archive': async (b) => ({ id: (await need(b, (await employer(b)).id)).id }),
  'jobNeeds.restore': async (b) => archived(b, 'jobNeeds.archive', need(b, (await employer(b)).id)),
  'exchange.saveProfile': async () => ({ name: 'Tremplin Lyon' }),
  'exchange.createKeys': async () => ({ passphrase: 'a long test passphrase' }),
  'exchange.importCard': async (_b, open) => ({ content: (await association(await open(), 'Forum Réfugiés')).content }),
  'exchange.verifyCard': async (b, open) => {
    const card = await association(await open(), 'Forum Réfugiés');
    return { id: (await ok(b, 'exchange.importCard', { content: card.content })).id };
  },
  'exchange.export': async (b) => passphraseExport(b),
  'exchange.applyImport': async (b, open) => {
    let file = partnerFiles.get(b);
    if (!file) {
      const sender = await open();
      const card = await association(sender, 'Tremplin Lyon');
      const { content, passphrase } = await ok(sender, 'exchange.export', await passphraseExport(sender));
      await ok(b, 'exchange.verifyCard', { id: (await ok(b, 'exchange.importCard', { content: card.content })).id });
      file = { content, passphrase: passphrase ?? '' };
      partnerFiles.set(b, file);
    }
    return { token: (await ok(b, 'exchange.openImport', { fileName: 'f.tremplin', ...file })).token, decisions: {} };
  },
  'backups.setupRecovery': async () => ({ replace: true }),
  'backups.backupNow': async (b) => {
    await ok(b, 'backups.setupRecovery', { replace: true });
    return {};
  },
  'backups.delete': async (b) => {
    await ok(b, 'backups.setupRecovery', { replace: true });
    return { name: (await ok(b, 'backups.backupNow', {})).name };
  },
  'backups.restore': async (b) => {
    const { recoveryKey } = await ok(b, 'backups.setupRecovery', { replace: true });
    const { name } = await ok(b, 'backups.backupNow', {});
    await candidate(b); // what the restore takes away
    return { name, recoveryKey };
  },
  'accounts.create': async () => ({ name: `Compte ${accountNumber++}`, role: 'staff', password: 'un mot de passe' }),
  'accounts.update': async (b) => ({ id: (await account(b)).id, role: 'reader' }),
  'accounts.resetPassword': async (b) => ({ id: (await account(b)).id, password: 'un autre mot de passe' }),
  'accounts.disable': async (b) => ({ id: (await account(b)).id }),
  'accounts.enable': async (b) => {
    const { id } = await account(b);
    await ok(b, 'accounts.disable', { id });
    return { id, password: 'un autre mot de passe' };
  },
  'candidates.restrict': async (b) => ({ id: (await candidate(b)).id, reason: 'accuracyContested' }),
  'candidates.liftRestriction': async (b) => {
    const { id } = await candidate(b);
    await ok(b, 'candidates.restrict', { id, reason: 'legalClaim' });
    return { id };
  },
  'accounts.changePassword': async () => ({ currentPassword: TEST_ADMINISTRATOR.password, newPassword: TEST_ADMINISTRATOR.password }),
  'accounts.setIdleLock': async () => ({ minutes: 15 }),
  'reports.setSettings': async () => ({ smallCellMinimum: 7 }),
  'sheets.apply': async (b) => ({ importId: await openedSheet(b) }),
  'rights.erase': async (b) => {
    const person = await candidate(b);
    await ok(b, 'timeline.add', { subjectType: 'candidate', subjectId: person.id, kind: 'call', occurredAt: '2026-02-01', text: 'Appel' });
    return { candidateId: person.id, reason: 'request' };
  },
  'retention.keep': async (b) => {
    // Last heard of 2024-04-01: due 2026-03-31, within the notice on the test's 10 March 2026.
    const person = await candidate(b);
    await ok(b, 'timeline.add', { subjectType: 'candidate', subjectId: person.id, kind: 'call', occurredAt: '2024-04-01', text: 'Appel' });
    return { candidateId: person.id, reason: 'supportOngoing' };
  },
  'retention.anonymise': async (b) => ({ candidateId: (await candidate(b)).id }),
  'retention.saveSettings': async () => ({ candidateDays: 365, reasonForLonger: null }),
  'exchange.erasureRequest': async (b, open) => {
    const link = await linkedPartner(b, open);
    const erasedIds = await sentThenErased(b, link.forumAtB, link.forumCardAtB);
    return { candidateIds: erasedIds, associationId: link.forumCardAtB.associationId };
  },
  'rights.answerPartnerErasure': async (b, open) => {
    const link = await linkedPartner(b, open);
    const erasedIds = await sentThenErased(link.other, link.lyonAtOther, link.lyonCardAtOther, b);
    const request = await ok(link.other, 'exchange.erasureRequest', { candidateIds: erasedIds, associationId: link.lyonCardAtOther.associationId });
    await ok(b, 'exchange.applyImport', { token: (await ok(b, 'exchange.openImport', { fileName: 'r.tremplin', content: request.content })).token });
    const [asked] = await ok(b, 'rights.partnerErasureRequests', {});
    return { id: asked?.id, decision: 'decline', reason: 'Contrat en cours' };
  },
  'rights.accessExport': async (b) => ({ candidateId: (await candidate(b)).id, format: 'json' }),
  'rights.recordRequest': async (b) => ({ candidateId: (await candidate(b)).id, kind: 'access', receivedOn: today, channel: 'email', requester: 'person' }),
  'rights.answerRequest': async (b) => {
    const request = await ok(b, 'rights.recordRequest', { candidateId: (await candidate(b)).id, kind: 'erasure', receivedOn: today, channel: 'letter', requester: 'person' });
    return { id: request.id, answeredOn: today };
  },
  'sheets.undo': async (b) => {
    return { id: (await ok(b, 'sheets.apply', { importId: await openedSheet(b) })).id };
  },
  'partners.create': async () => ({ name: 'Forum Réfugiés', kind: 'reception_centre' }),
  'partners.update': async (b) => ({ id: (await partner(b)).id, kind: 'other' }),
  'partners.archive': async (b) => ({ id: (await partner(b)).id }),
  'partners.restore': (b) => archived(b, 'partners.archive', partner(b)),
  'presentations.create': async (b) => {
    const { person, job } = await basics(b);
    return { candidateId: person.id, jobNeedId: job.id, author: 'Claire' };
  },
  'presentations.transition': async (b) => ({ id: (await presentation(b)).id, to: 'presented', author: 'Claire' }),
  'placements.create': async (b) => immersion((await candidate(b)).id, (await employer(b)).id, '2026-03-16', '2026-03-27'),
  'placements.update': async (b) => ({ id: (await placement(b)).id, tutor: 'Nadia' }),
  'placements.end': async (b) => ({ id: (await placement(b)).id, outcome: 'abandoned', endedOn: '2026-03-09' }),
  'placements.archive': async (b) => ({ id: (await placement(b)).id }),
  'placements.restore': (b) => archived(b, 'placements.archive', placement(b)),
  'recruitments.create': async (b) => ({ candidateId: (await candidate(b)).id, kind: 'cdi', employerId: (await employer(b)).id, startDate: '2026-03-16' }),
  'recruitments.update': async (b) => ({ id: (await recruitment(b)).id, hoursPerWeek: 24 }),
  'recruitments.archive': async (b) => ({ id: (await recruitment(b)).id }),
  'recruitments.restore': (b) => archived(b, 'recruitments.archive', recruitment(b)),
  'followUps.record': async (b) => ({ id: (await recruitment(b)).followUps[0]?.id ?? '', result: 'employed', author: 'Claire' }),
  'sectors.create': async () => ({ name: 'Sécurité' }),
  'sectors.rename': async (b) => ({ id: (await sector(b)).id, name: 'Sécurité privée' }),
  'sectors.archive': async (b) => ({ id: (await sector(b)).id }),
  'sectors.restore': (b) => archived(b, 'sectors.archive', sector(b)),
  'programmes.create': async () => ({ name: 'PLIE' }),
  'programmes.rename': async (b) => ({ id: (await programme(b)).id, name: `PLIE ${++programmes}` }),
  'programmes.archive': async (b) => ({ id: (await programme(b)).id }),
  'programmes.restore': (b) => archived(b, 'programmes.archive', programme(b)),
  'programmes.setForCandidate': async (b) => ({ id: (await candidate(b)).id, programmes: [{ programmeId: (await programme(b)).id, joinedOn: '2026-01-05' }] }),
  'sessions.create': async () => ({ date: today, place: 'Local associatif' }),
  'sessions.update': async (b) => ({ id: (await session(b)).id, place: 'Salle 2' }),
  'sessions.archive': async (b) => ({ id: (await session(b)).id }),
  'sessions.restore': (b) => archived(b, 'sessions.archive', session(b)),
  'sessions.addVisit': async (b) => ({ sessionId: (await session(b)).id, candidateId: (await candidate(b)).id }),
  'sessions.removeVisit': async (b) => ({ id: (await ok(b, 'sessions.addVisit', { sessionId: (await session(b)).id, candidateId: (await candidate(b)).id })).id }),
  'sessions.intake': async (b) => ({ sessionId: (await session(b)).id, firstName: 'Yonas', lastName: 'Tesfaye' }),
  'timeline.add': async (b) => ({ subjectType: 'candidate', subjectId: (await candidate(b)).id, kind: 'call', occurredAt: today, author: 'Claire' }),
  'timeline.update': async (b) => {
    const entry = await ok(b, 'timeline.add', { subjectType: 'candidate', subjectId: (await candidate(b)).id, kind: 'call', occurredAt: today });
    return { id: entry.id, kind: 'dropin_visit', occurredAt: today };
  },
  'timeline.remove': async (b) => ({ id: (await ok(b, 'timeline.add', { subjectType: 'candidate', subjectId: (await candidate(b)).id, kind: 'call', occurredAt: today })).id }),
  'plans.recordDiagnosis': async (b) => ({ candidateId: (await candidate(b)).id, author: 'Claire' }),
  'plans.addObjective': async (b) => ({ candidateId: (await candidate(b)).id, label: 'Français B1 en juin' }),
  'plans.updateObjective': async (b) => ({ id: (await objective(b)).id, label: 'Français B1', status: 'reached', outcome: 'DELF B1' }),
  'plans.removeObjective': async (b) => ({ id: (await objective(b)).id }),
  'plans.addStep': async (b) => ({ objectiveId: (await objective(b)).id, kind: 'cv_workshop', label: 'Atelier CV', responsible: 'person' }),
  'plans.updateStep': async (b) => ({ id: (await step(b)).id, kind: 'cv_workshop', label: 'Atelier CV', responsible: 'person', status: 'done' }),
  'plans.removeStep': async (b) => ({ id: (await step(b)).id }),
  'appointments.create': async (b) => ({ candidateId: (await candidate(b)).id, kind: 'phone', startsAt: '2026-03-12T10:00' }),
  'appointments.update': async (b) => ({ id: (await appointment(b)).id, kind: 'phone', startsAt: '2026-03-12T10:00', status: 'held', outcome: 'Joint' }),
  'appointments.remove': async (b) => ({ id: (await appointment(b)).id }),
  'volunteers.create': async () => ({ firstName: 'Marc', lastName: 'Martin' }),
  'volunteers.update': async (b) => ({ id: (await volunteer(b)).id, lastName: 'Dupont' }),
  'volunteers.archive': async (b) => ({ id: (await volunteer(b)).id }),
  'volunteers.restore': (b) => archived(b, 'volunteers.archive', volunteer(b)),
  'pairs.create': async (b) => ({ kind: 'temp_agencies', firstVolunteerId: (await volunteer(b)).id, secondVolunteerId: (await volunteer(b, 'Zoé')).id }),
  'pairs.update': async (b) => ({ id: (await pair(b)).id, secondVolunteerId: (await volunteer(b, 'Nadia')).id }),
  'pairs.archive': async (b) => ({ id: (await pair(b)).id }),
  'pairs.restore': (b) => archived(b, 'pairs.archive', pair(b)),
  'volunteerHours.add': async (b) => ({ volunteerId: (await volunteer(b)).id, date: today, hours: 2 }),
  'volunteerHours.remove': async (b) => ({ id: (await ok(b, 'volunteerHours.add', { volunteerId: (await volunteer(b)).id, date: today, hours: 2 })).id }),
};

/** The file a partner sent, opened afresh for each call. */
const partnerFiles = new WeakMap<Backend, { content: string; passphrase: string }>();

/** One file, for a partner without a card yet, from an association with its keys. */
async function passphraseExport(backend: Backend) {
  if (!(await ok(backend, 'exchange.status', {})).profile) await association(backend, 'Tremplin Lyon');
  const forum = await partner(backend);
  const person = await candidate(backend, { consentRecording: true, consentDate: '2026-01-10', sharingPartnerIds: [forum.id] });
  const request: InputOf<'exchange.export'> = { scope: { kind: 'candidates', ids: [person.id] }, to: { kind: 'passphrase', partnerId: forum.id } };
  return request;
}

/** `b` (Tremplin Lyon) and another installation (Forum Réfugiés) hold each other's verified cards, linked to a partner record. */
const links = new WeakMap<Backend, Awaited<ReturnType<typeof link>>>();
async function link(b: Backend, open: () => Promise<Backend>) {
  const other = await open();
  const [cardOfB, cardOfOther] = [await association(b, 'Tremplin Lyon'), await association(other, 'Forum Réfugiés')];
  const forumAtB = (await partner(b)).id;
  const forumCardAtB = await ok(b, 'exchange.importCard', { content: cardOfOther.content, partnerId: forumAtB });
  await ok(b, 'exchange.verifyCard', { id: forumCardAtB.id });
  const lyonAtOther = (await ok(other, 'partners.create', { name: 'Tremplin Lyon', kind: 'other' })).id;
  const lyonCardAtOther = await ok(other, 'exchange.importCard', { content: cardOfB.content, partnerId: lyonAtOther });
  await ok(other, 'exchange.verifyCard', { id: lyonCardAtOther.id });
  return { other, forumAtB, forumCardAtB, lyonAtOther, lyonCardAtOther };
}
async function linkedPartner(b: Backend, open: () => Promise<Backend>) {
  const known = links.get(b) ?? (await link(b, open));
  links.set(b, known);
  return known;
}

/** A person whose file `from` sent to a partner (imported there when `receiver` is given), then erased: the ids erased. */
async function sentThenErased(from: Backend, partnerId: string, card: { id: string }, receiver?: Backend) {
  const person = await candidate(from, { consentRecording: true, consentDate: today, sharingPartnerIds: [partnerId] });
  const file = await ok(from, 'exchange.export', { scope: { kind: 'candidates', ids: [person.id] }, to: { kind: 'partner', partnerCardId: card.id } });
  if (receiver) await ok(receiver, 'exchange.applyImport', { token: (await ok(receiver, 'exchange.openImport', { fileName: 'f.tremplin', content: file.content })).token });
  return (await ok(from, 'rights.erase', { candidateId: person.id, reason: 'request' })).erasedIds;
}

async function objective(backend: Backend) {
  return ok(backend, 'plans.addObjective', { candidateId: (await candidate(backend)).id, label: 'Permis de conduire' });
}

async function step(backend: Backend) {
  return ok(backend, 'plans.addStep', { objectiveId: (await objective(backend)).id, kind: 'other', label: 'Code de la route', responsible: 'person' });
}

async function appointment(backend: Backend) {
  return ok(backend, 'appointments.create', { candidateId: (await candidate(backend)).id, kind: 'dropin', startsAt: '2026-03-11T09:30' });
}

async function pair(backend: Backend) {
  return ok(backend, 'pairs.create', { kind: 'temp_agencies', firstVolunteerId: (await volunteer(backend)).id, secondVolunteerId: (await volunteer(backend, 'Zoé')).id });
}


const auditCount = (backend: Backend) => (rows(backend, 'SELECT count(*) AS n FROM audit_log') as { n: number }[])[0]?.n ?? 0;

describe('the audit wrapper', () => {
  const openBackend = useBackend();

  // A writing method added to the contract fails here until it has its call. The session's own
  // methods open and close the database and write their entries themselves (test/unit/api/session.test.ts).
  const wrapped = writingMethods.filter((method) => !method.startsWith('session.'));
  it('has a call for every writing method of the contract', () => {
    expect(wrapped.filter((method) => !fixtures[method])).toEqual([]);
  });

  it.each(wrapped.filter((method) => fixtures[method]))('%s writes its audit row in the transaction of its write', async (method) => {
    const clock = manualClock();
    const open = () => openBackend({ clock, keyScryptCost: TEST_SCRYPT_COST, exportScryptWorkFactor: 10 });
    const backend = await open();
    const fixture = fixtures[method] as Fixture;
    // Made afresh for each call: some calls use up their input (an import's token, a deleted backup).
    let input = await fixture(backend, open);
    const before = contentSnapshot(backend);

    // The audit row cannot be written: the call fails and its write is rolled back with it.
    backend.database.sqlite.exec("CREATE TEMP TRIGGER refuse_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit refused'); END");
    const refused = await backend.dispatch(method, input);
    expect(refused, JSON.stringify(refused)).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(contentSnapshot(backend)).toEqual(before);

    backend.database.sqlite.exec('DROP TRIGGER refuse_audit');
    clock.tick();
    input = await fixture(backend, open);
    const audited = auditCount(backend);
    await ok(backend, method, input as never);
    const entries = rows(backend, 'SELECT actor, account_id AS accountId, action, subject_type AS subjectType, details FROM audit_log ORDER BY rowid LIMIT -1 OFFSET ?', audited) as {
      actor: string | null;
      accountId: string | null;
      action: string;
      subjectType: string;
      details: string | null;
    }[];
    // What: one naming, the contract's method (`<methodGroup>.<verb>`), this call's among them,
    // whether the wrapper or the service wrote the entry; about one kind of record, in the singular.
    expect(entries.map((entry) => entry.action)).toContain(method);
    for (const entry of entries) {
      expect(isMethodName(entry.action), entry.action).toBe(true);
      expect(AUDIT_SUBJECT_TYPES, entry.subjectType).toContain(entry.subjectType);
    }
    // Who: the signed-in account, not a name typed on a form. Never a person's name or a note in the details.
    for (const entry of entries) {
      expect(entry).toMatchObject({ actor: TEST_ADMINISTRATOR.name, accountId: backend.session()?.accountId });
      expect(entry.details ?? '').not.toMatch(/Amina|Diallo|Omar|Yonas|Tesfaye|Marc|Zoé|Nadia|Claire/);
    }
  });
});
