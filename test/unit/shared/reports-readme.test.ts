import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resources } from '../../../shared/i18n';
import { REPORT_TABLES } from '../../../shared/reports';

describe("reports' definitions", () => {
  it('are in the README as on screen and in the PDF, one for every table', () => {
    const readme = readFileSync('README.md', 'utf8');
    const { definitions, tables } = resources.en.translation.reports.ui;
    for (const [section, names] of Object.entries(REPORT_TABLES))
      for (const name of names) {
        const definition = (definitions as Record<string, Record<string, string>>)[section]?.[name];
        const title = (tables as Record<string, Record<string, string>>)[section]?.[name];
        expect(definition, `${section}.${name}`).toBeTruthy();
        expect(readme).toContain(`- *${title}*: ${definition}`);
      }
  });
});
