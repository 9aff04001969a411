import { and, count, desc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { ParsedInputOf } from '../../shared/api';
import { COMPANY_CONTACT_KINDS, type TimelineSubject } from '../../shared/domain';
import type { TimelineEvent } from '../../shared/timeline';
import { AppError } from '../api/app-error';
import type { Db } from '../db/open';
import { candidates, employers, partners, timelineEvents } from '../db/schema';
import { type Clock, newId, systemClock } from './clock';
import { assertReferencesExist } from './records';

const SUBJECT_TABLES = { candidate: candidates, employer: employers, partner: partners } as const;

function toEvent(row: typeof timelineEvents.$inferSelect): TimelineEvent {
  const { origin: _origin, ...event } = row;
  return event as TimelineEvent;
}

/** The day after `date` (YYYY-MM-DD), to bound a period that includes its last day. */
function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

export function createTimelineService(db: Db, clock: Clock = systemClock) {
  const stamp = () => clock.now().toISOString();

  return {
    add(input: ParsedInputOf<'timeline.add'>): TimelineEvent {
      assertReferencesExist(db, SUBJECT_TABLES[input.subjectType as TimelineSubject], [input.subjectId], 'subjectId');
      const now = stamp();
      return toEvent(
        db
          .insert(timelineEvents)
          .values({ ...input, id: newId(), createdAt: now, updatedAt: now })
          .returning()
          .get(),
      );
    },

    update({ id, ...fields }: ParsedInputOf<'timeline.update'>): TimelineEvent {
      const row = db
        .update(timelineEvents)
        .set({ ...fields, updatedAt: stamp() })
        .where(eq(timelineEvents.id, id))
        .returning()
        .get();
      if (!row) throw new AppError('not_found', 'errors.timelineEventNotFound');
      return toEvent(row);
    },

    /** Newest first. */
    list({ subjectType, subjectId, limit, offset }: ParsedInputOf<'timeline.list'>) {
      const where = and(eq(timelineEvents.subjectType, subjectType), eq(timelineEvents.subjectId, subjectId));
      const items = db
        .select()
        .from(timelineEvents)
        .where(where)
        .orderBy(desc(timelineEvents.occurredAt), desc(timelineEvents.createdAt))
        .limit(limit)
        .offset(offset)
        .all()
        .map(toEvent);
      const total = db.select({ total: count() }).from(timelineEvents).where(where).get()?.total ?? 0;
      return { items, total };
    },

    countCompanyContacts({ from, to }: ParsedInputOf<'timeline.countCompanyContacts'>) {
      const row = db
        .select({ count: count() })
        .from(timelineEvents)
        .where(
          and(
            eq(timelineEvents.subjectType, 'employer'),
            inArray(timelineEvents.kind, [...COMPANY_CONTACT_KINDS]),
            gte(timelineEvents.occurredAt, from),
            lt(timelineEvents.occurredAt, nextDay(to)),
          ),
        )
        .get();
      return { count: row?.count ?? 0 };
    },
  };
}
