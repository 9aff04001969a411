import { type DuplicateCandidate, type DuplicateReason, probesByNames } from '../../shared/candidates';
import type { ParsedInputOf } from '../../shared/api';
import { normalisePhone } from '../../shared/validation';
import type { ReadDb } from '../db/handles';
import {
  type CandidateSummaryRow,
  type DuplicateKeyRow,
  candidateSearch,
  candidateSummaries,
  everyDuplicateKeyRow,
  toSummary,
  unmergedCandidatesMatching,
  unmergedCandidatesWith,
} from '../store/candidates';
import { nameTokens, similarNames } from '../core/names';

type Probe = ParsedInputOf<'candidates.findDuplicates'>;

/** Past this many files sharing one birth date, phone or e-mail, the rest are not listed. */
const PER_KEY_LIMIT = 50;

/** From this many probes (an import), every file is read in one pass rather than by queries per 500 values. */
const ONE_PASS_FROM = 500;

function grouped<Row>(rows: Row[], keysOf: (row: Row) => (string | null)[]): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    for (const key of keysOf(row)) {
      if (key === null) continue;
      const list = groups.get(key) ?? [];
      if (list.length < PER_KEY_LIMIT) list.push(row);
      groups.set(key, list);
    }
  }
  return groups;
}

/**
 * For each probe, the files that may be the same person: same birth date and similar names
 * (in any order, accents and case ignored), or the same phone, or the same e-mail. Merged
 * files are left out; archived ones are not (a person may come back). A few probes cost a few
 * queries per 500 values; many (an import) one pass over the files, never a query per probe.
 */
export function findDuplicatesOfMany(db: ReadDb, probes: readonly Probe[]): DuplicateCandidate[][] {
  const keys = probes.map((probe) => ({
    birthDate: probe.birthDate ?? null,
    phone: probe.phone ? normalisePhone(probe.phone) : null,
    email: probe.email?.trim().toLowerCase() || null,
  }));
  const present = (list: (string | null)[]) => list.filter((value): value is string => value !== null);
  const birthDates = present(keys.map((key) => key.birthDate));
  const phones = present(keys.map((key) => key.phone));
  const emails = present(keys.map((key) => key.email));
  const phonesOf = (row: DuplicateKeyRow) => (row.secondPhone && row.secondPhone !== row.phone ? [row.phone, row.secondPhone] : [row.phone]);
  let byBirthDate: Map<string, DuplicateKeyRow[]>;
  let byPhone: Map<string, DuplicateKeyRow[]>;
  let byEmail: Map<string, DuplicateKeyRow[]>;
  /** The summaries of the files found, by id: read with their keys for a few probes, else once the files are found. */
  let summariesOf: (ids: string[]) => Map<string, CandidateSummaryRow>;
  if (probes.length >= ONE_PASS_FROM) {
    const every = everyDuplicateKeyRow(db);
    const [dateSet, phoneSet, emailSet] = [new Set(birthDates), new Set(phones), new Set(emails)];
    const among = (set: Set<string>) => (value: string | null) => (value !== null && set.has(value) ? value : null);
    byBirthDate = grouped(every, (row) => [among(dateSet)(row.birthDate)]);
    byPhone = grouped(every, (row) => phonesOf(row).map(among(phoneSet)));
    byEmail = grouped(every, (row) => [among(emailSet)(row.email)]);
    summariesOf = (ids) => new Map(candidateSummaries(db, ids).map((row) => [row.id, row]));
  } else {
    const [withDate, withPhone, withEmail] = [unmergedCandidatesWith(db, 'birthDate', birthDates), unmergedCandidatesWith(db, 'phone', phones), unmergedCandidatesWith(db, 'email', emails)];
    byBirthDate = grouped(withDate, (row) => [row.birthDate]);
    byPhone = grouped(withPhone, phonesOf);
    byEmail = grouped(withEmail, (row) => [row.email]);
    summariesOf = () => new Map([...withDate, ...withPhone, ...withEmail].map((row) => [row.id, row]));
  }
  // Each file's names folded once, however many rows of the file share its birth date.
  const tokensOf = new Map<string, string[]>();
  const namesOf = (row: DuplicateKeyRow) => {
    const known = tokensOf.get(row.id);
    if (known) return known;
    const tokens = nameTokens(row.firstName, row.lastName, ...row.otherNames);
    tokensOf.set(row.id, tokens);
    return tokens;
  };

  const matches = probes.map((probe, index) => {
    const key = keys[index] as (typeof keys)[number];
    const found = new Map<string, DuplicateReason[]>();
    const add = (row: DuplicateKeyRow, reason: DuplicateReason) => {
      if (row.id === probe.excludeId) return;
      const reasons = found.get(row.id) ?? [];
      if (!reasons.includes(reason)) reasons.push(reason);
      found.set(row.id, reasons);
    };
    if (key.birthDate) {
      const tokens = nameTokens(probe.firstName, probe.lastName);
      for (const row of byBirthDate.get(key.birthDate) ?? []) {
        if (similarNames(tokens, namesOf(row))) add(row, 'same_birth_date_similar_names');
      }
    }
    if (key.phone) for (const row of byPhone.get(key.phone) ?? []) add(row, 'same_phone');
    if (key.email) for (const row of byEmail.get(key.email) ?? []) add(row, 'same_email');
    return found;
  });
  const summaries = summariesOf([...new Set(matches.flatMap((found) => [...found.keys()]))]);
  // Read in the same synchronous call as the keys: every file found is there.
  return matches.map((found) =>
    [...found].flatMap(([id, reasons]) => {
      const row = summaries.get(id);
      return row ? [{ candidate: toSummary(row), reasons }] : [];
    }),
  );
}

/** How many files the search on both names reads before comparing their names. */
const NAME_SEARCH_LIMIT = 20;

/**
 * The files of one probe (what a person types in a form): those of findDuplicatesOfMany, and,
 * with both names typed, files the search finds on those names whose names are similar and
 * whose birth date, when both are known, is the same. An import checks its probes without this
 * search (one query per file).
 */
export function findDuplicates(db: ReadDb, probe: Probe): DuplicateCandidate[] {
  const found = findDuplicatesOfMany(db, [probe])[0] ?? [];
  if (!probesByNames(probe.firstName, probe.lastName)) return found;
  const match = candidateSearch(`${probe.firstName} ${probe.lastName}`, 'all');
  if (match === null) return found;
  const tokens = nameTokens(probe.firstName, probe.lastName);
  const named = unmergedCandidatesMatching(db, match, NAME_SEARCH_LIMIT).filter(
      (row) =>
        row.id !== probe.excludeId &&
        (!probe.birthDate || !row.birthDate || row.birthDate === probe.birthDate) &&
        similarNames(tokens, nameTokens(row.firstName, row.lastName, ...row.otherNames)),
    );
  for (const row of named) {
    const known = found.find((entry) => entry.candidate.id === row.id);
    if (!known) found.push({ candidate: toSummary(row), reasons: ['same_names'] });
    else if (!known.reasons.includes('same_birth_date_similar_names')) known.reasons.push('same_names');
  }
  return found;
}
