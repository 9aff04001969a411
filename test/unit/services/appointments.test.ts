import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/api/backend';
import { ok, refused } from '../../support/api';
import { manualClock } from '../../support/records';
import { accountOf } from '../../support/session';
import { signInAs, useBackend } from '../../support/temp';

/**
 * A small association's week (Monday 2026-12-07 to Sunday 2026-12-13): two volunteers in a pair,
 * a third on her own, three people, and what each calendar must show of it.
 */
async function week(backend: Backend) {
  const volunteer = (firstName: string, lastName: string) => ok(backend, 'volunteers.create', { firstName, lastName });
  const marc = await volunteer('Marc', 'Petit');
  const zoe = await volunteer('Zoé', 'Bernard');
  const claire = await volunteer('Claire', 'Roux');
  const pair = await ok(backend, 'pairs.create', { kind: 'temp_agencies', firstVolunteerId: marc.id, secondVolunteerId: zoe.id });
  const amina = await ok(backend, 'candidates.create', { firstName: 'Amina', lastName: 'Diallo', assignedPairId: pair.id, languages: ['ar', 'en'] });
  const omar = await ok(backend, 'candidates.create', { firstName: 'Omar', lastName: 'Haddad', assignedVolunteerId: claire.id, authorisationDocument: 'refugee_resident_card', authorisationExpiry: '2034-01-01' });
  const yonas = await ok(backend, 'candidates.create', { firstName: 'Yonas', lastName: 'Tesfaye' });
  const appointment = (candidateId: string, startsAt: string, volunteerId: string | null, kind: 'dropin' | 'phone' | 'prefecture' = 'phone') =>
    ok(backend, 'appointments.create', { candidateId, kind, startsAt, volunteerId, place: 'Local, 3 rue Neuve; salle B' });
  const aminaMonday = await appointment(amina.id, '2026-12-07T09:30', marc.id, 'prefecture');
  const omarTuesday = await appointment(omar.id, '2026-12-08T14:00', claire.id);
  const yonasSunday = await appointment(yonas.id, '2026-12-13T23:30', null);
  // Outside the week on both sides.
  await appointment(amina.id, '2026-12-06T23:59', marc.id);
  await appointment(amina.id, '2026-12-14T00:00', marc.id);
  const session = await ok(backend, 'sessions.create', { date: '2026-12-09', place: 'Maison des associations', volunteerIds: [zoe.id] });
  const employer = await ok(backend, 'employers.create', { name: 'Transports Martin' });
  const placement = await ok(backend, 'placements.create', {
    candidateId: omar.id,
    kind: 'pmsmp',
    employerId: employer.id,
    startDate: '2026-12-10',
    endDate: '2026-12-23',
    objective: 'discover',
    prescriber: 'France Travail',
  });
  const goal = await ok(backend, 'plans.addObjective', { candidateId: amina.id, label: 'Français B1' });
  const step = await ok(backend, 'plans.addStep', { objectiveId: goal.id, kind: 'cv_workshop', label: 'Atelier CV', dueOn: '2026-12-11', responsible: 'volunteer', volunteerId: zoe.id });
  return { marc, zoe, claire, pair, amina, omar, yonas, aminaMonday, omarTuesday, yonasSunday, session, placement, step };
}

const WEEK = { from: '2026-12-07', to: '2026-12-13' };
const ids = (items: { kind: string; id: string }[]) => items.map((item) => `${item.kind}:${item.id}`);

describe('appointments and the calendar', () => {
  const openBackend = useBackend();

  it('gives a week the right items, by role and volunteer', async () => {
    const backend = await openBackend({ clock: manualClock('2026-12-03T06:00:00.000Z') });
    const world = await week(backend);
    const everything = await ok(backend, 'appointments.calendar', WEEK);
    expect(ids(everything.items)).toEqual([
      `appointment:${world.aminaMonday.id}`,
      `appointment:${world.omarTuesday.id}`,
      `session:${world.session.id}`,
      `placementStart:${world.placement.id}`,
      `step:${world.step.id}`,
      `appointment:${world.yonasSunday.id}`,
    ]);
    expect(everything.items[0]).toMatchObject({ date: '2026-12-07', time: '09:30', candidateName: 'Amina Diallo', appointmentKind: 'prefecture', volunteerNames: ['Marc Petit'] });
    expect(everything.items[2]).toMatchObject({ kind: 'session', place: 'Maison des associations', volunteerNames: ['Zoé Bernard'] });

    // By volunteer: Marc's appointment and his pair's files (the step of Amina's plan); Claire's own.
    const marcs = await ok(backend, 'appointments.calendar', { ...WEEK, volunteerId: world.marc.id });
    expect(ids(marcs.items)).toEqual([`appointment:${world.aminaMonday.id}`, `step:${world.step.id}`]);
    const pairs = await ok(backend, 'appointments.calendar', { ...WEEK, pairId: world.pair.id });
    expect(ids(pairs.items)).toEqual([`appointment:${world.aminaMonday.id}`, `session:${world.session.id}`, `step:${world.step.id}`]);

    // A volunteer sees only the files of their scope, whatever they ask; "my day" is theirs.
    signInAs(backend, accountOf('volunteer', world.claire.id));
    const claires = await ok(backend, 'appointments.calendar', WEEK);
    expect(ids(claires.items)).toEqual([`appointment:${world.omarTuesday.id}`, `session:${world.session.id}`, `placementStart:${world.placement.id}`]);
    const myTuesday = await ok(backend, 'appointments.calendar', { from: '2026-12-08', to: '2026-12-08', mine: true });
    expect(ids(myTuesday.items)).toEqual([`appointment:${world.omarTuesday.id}`]);
    await refused(backend, 'appointments.get', { id: world.aminaMonday.id }, {}, 'not_found');
    signInAs(backend, accountOf('volunteer', null));
    expect((await ok(backend, 'appointments.calendar', { ...WEEK, mine: true })).items).toEqual([]);
    signInAs(backend, accountOf('reader'));
    await refused(backend, 'appointments.calendar', WEEK, {}, 'forbidden');
  });

  it('allows future appointments and past ones with what happened; refuses what makes no sense', async () => {
    const backend = await openBackend({ clock: manualClock('2026-12-03T06:00:00.000Z') });
    const amina = await ok(backend, 'candidates.create', { firstName: 'Amina', lastName: 'Diallo' });
    const past = await ok(backend, 'appointments.create', { candidateId: amina.id, kind: 'dropin', startsAt: '2026-11-20T10:00', status: 'held', outcome: 'Dossier complet' });
    expect(past).toMatchObject({ status: 'held', outcome: 'Dossier complet', durationMinutes: 30 });
    const future = await ok(backend, 'appointments.create', { candidateId: amina.id, kind: 'interview', startsAt: '2027-01-15T08:00', durationMinutes: 45 });
    expect((await ok(backend, 'appointments.list', { candidateId: amina.id })).map((item) => item.id)).toEqual([future.id, past.id]);
    await refused(backend, 'appointments.create', { candidateId: amina.id, kind: 'phone', startsAt: '2026-12-10' }, { startsAt: 'appointments.errors.startsAt' });
    await refused(backend, 'appointments.create', { candidateId: amina.id, kind: 'phone', startsAt: '2026-02-30T10:00' }, { startsAt: 'appointments.errors.startsAt' });
    await refused(backend, 'appointments.create', { candidateId: amina.id, kind: 'phone', startsAt: '2026-12-10T10:00', outcome: 'Venue' }, { outcome: 'appointments.errors.outcomeBeforeHeld' });
    await refused(backend, 'appointments.create', { candidateId: amina.id, kind: 'phone', startsAt: '2026-12-10T10:00', durationMinutes: 0 }, { durationMinutes: 'appointments.errors.duration' });
    await refused(backend, 'appointments.calendar', { from: '2026-12-01', to: '2027-01-31' }, { to: 'appointments.errors.rangeTooLong' });
    const other = await ok(backend, 'candidates.create', { firstName: 'Omar', lastName: 'Haddad' });
    const goal = await ok(backend, 'plans.addObjective', { candidateId: other.id, label: 'Permis' });
    const step = await ok(backend, 'plans.addStep', { objectiveId: goal.id, kind: 'other', label: 'Code', responsible: 'person' });
    await refused(backend, 'appointments.create', { candidateId: amina.id, kind: 'phone', startsAt: '2026-12-10T10:00', stepId: step.id }, { stepId: 'appointments.errors.otherPerson' });
    // Held, then its outcome; removed: audited about the file each time.
    await ok(backend, 'appointments.update', { ...pick(future), status: 'held', outcome: 'Embauche probable' });
    await ok(backend, 'appointments.remove', { id: past.id });
    const actions = backend.database.sqlite.prepare("SELECT action, subject_id AS subjectId FROM audit_log WHERE action LIKE 'appointments.%' ORDER BY rowid").all();
    expect(actions).toEqual(['appointments.create', 'appointments.create', 'appointments.update', 'appointments.remove'].map((action) => ({ action, subjectId: amina.id })));
  });

  it('writes .ics files an independent parser reads back: one appointment and my week', async () => {
    const backend = await openBackend({ clock: manualClock('2026-12-03T06:00:00.000Z') });
    const world = await week(backend);
    const one = await ok(backend, 'appointments.ics', { id: world.aminaMonday.id });
    expect(one).toMatchObject({ fileName: 'rendez-vous-2026-12-07.ics', mimeType: 'text/calendar' });
    expect(one.content.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(one.content.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const calendar = new ICAL.Component(ICAL.parse(one.content));
    const [event] = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    expect(event?.uid).toBe(`${world.aminaMonday.id}@tremplin`);
    expect(event?.summary).toBe('Préfecture – Amina D.');
    expect(event?.location).toBe('Local, 3 rue Neuve; salle B');
    // 09:30 in Paris in December is 08:30 UTC.
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    expect(event?.startDate.toJSDate().toISOString()).toBe('2026-12-07T08:30:00.000Z');
    expect(event?.endDate.toJSDate().toISOString()).toBe('2026-12-07T09:00:00.000Z');
    expect(calendar.getFirstSubcomponent('vevent')?.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-12-03T06:00:00Z');

    signInAs(backend, accountOf('volunteer', world.marc.id));
    const mine = await ok(backend, 'appointments.icsWeek', { day: '2026-12-10' });
    expect(mine.fileName).toBe('rendez-vous-semaine-2026-12-07.ics');
    const events = new ICAL.Component(ICAL.parse(mine.content)).getAllSubcomponents('vevent').map((component) => new ICAL.Event(component).uid);
    expect(events).toEqual([`${world.aminaMonday.id}@tremplin`]);
  });

  it('writes the letter in the person\'s language and a text to copy', async () => {
    const backend = await openBackend({ clock: manualClock('2026-12-03T06:00:00.000Z') });
    const world = await week(backend);
    await ok(backend, 'exchange.saveProfile', { name: 'Tremplin Lyon', phone: '04 78 00 00 00' });
    const letter = await ok(backend, 'appointments.letter', { id: world.aminaMonday.id });
    const text = pdfText(Buffer.from(letter.content, 'base64'));
    // Amina speaks Arabic and English: English is the first language the letter can be written in.
    expect(text).toContain('Hello Amina,');
    expect(text).toContain('Monday, 7 December 2026 at 09:30');
    expect(text).toContain('Local, 3 rue Neuve; salle B');
    expect(text).toContain('Marc Petit');
    expect(text).toContain('04 78 00 00 00');
    expect(text).not.toContain('Diallo');
    const italian = pdfText(Buffer.from((await ok(backend, 'appointments.letter', { id: world.aminaMonday.id, language: 'it' })).content, 'base64'));
    expect(italian).toContain('lunedì 7 dicembre 2026 alle 09:30');
    const message = await ok(backend, 'appointments.message', { id: world.omarTuesday.id });
    expect(message).toEqual({
      language: 'fr',
      text: 'Bonjour Omar, rappel : rendez-vous (Téléphone) le mardi 8 décembre 2026 à 14:00. Lieu : Local, 3 rue Neuve; salle B. Avec Claire Roux. Empêché ? Appelez le 04 78 00 00 00. Tremplin Lyon',
    });
  });
});

function pick(appointment: { id: string; kind: 'dropin' | 'phone' | 'office' | 'employer' | 'interview' | 'prefecture' | 'other'; startsAt: string; durationMinutes: number }) {
  const { id, kind, startsAt, durationMinutes } = appointment;
  return { id, kind, startsAt, durationMinutes };
}

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tremplin-letter-'));
  try {
    const file = path.join(dir, 'letter.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
