/**
 * A small iCalendar writer (RFC 5545) for appointments: one VCALENDAR with Europe/Paris's time
 * zone and one VEVENT per appointment. Lines end in CRLF and are folded at 75 octets without
 * cutting a UTF-8 character; TEXT values escape backslash, semicolon, comma and line breaks.
 */

export interface IcsEvent {
  /** Stable across exports, so a phone updates the event rather than adding a second one. */
  uid: string;
  /** Local wall time in `timeZone`: `YYYY-MM-DDTHH:MM`. */
  startsAt: string;
  durationMinutes: number;
  summary: string;
  location: string | null;
  description: string | null;
  cancelled: boolean;
  /** When the event last changed (ISO 8601 UTC), its SEQUENCE's source. */
  updatedAt: string;
}

export const ICS_TIME_ZONE = 'Europe/Paris';

/** Europe/Paris since 1996: CEST from the last Sunday of March 02:00, CET from the last Sunday of October 03:00. */
const PARIS_TIME_ZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${ICS_TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** A TEXT value (RFC 5545 §3.3.11): `\`, `;`, `,` escaped, any line break written `\n`. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/**
 * A content line folded (RFC 5545 §3.1): no line longer than 75 octets; each continuation
 * starts with one space, which counts in its 75. A character is never split across lines.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** `2026-12-03T06:00:00.000Z` -> `20261203T060000Z`. */
function utcStamp(iso: string): string {
  return `${iso.slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/** `2026-12-07T09:30` -> `20261207T093000`. */
function localStamp(local: string): string {
  return `${local.replace(/[-:]/g, '')}00`;
}

/** Control characters other than line breaks cannot stand in a content line. */
function stripControls(value: string): string {
  return [...value]
    .filter((char) => {
      const code = char.codePointAt(0) ?? 0;
      return code === 0x0a || code === 0x0d || (code >= 0x20 && code !== 0x7f);
    })
    .join('');
}

function eventLines(event: IcsEvent, stamp: string): string[] {
  const text = (name: string, value: string | null) => (value ? [`${name}:${escapeText(stripControls(value))}`] : []);
  return [
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;TZID=${ICS_TIME_ZONE}:${localStamp(event.startsAt)}`,
    `DURATION:PT${event.durationMinutes}M`,
    // Seconds since 2020 fit SEQUENCE's integer and grow with every change.
    `SEQUENCE:${Math.max(0, Math.floor((Date.parse(event.updatedAt) - Date.UTC(2020, 0, 1)) / 1000))}`,
    ...text('SUMMARY', event.summary),
    ...text('LOCATION', event.location),
    ...text('DESCRIPTION', event.description),
    `STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
  ];
}

/** The whole file: CRLF after every line, the last one included. */
export function calendarFile(events: readonly IcsEvent[], options: { stampedAt: string; name?: string }): string {
  const stamp = utcStamp(options.stampedAt);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Tremplin//Rendez-vous//FR',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...(options.name ? [`X-WR-CALNAME:${escapeText(stripControls(options.name))}`] : []),
    ...PARIS_TIME_ZONE,
    ...events.flatMap((event) => eventLines(event, stamp)),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
