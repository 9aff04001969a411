import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { CandidateProfile, Engagement, NeedProfile } from '../../../electron/matching/criteria';
import { createNeedMatcher } from '../../../electron/matching/matcher';
import { assessPool, compilePool } from '../../../electron/matching/pool';
import { rank, rankByKeys } from '../../../electron/matching/rank';
import { FRENCH_LEVELS } from '../../../shared/candidates';
import { AUTHORISATION_DOCUMENTS, FOLLOW_UP_STATUSES, MOBILITIES } from '../../../shared/domain';
import { CLEANING, GRENOBLE, LOGISTICS, LYON, TODAY, VILLEURBANNE, candidate, need } from '../../support/matching';

/** Few values per field, so that ties (same score, same name) are frequent. */
const date = fc.constantFrom(null, '2025-09-01', '2026-01-15', '2026-03-09', '2026-03-10', '2026-04-01', '2026-09-29', '2026-09-30', '2027-06-30');
const place = fc.constantFrom(null, LYON, VILLEURBANNE, GRENOBLE);

const profileFields = fc.record({
  firstName: fc.constantFrom('Amina', 'Hélène', 'helene', 'Omar'),
  lastName: fc.constantFrom('Diallo', 'Dupont', 'Ahmadi', 'Al-Hassan'),
  status: fc.constantFrom(...FOLLOW_UP_STATUSES.filter((status) => status !== 'left')),
  frenchLevel: fc.constantFrom(...FRENCH_LEVELS),
  authorisationDocument: fc.constantFrom(null, ...AUTHORISATION_DOCUMENTS),
  authorisationStart: date,
  authorisationExpiry: date,
  employerMustApply: fc.boolean(),
  asylumRegisteredOn: date,
  mobility: fc.constantFrom(null, ...MOBILITIES),
  maxDistanceKm: fc.constantFrom(null, 0, 5, 30),
  maxTravelMinutes: fc.constantFrom(null, 20, 45),
  sectorIds: fc.constantFrom([], [LOGISTICS], [CLEANING], [CLEANING, LOGISTICS]),
  occupations: fc.constantFrom([], [{ label: 'Cariste', romeCode: 'N1101' }], [{ label: 'Préparatrice de commandes', romeCode: null }]),
  availableFrom: date,
  lastContactOn: date,
  consentWithdrawnOn: fc.constantFrom(null, '2026-02-01'),
  location: place,
});

const engagement: fc.Arbitrary<Engagement> = fc.oneof(
  fc.record({ type: fc.constant('recruitment' as const), kind: fc.constantFrom('cdd' as const, 'cdi' as const), startDate: fc.constantFrom('2025-06-01', '2026-05-01'), endDate: date }),
  fc.record({ type: fc.constant('placement' as const), kind: fc.constantFrom('pmsmp' as const, 'training' as const), startDate: fc.constant('2026-03-01'), endDate: fc.constantFrom('2026-03-31', '2026-04-15') }),
);

const needFields: fc.Arbitrary<Partial<NeedProfile>> = fc.record({
  startDate: date,
  endDate: fc.constantFrom(null, '2026-09-30'),
  minFrenchLevel: fc.constantFrom(null, 'below_a1' as const, 'A2' as const, 'B1' as const),
  drivingLicenceRequired: fc.boolean(),
  authorisationThroughContract: fc.boolean(),
  sectorId: fc.constantFrom(null, LOGISTICS),
  romeCode: fc.constantFrom(null, 'N1101'),
  location: place,
});

const scenario = fc.record({
  need: needFields,
  files: fc.array(fc.record({ fields: profileFields, engagements: fc.array(engagement, { maxLength: 2 }) }), { maxLength: 40 }),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function build({ need: needOverrides, files }: Scenario) {
  const profiles = files.map(({ fields }) => candidate(fields));
  const engagements = new Map(files.map(({ engagements: list }, index) => [profiles[index]?.id ?? '', list]));
  return { need: need(needOverrides), profiles, engagements };
}

/** The fast pass, then the order, as ids. */
function ranked(needProfile: NeedProfile, profiles: CandidateProfile[], engagements: Map<string, Engagement[]>, limits = { limit: 500, excludedLimit: 500 }) {
  const pool = compilePool(profiles, engagements);
  const { scores, failures } = assessPool(pool, createNeedMatcher(needProfile, TODAY));
  const ranking = rank(scores, failures, limits, (position) => pool.tieKey(position));
  const ids = (positions: number[]) => positions.map((position) => pool.ids[position]);
  return { ...ranking, eligibleIds: ids(ranking.eligible), excludedIds: ids(ranking.excluded), scores, failures };
}

describe('ranking', () => {
  test.prop([scenario, fc.func(fc.integer())], { numRuns: 300 })('does not depend on the order of the files', (input, shuffleKey) => {
    const { need: needProfile, profiles, engagements } = build(input);
    const shuffled = [...profiles].sort((a, b) => shuffleKey(a.id) - shuffleKey(b.id));
    const first = ranked(needProfile, profiles, engagements);
    const second = ranked(needProfile, shuffled, engagements);
    expect(second.eligibleIds).toEqual(first.eligibleIds);
    expect(second.excludedIds).toEqual(first.excludedIds);
  });

  test.prop([scenario], { numRuns: 300 })('puts every file once, eligible or excluded, never both', (input) => {
    const { need: needProfile, profiles, engagements } = build(input);
    const result = ranked(needProfile, profiles, engagements);
    const eligible = new Set(result.eligibleIds);
    expect(result.excludedIds.filter((id) => eligible.has(id))).toEqual([]);
    expect([...result.eligibleIds, ...result.excludedIds].sort()).toEqual(profiles.map((profile) => profile.id).sort());
    expect(result.eligibleTotal + result.excludedTotal).toBe(profiles.length);
    for (const position of result.eligible) expect(result.failures[position]).toBe(0);
    for (const position of result.excluded) expect(result.failures[position]).toBeGreaterThan(0);
  });

  test.prop([scenario, fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 10 })], { numRuns: 300 })(
    'orders by score (excluded: failures first), and a limit keeps the head of the full order',
    (input, limit, excludedLimit) => {
      const { need: needProfile, profiles, engagements } = build(input);
      const full = ranked(needProfile, profiles, engagements);
      const eligibleScores = full.eligible.map((position) => full.scores[position] ?? 0);
      expect(eligibleScores).toEqual([...eligibleScores].sort((a, b) => b - a));
      const excludedKeys = full.excluded.map((position) => (full.failures[position] ?? 0) * 1000 - (full.scores[position] ?? 0));
      expect(excludedKeys).toEqual([...excludedKeys].sort((a, b) => a - b));
      const limited = ranked(needProfile, profiles, engagements, { limit, excludedLimit });
      expect(limited.eligibleIds).toEqual(full.eligibleIds.slice(0, limit));
      expect(limited.excludedIds).toEqual(full.excludedIds.slice(0, excludedLimit));
      expect([limited.eligibleTotal, limited.excludedTotal]).toEqual([full.eligibleTotal, full.excludedTotal]);
    },
  );

  test.prop([scenario], { numRuns: 300 })('the fast pass agrees with the full explanation of every file', (input) => {
    const { need: needProfile, profiles, engagements } = build(input);
    const matcher = createNeedMatcher(needProfile, TODAY);
    const { scores, failures } = assessPool(compilePool(profiles, engagements), matcher);
    profiles.forEach((profile, position) => {
      const explained = matcher.explain(profile, engagements.get(profile.id) ?? []);
      expect([scores[position], failures[position]]).toEqual([explained.score, explained.failures]);
      expect(explained.reasons.filter((reason) => reason.verdict === 'fail')).toHaveLength(explained.failures);
    });
  });

  test.prop([scenario, fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 10 })], { numRuns: 300 })(
    'the order keys the pool works out as it goes rank as the scores and failures do',
    (input, limit, excludedLimit) => {
      const { need: needProfile, profiles, engagements } = build(input);
      const pool = compilePool(profiles, engagements);
      const { scores, failures, ordered } = assessPool(pool, createNeedMatcher(needProfile, TODAY));
      const tieKeyOf = (position: number) => pool.tieKey(position);
      expect(rankByKeys(ordered, { limit, excludedLimit }, tieKeyOf)).toEqual(rank(scores, failures, { limit, excludedLimit }, tieKeyOf));
    },
  );

  /** Each change names a file (a new one past the scenario's), then gives its new fields or removes it (null). */
  const changes = fc.array(fc.record({ file: fc.nat({ max: 45 }), fields: fc.option(profileFields, { nil: null }) }), { maxLength: 60 });

  test.prop([scenario, changes], { numRuns: 200 })('a pool kept current through changes and removals equals one built from its files', (input, edits) => {
    const { need: needProfile, profiles, engagements } = build(input);
    const pool = compilePool(profiles, engagements);
    const current = new Map(profiles.map((profile) => [profile.id, profile]));
    for (const { file, fields } of edits) {
      const id = profiles[file]?.id ?? `new-${file}`;
      if (fields === null) {
        pool.remove(id);
        current.delete(id);
      } else {
        const changed = { ...candidate(fields), id };
        pool.put(changed);
        // As the service does: a file written is read again with what keeps it busy.
        pool.engage(id, engagements.get(id) ?? []);
        current.set(id, changed);
      }
    }
    const rebuilt = compilePool([...current.values()], engagements);
    expect(pool.ids.map((id, position) => pool.positionOf.get(id) === position)).not.toContain(false);
    expect(pool.positionOf.size).toBe(pool.size);
    expect(new Set(pool.ids)).toEqual(new Set(current.keys()));
    expect(pool.classCounts()).toEqual(rebuilt.classCounts());
    const matcher = createNeedMatcher(needProfile, TODAY);
    const figuresById = (scored: typeof pool) => {
      const { scores, failures } = assessPool(scored, matcher);
      return new Map(scored.ids.map((id, position) => [id, [scores[position], failures[position]]]));
    };
    expect(figuresById(pool)).toEqual(figuresById(rebuilt));
    // The same order too: ties are broken on the names the files have now, not those they had.
    const order = (scored: typeof pool) => {
      const { scores, failures } = assessPool(scored, matcher);
      const ranking = rank(scores, failures, { limit: 500, excludedLimit: 500 }, (position) => scored.tieKey(position));
      return [...ranking.eligible, ...ranking.excluded].map((position) => scored.ids[position]);
    };
    expect(order(pool)).toEqual(order(rebuilt));
  });

  /** Few scores, failures and names, so that the cut-off falls inside large groups of equals. */
  const figures = fc.array(fc.record({ score: fc.constantFrom(0, 50, 71, 100), failures: fc.constantFrom(0, 0, 1, 2, 5), name: fc.constantFrom('a', 'b', 'ab', 'é', '') }), {
    maxLength: 300,
  });

  test.prop([figures, fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 })], { numRuns: 300 })(
    'equals a full sort of every position (the straightforward reference)',
    (files, limit, excludedLimit) => {
      const tieKey = (position: number) => `${files[position]?.name ?? ''}\u0000${String(position).padStart(4, '0')}`;
      const ranking = rank(
        files.map((file) => file.score),
        files.map((file) => file.failures),
        { limit, excludedLimit },
        tieKey,
      );
      const sorted = files
        .map((file, position) => ({ ...file, position }))
        .sort((a, b) => a.failures - b.failures || b.score - a.score || (tieKey(a.position) < tieKey(b.position) ? -1 : 1));
      const eligible = sorted.filter((file) => file.failures === 0).map((file) => file.position);
      const excluded = sorted.filter((file) => file.failures > 0).map((file) => file.position);
      expect(ranking).toEqual({
        eligible: eligible.slice(0, limit),
        excluded: excluded.slice(0, excludedLimit),
        eligibleTotal: eligible.length,
        excludedTotal: excluded.length,
      });
    },
  );

  it('breaks ties by last name, first name (accents and case ignored), then id', () => {
    const files = [
      candidate({ lastName: 'Dupont', firstName: 'Omar' }),
      candidate({ lastName: 'Diallo', firstName: 'Hélène' }),
      candidate({ lastName: 'diallo', firstName: 'Amina' }),
      candidate({ lastName: 'Diallo', firstName: 'helene' }),
    ];
    const result = ranked(need(), files, new Map());
    expect(new Set(files.map((_, position) => result.scores[position])).size).toBe(1);
    expect(result.eligibleIds).toEqual([files[2]?.id, files[1]?.id, files[3]?.id, files[0]?.id]);
  });

  it('ranks excluded files by the number of failed hard criteria, then score', () => {
    const oneFailureFar = candidate({ frenchLevel: 'A1', location: GRENOBLE });
    const oneFailureNear = candidate({ frenchLevel: 'A1' });
    const twoFailures = candidate({ frenchLevel: 'A1', authorisationDocument: 'none' });
    const eligible = candidate();
    const result = ranked(need(), [twoFailures, oneFailureFar, eligible, oneFailureNear], new Map());
    expect(result.eligibleIds).toEqual([eligible.id]);
    expect(result.excludedIds).toEqual([oneFailureNear.id, oneFailureFar.id, twoFailures.id]);
  });
});
