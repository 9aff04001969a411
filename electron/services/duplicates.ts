import { and, eq, isNull, ne, or } from 'drizzle-orm';
import type { DuplicateCandidate, DuplicateReason } from '../../shared/candidates';
import type { ParsedInputOf } from '../../shared/api';
import { normalisePhone } from '../../shared/validation';
import type { Db } from '../db/open';
import { candidates } from '../db/schema';
import { toSummary } from './candidates';
import { nameTokens, similarNames } from './names';

/**
 * Files that may be the same person as the probe: same birth date and similar names (in any
 * order, accents and case ignored), or the same phone, or the same e-mail. Merged files are
 * left out; archived ones are not (a person may come back).
 */
export function findDuplicates(db: Db, probe: ParsedInputOf<'candidates.findDuplicates'>): DuplicateCandidate[] {
  const found = new Map<string, DuplicateCandidate>();
  const add = (row: typeof candidates.$inferSelect, reason: DuplicateReason) => {
    const entry = found.get(row.id) ?? { candidate: toSummary(row), reasons: [] };
    if (!entry.reasons.includes(reason)) entry.reasons.push(reason);
    found.set(row.id, entry);
  };
  const others = (condition: ReturnType<typeof eq>) =>
    db
      .select()
      .from(candidates)
      .where(and(condition, isNull(candidates.mergedIntoId), probe.excludeId ? ne(candidates.id, probe.excludeId) : undefined))
      .limit(50)
      .all();

  if (probe.birthDate) {
    const tokens = nameTokens(probe.firstName, probe.lastName);
    for (const row of others(eq(candidates.birthDate, probe.birthDate))) {
      if (similarNames(tokens, nameTokens(row.firstName, row.lastName, ...row.otherNames))) {
        add(row, 'same_birth_date_similar_names');
      }
    }
  }
  const phone = probe.phone ? normalisePhone(probe.phone) : null;
  if (phone) {
    const samePhone = or(eq(candidates.phone, phone), eq(candidates.secondPhone, phone));
    for (const row of others(samePhone as ReturnType<typeof eq>)) add(row, 'same_phone');
  }
  const email = probe.email?.trim().toLowerCase();
  if (email) for (const row of others(eq(candidates.email, email))) add(row, 'same_email');
  return [...found.values()];
}
