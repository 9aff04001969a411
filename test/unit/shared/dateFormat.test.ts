import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dateFormat } from '../../../shared/dateFormat';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const FORMATTER = path.join('shared', 'dateFormat.ts');

function sources(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => path.join(folder, file));
}

describe('dates as people read them', () => {
  const december2 = new Date(Date.UTC(2026, 11, 2, 12));

  it('writes the day first in every interface language, English included', () => {
    const numeric = { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' } as const;
    expect(dateFormat('fr', numeric).format(december2)).toBe('02/12/2026');
    expect(dateFormat('it', numeric).format(december2)).toBe('02/12/2026');
    expect(dateFormat('en', numeric).format(december2)).toBe('02/12/2026');
    expect(dateFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(december2)).toBe('2 Dec 2026');
  });

  it('is the only way the screens and the shared code turn a date into text', () => {
    const bypasses = [...sources('renderer/src'), ...sources('shared')]
      .filter((file) => file !== FORMATTER)
      .filter((file) => /Intl\.DateTimeFormat|toLocale(Date|Time)String|\.toLocaleString\(\s*\)/.test(readFileSync(path.join(ROOT, file), 'utf8')));
    expect(bypasses).toEqual([]);
  });
});
