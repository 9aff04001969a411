import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { type IcsEvent, calendarFile, escapeText, foldLine } from '../../../electron/formats/ical';

const event = (fields: Partial<IcsEvent> = {}): IcsEvent => ({
  uid: '0190b3a0-0000-7000-8000-000000000001@tremplin',
  startsAt: '2026-07-06T14:00',
  durationMinutes: 45,
  summary: 'Entretien – Amina D.',
  location: null,
  description: null,
  cancelled: false,
  updatedAt: '2026-07-01T10:00:00.000Z',
  ...fields,
});

/** Text a person may type: any Unicode, line breaks and the characters iCalendar escapes, no control characters. */
const typedText = fc
  .array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom('\\', ';', ',', '\n', '\r\n', ':', '"', 'é', '日本', '👩🏽‍🔧')), { maxLength: 12 })
  .map((parts) => parts.join(''))
  .filter((text) => text.length > 0 && [...text.replace(/\r\n|\n/g, '')].every((char) => (char.codePointAt(0) ?? 0) >= 0x20 && char !== '\u007f'));

describe('the iCalendar writer', () => {
  it('escapes TEXT values as RFC 5545 says', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds at 75 octets without splitting a character, each continuation starting with one space', () => {
    const folded = foldLine(`DESCRIPTION:${'é'.repeat(80)}`);
    const lines = folded.split('\r\n');
    expect(lines.map((line) => Buffer.byteLength(line))).toEqual([74, 75, 25]);
    expect(lines.slice(1).every((line) => line.startsWith(' '))).toBe(true);
    expect(lines.map((line, index) => (index === 0 ? line : line.slice(1))).join('')).toBe(`DESCRIPTION:${'é'.repeat(80)}`);
  });

  it('holds CRLF after every line, the last included, and names Europe/Paris', () => {
    const file = calendarFile([event()], { stampedAt: '2026-07-01T10:00:00.000Z' });
    expect(file.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(file.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(file).toContain('DTSTART;TZID=Europe/Paris:20260706T140000\r\n');
    expect(file).toContain('DTSTAMP:20260701T100000Z\r\n');
    const calendar = new ICAL.Component(ICAL.parse(file));
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    // Summer: 14:00 in Paris is 12:00 UTC.
    expect(new ICAL.Event(calendar.getFirstSubcomponent('vevent') as ICAL.Component).startDate.toJSDate().toISOString()).toBe('2026-07-06T12:00:00.000Z');
  });

  it('gives any text back through an independent parser, every line within 75 octets (property)', () => {
    fc.assert(
      fc.property(typedText, typedText, typedText, (summary, location, description) => {
        const file = calendarFile([event({ summary, location, description })], { stampedAt: '2026-07-01T10:00:00.000Z', name: summary });
        for (const line of file.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
        const parsed = new ICAL.Event(new ICAL.Component(ICAL.parse(file)).getFirstSubcomponent('vevent') as ICAL.Component);
        // A line break comes back as the parser writes it: \n.
        const asRead = (text: string) => text.replace(/\r\n/g, '\n');
        expect(parsed.summary).toBe(asRead(summary));
        expect(parsed.location).toBe(asRead(location));
        expect(parsed.description).toBe(asRead(description));
      }),
      { numRuns: 300 },
    );
  });
});
