import { z } from 'zod';
import type { ParsedInputOf } from '../../shared/api';
import {
  type Appointment,
  type AppointmentFile,
  type AppointmentKind,
  type AppointmentStatus,
  type CalendarDay,
  type CalendarItem,
  LETTER_LANGUAGES,
  type LetterLanguage,
} from '../../shared/appointments';
import { addDays } from '../../shared/dates';
import { formatPhone } from '../../shared/phone';
import type { PlacementKind } from '../../shared/pipeline';
import { type Clock, moment, newId, systemClock } from '../core/clock';
import { AppError, refuse } from '../core/errors';
import type { WriteDb } from '../db/handles';
import { calendarFile } from '../formats/ical';
import {
  type AppointmentRow,
  type CalendarFilter,
  appointmentById,
  appointmentsOf,
  calendarRows,
  deleteAppointment,
  insertAppointment,
  pairIdsOf,
  pairVolunteers,
  presentationCandidate,
  sessionExists,
  stepCandidate,
  updateAppointment,
} from '../store/appointments';
import { describeAudit } from '../store/audit';
import { currentCaller } from '../store/caller';
import { findCandidate } from '../store/candidates';
import { volunteerExists } from '../store/plans';
import { readSetting } from '../store/settings';
import { finishPdf, pdfDocument, translator } from './report-documents';
import { FONTS } from './pdf';

const NOT_FOUND = 'appointments.errors.notFound';

const toAppointment = (row: AppointmentRow): Appointment => ({ ...row, kind: row.kind as AppointmentKind, status: row.status as AppointmentStatus });

/** The association's name and phone, as its profile gives them, for what the person reads. */
const profileSchema = z.object({ name: z.string(), phone: z.string().nullish() });

/** Monday of the week holding `day`. */
function mondayOf(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** The letter's language: the one asked, else the first of the person's languages that Tremplin writes in, else French. */
function letterLanguage(asked: LetterLanguage | undefined, spoken: readonly string[]): LetterLanguage {
  return asked ?? (spoken.find((code): code is LetterLanguage => (LETTER_LANGUAGES as readonly string[]).includes(code)) ?? 'fr');
}

const LOCALES: Record<LetterLanguage, string> = { fr: 'fr-FR', en: 'en-GB', it: 'it-IT' };

/** "lundi 7 décembre 2026" and "09:30", in the language given, from a local `YYYY-MM-DDTHH:MM`. */
function spokenDateTime(startsAt: string, language: LetterLanguage): { date: string; time: string } {
  const date = new Intl.DateTimeFormat(LOCALES[language], { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${startsAt.slice(0, 10)}T00:00:00Z`));
  return { date, time: startsAt.slice(11, 16) };
}

export function createAppointmentService(db: WriteDb, clock: Clock = systemClock) {
  function get(id: string): AppointmentRow {
    const row = appointmentById(db, id);
    if (!row) throw new AppError('not_found', NOT_FOUND);
    return row;
  }

  /** Each link names an existing record of the same person (an interview of their presentation, a step of their plan). */
  function assertLinks(candidateId: string, input: { volunteerId: string | null; presentationId: string | null; sessionId: string | null; stepId: string | null }) {
    const errors: Record<string, string> = {};
    if (input.volunteerId && !volunteerExists(db, input.volunteerId)) errors.volunteerId = 'volunteers.errors.notFound';
    if (input.presentationId && presentationCandidate(db, input.presentationId) !== candidateId) errors.presentationId = 'appointments.errors.otherPerson';
    if (input.sessionId && !sessionExists(db, input.sessionId)) errors.sessionId = 'sessions.errors.notFound';
    if (input.stepId && stepCandidate(db, input.stepId) !== candidateId) errors.stepId = 'appointments.errors.otherPerson';
    if (Object.keys(errors).length > 0) refuse(errors);
  }

  /** What the calendar is filtered on; undefined for everything the caller may see. */
  function filterOf(query: { volunteerId?: string | undefined; pairId?: string | undefined; mine: boolean }): CalendarFilter | undefined {
    if (query.pairId) {
      const volunteerIds = pairVolunteers(db, query.pairId);
      if (!volunteerIds) refuse({ pairId: 'volunteers.errors.pairNotFound' });
      return { volunteerIds, pairIds: [query.pairId] };
    }
    const volunteerId = query.volunteerId ?? (query.mine ? currentCaller()?.volunteerId : undefined);
    if (query.mine && !volunteerId) {
      // An account tied to no volunteer: a volunteer's has nothing of their own; staff's day is the association's.
      return currentCaller()?.role === 'volunteer' ? { volunteerIds: [], pairIds: [] } : undefined;
    }
    if (!volunteerId) return undefined;
    return { volunteerIds: [volunteerId], pairIds: pairIdsOf(db, volunteerId) };
  }

  function calendar(query: { from: string; to: string; volunteerId?: string | undefined; pairId?: string | undefined; mine: boolean }): CalendarDay {
    const rows = calendarRows(db, query.from, addDays(query.to, 1), filterOf(query));
    const names = new Map<string, string[]>();
    for (const row of rows.sessionVolunteerRows) names.set(row.sessionId, [...(names.get(row.sessionId) ?? []), row.name]);
    const person = (row: { candidateId: string; candidateName: string }) => ({ candidateId: row.candidateId, candidateName: row.candidateName });
    /** A placement's first or last day: the same item, on the day it stands for. */
    const placementDay = (
      row: { id: string; candidateId: string; candidateName: string; kind: string; organisation: string | null },
      kind: 'placementStart' | 'placementEnd',
      date: string,
    ) => ({ kind, id: row.id, date, time: null, ...person(row), placementKind: row.kind as PlacementKind, label: row.organisation, place: null, volunteerNames: [] });
    const items: CalendarItem[] = [
      ...rows.appointmentRows.map((row) => ({
        kind: 'appointment' as const,
        id: row.id,
        date: row.startsAt.slice(0, 10),
        time: row.startsAt.slice(11, 16),
        ...person(row),
        appointmentKind: row.kind as AppointmentKind,
        appointmentStatus: row.status as AppointmentStatus,
        label: null,
        place: row.place,
        volunteerNames: row.volunteerName ? [row.volunteerName] : [],
      })),
      ...rows.sessionRows.map((row) => ({
        kind: 'session' as const,
        id: row.id,
        date: row.date,
        time: null,
        candidateId: null,
        candidateName: null,
        label: null,
        place: row.place,
        volunteerNames: names.get(row.id) ?? [],
      })),
      ...rows.placementStarts.map((row) => placementDay(row, 'placementStart', row.startDate)),
      ...rows.placementEnds.map((row) => placementDay(row, 'placementEnd', row.endDate)),
      ...rows.followUpRows.map((row) => ({
        kind: 'followUp' as const,
        id: row.id,
        date: row.dueOn,
        time: null,
        ...person(row),
        monthsAfter: row.monthsAfter,
        label: null,
        place: null,
        volunteerNames: [],
      })),
      ...rows.stepRows.map((row) => ({
        kind: 'step' as const,
        id: row.id,
        date: row.dueOn ?? query.from,
        time: null,
        ...person(row),
        label: row.label,
        place: null,
        volunteerNames: row.volunteerName ? [row.volunteerName] : [],
      })),
    ];
    // By day; within a day, what takes the day first, then appointments by time.
    items.sort((a, b) => a.date.localeCompare(b.date) || (a.time ?? '').localeCompare(b.time ?? '') || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
    return { from: query.from, to: query.to, items };
  }

  function icsEvents(rows: AppointmentRow[]) {
    const t = translator('fr');
    return rows.map((row) => ({
      uid: `${row.id}@tremplin`,
      startsAt: row.startsAt,
      durationMinutes: row.durationMinutes,
      // What a phone shows on a lock screen: the kind and the person's first name and initial, no more.
      summary: `${t(`appointments.values.kinds.${row.kind}`)} – ${shortName(row.candidateName)}`,
      location: row.place,
      description: row.volunteerName ? t('appointments.ui.ics.with', { name: row.volunteerName }) : null,
      cancelled: row.status === 'cancelled',
      updatedAt: row.updatedAt,
    }));
  }

  function profile() {
    return readSetting(db, 'association', profileSchema);
  }

  function letterParts(row: AppointmentRow, asked: LetterLanguage | undefined) {
    const file = findCandidate(db, row.candidateId);
    const language = letterLanguage(asked, file.languages);
    const t = translator(language);
    const { date, time } = spokenDateTime(row.startsAt, language);
    const association = profile();
    return { file, language, t, date, time, association, kind: t(`appointments.values.kinds.${row.kind}`) };
  }

  return {
    create({ candidateId, author, ...fields }: ParsedInputOf<'appointments.create'>): Appointment {
      findCandidate(db, candidateId);
      assertLinks(candidateId, fields);
      const { now } = moment(clock);
      const id = newId();
      db.transaction((tx) => {
        insertAppointment(tx, { id, candidateId, ...fields, author: author ?? null, createdAt: now, updatedAt: now });
        describeAudit(now, { action: 'appointments.create', subjectType: 'candidate', subjectId: candidateId, details: { appointmentId: id, kind: fields.kind } });
      });
      return toAppointment(get(id));
    },

    update({ id, author: _author, ...fields }: ParsedInputOf<'appointments.update'>): Appointment {
      const before = get(id);
      assertLinks(before.candidateId, fields);
      const { now } = moment(clock);
      const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter((field) => fields[field] !== before[field]);
      db.transaction((tx) => {
        updateAppointment(tx, id, { ...fields, updatedAt: now });
        describeAudit(now, { action: 'appointments.update', subjectType: 'candidate', subjectId: before.candidateId, details: { appointmentId: id, changed } });
      });
      return toAppointment(get(id));
    },

    remove({ id }: ParsedInputOf<'appointments.remove'>): Appointment {
      const before = get(id);
      const { now } = moment(clock);
      db.transaction((tx) => {
        deleteAppointment(tx, id);
        describeAudit(now, { action: 'appointments.remove', subjectType: 'candidate', subjectId: before.candidateId, details: { appointmentId: id, kind: before.kind } });
      });
      return toAppointment(before);
    },

    get: ({ id }: ParsedInputOf<'appointments.get'>) => toAppointment(get(id)),

    list({ candidateId }: ParsedInputOf<'appointments.list'>): Appointment[] {
      findCandidate(db, candidateId);
      return appointmentsOf(db, candidateId).map(toAppointment);
    },

    calendar: (query: ParsedInputOf<'appointments.calendar'>) => calendar(query),

    ics({ id }: ParsedInputOf<'appointments.ics'>): AppointmentFile {
      const row = get(id);
      const content = calendarFile(icsEvents([row]), { stampedAt: moment(clock).now });
      return { fileName: `rendez-vous-${row.startsAt.slice(0, 10)}.ics`, mimeType: 'text/calendar', content };
    },

    icsWeek({ day }: ParsedInputOf<'appointments.icsWeek'>): AppointmentFile {
      const monday = mondayOf(day);
      const week = calendar({ from: monday, to: addDays(monday, 6), mine: true });
      const ids = week.items.filter((item) => item.kind === 'appointment').map((item) => item.id);
      const rows = ids.map((id) => get(id));
      const content = calendarFile(icsEvents(rows), { stampedAt: moment(clock).now, name: translator('fr')('appointments.ui.ics.weekName', { monday }) });
      return { fileName: `rendez-vous-semaine-${monday}.ics`, mimeType: 'text/calendar', content };
    },

    async letter({ id, language: asked }: ParsedInputOf<'appointments.letter'>): Promise<AppointmentFile> {
      const row = get(id);
      const { file, t, date, time, association, kind } = letterParts(row, asked);
      const doc = pdfDocument({ title: t('appointments.ui.letter.title'), subtitle: [association?.name ?? ''] });
      doc.moveDown(2);
      doc.font(FONTS.regular).fontSize(14).text(t('appointments.ui.letter.greeting', { name: file.firstName }), { align: 'left' });
      doc.moveDown();
      doc.text(t('appointments.ui.letter.intro'));
      doc.moveDown(0.5);
      doc.font(FONTS.bold).fontSize(16);
      doc.text(`${t('appointments.ui.letter.when')} ${t('appointments.ui.letter.dateAt', { date, time })}`);
      doc.text(`${t('appointments.ui.letter.what')} ${kind}`);
      if (row.place) doc.text(`${t('appointments.ui.letter.where')} ${row.place}`);
      if (row.volunteerName) doc.text(`${t('appointments.ui.letter.withWhom')} ${row.volunteerName}`);
      doc.font(FONTS.regular).fontSize(14).moveDown();
      doc.text(t('appointments.ui.letter.bring'));
      doc.moveDown(0.5);
      doc.text(association?.phone ? t('appointments.ui.letter.cannotComePhone', { phone: formatPhone(association.phone) }) : t('appointments.ui.letter.cannotCome'));
      const pdf = await finishPdf(doc, () => association?.name ?? '');
      return { fileName: `${t('appointments.ui.letter.fileName')}-${row.startsAt.slice(0, 10)}.pdf`, mimeType: 'application/pdf', content: pdf.toString('base64') };
    },

    message({ id, language: asked }: ParsedInputOf<'appointments.message'>): { language: LetterLanguage; text: string } {
      const row = get(id);
      const { file, language, t, date, time, association, kind } = letterParts(row, asked);
      const parts = [
        t('appointments.ui.message.reminder', { name: file.firstName, kind, date, time }),
        row.place ? t('appointments.ui.message.place', { place: row.place }) : '',
        row.volunteerName ? t('appointments.ui.message.with', { name: row.volunteerName }) : '',
        association?.phone ? t('appointments.ui.message.cannotCome', { phone: formatPhone(association.phone) }) : '',
        association?.name ?? '',
      ];
      return { language, text: parts.filter((part) => part.length > 0).join(' ') };
    },
  };
}

/** "Amina Diallo" -> "Amina D." */
function shortName(name: string): string {
  const [first = '', ...rest] = name.split(' ');
  const last = rest.join(' ');
  return last ? `${first} ${last.charAt(0)}.` : first;
}

export type AppointmentService = ReturnType<typeof createAppointmentService>;
