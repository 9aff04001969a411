import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, resources } from '../../../shared/i18n';
import {
  FOLLOW_UP_RESULTS,
  LEFT_REASONS,
  OUTCOME_CLASSES,
  PLACEMENT_KINDS,
  PLACEMENT_OUTCOMES,
  PRESENTATION_STATES,
  RECRUITMENT_KINDS,
  REFUSAL_REASONS,
} from '../../../shared/pipeline';

const ENUMS = {
  presentationStates: PRESENTATION_STATES,
  refusalReasons: REFUSAL_REASONS,
  placementKinds: PLACEMENT_KINDS,
  placementOutcomes: PLACEMENT_OUTCOMES,
  recruitmentKinds: RECRUITMENT_KINDS,
  outcomeClasses: OUTCOME_CLASSES,
  followUpResults: FOLLOW_UP_RESULTS,
  leftReasons: LEFT_REASONS,
};

/** Files whose messages are pipeline keys: the contract, the services that throw them and the store's not-found keys. */
const SOURCES = [
  'shared/pipeline.ts',
  'electron/services/pipeline-records.ts',
  'electron/services/presentations.ts',
  'electron/services/placements.ts',
  'electron/services/recruitments.ts',
  'electron/store/presentations.ts',
  'electron/store/placements.ts',
  'electron/store/recruitments.ts',
];

function lookup(language: (typeof LANGUAGES)[number], key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], resources[language].translation);
}

describe('pipeline translations', () => {
  it.each(LANGUAGES)('label every value of every enum in %s', (language) => {
    for (const [name, values] of Object.entries(ENUMS)) {
      for (const value of values) expect(lookup(language, `matching.values.${name}.${value}`), `${language} ${name}.${value}`).toEqual(expect.any(String));
    }
  });

  it.each(LANGUAGES)('have every message the pipeline sends in %s', (language) => {
    const keys = SOURCES.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/'(matching\.errors\.\w+)'/g)].map((match) => match[1] ?? ''));
    expect(keys.length).toBeGreaterThan(30);
    expect(keys.filter((key) => typeof lookup(language, key) !== 'string')).toEqual([]);
  });
});
