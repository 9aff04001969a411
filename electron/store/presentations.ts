import { eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import { presentations } from '../db/schema';

/** Presentations of candidates to job needs, and the history of their states. */

/** Who a presentation is of and for which need, undefined when there is none with this id. */
export function presentationLink(db: Db, id: string): { candidateId: string; jobNeedId: string } | undefined {
  return db.select({ candidateId: presentations.candidateId, jobNeedId: presentations.jobNeedId }).from(presentations).where(eq(presentations.id, id)).get();
}
