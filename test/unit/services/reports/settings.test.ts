import { describe, expect, it } from 'vitest';
import { ok, refused } from '../../../support/api';
import { candidate } from '../../../support/records';
import { useBackend } from '../../../support/temp';

describe('reports: the small-count setting', () => {
  const openBackend = useBackend();

  it('is 5 until set; documents then hide counts under the new minimum; a bad value is refused and changes nothing', async () => {
    const backend = await openBackend();
    expect(await ok(backend, 'reports.getSettings', {})).toEqual({ smallCellMinimum: 5 });
    for (const firstName of ['Awa', 'Sara', 'Lina']) await candidate(backend, { firstName, publicCategory: 'refugee' });
    const year = new Date().getUTCFullYear();
    const csv = async () => {
      const file = await ok(backend, 'reports.export', { period: { kind: 'year', year }, preset: 'annual', format: 'csv', table: 'people.publicCategory' });
      return Buffer.from(file.content, 'base64').toString('utf8');
    };
    expect(await csv()).toContain('Réfugié;< 5;0');
    expect(await ok(backend, 'reports.setSettings', { smallCellMinimum: 3 })).toEqual({ smallCellMinimum: 3 });
    expect(await csv()).toContain('Réfugié;3;0');
    await refused(backend, 'reports.setSettings', { smallCellMinimum: 0 }, { smallCellMinimum: /./ });
    expect(await ok(backend, 'reports.getSettings', {})).toEqual({ smallCellMinimum: 3 });
  });
});
