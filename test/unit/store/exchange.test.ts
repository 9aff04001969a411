import { describe, expect, it } from 'vitest';
import { prepareRead } from '../../../electron/db/handles';
import { agreedVersions, readAgreedVersions, readRecords, recordAgreedVersions } from '../../../electron/store/exchange';
import { eventBatches, eventsMemory, joinEventBatches, readEventBatches, readEventBatchesOffThread } from '../../../electron/store/export-events';
import { compareText } from '../../../electron/store/plans';
import { ok } from '../../support/api';
import { useBackend } from '../../support/temp';

describe('versions agreed with a partner', () => {
  const openBackend = useBackend();
  const PARTNER = '01900000-0000-7000-8000-00000000aaaa';

  it('records new versions, moves changed ones and leaves the rest untouched', async () => {
    const { database } = await openBackend();
    const { db, sqlite } = database;
    const write = (versions: Parameters<typeof recordAgreedVersions>[2]) => db.transaction((tx) => recordAgreedVersions(tx, PARTNER, versions));
    write({
      candidate: [
        { id: 'b', updatedAt: '2026-01-01T00:00:00.000Z' },
        { id: 'a', updatedAt: '2026-01-01T00:00:00.000Z' },
      ],
      timelineEvent: [{ id: 'e', updatedAt: '2026-01-02T00:00:00.000Z' }],
    });
    const changesBefore = sqlite.prepare('SELECT total_changes()').pluck().get() as number;
    write({
      candidate: [
        { id: 'a', updatedAt: '2026-01-01T00:00:00.000Z' },
        { id: 'b', updatedAt: '2026-02-01T00:00:00.000Z' },
        { id: 'c', updatedAt: '2026-02-01T00:00:00.000Z' },
      ],
    });
    // b moved and c is new; a, already at its version, is not written again.
    expect((sqlite.prepare('SELECT total_changes()').pluck().get() as number) - changesBefore).toBe(2);
    expect(Object.fromEntries(agreedVersions(db, PARTNER, 'candidate'))).toEqual({
      a: '2026-01-01T00:00:00.000Z',
      b: '2026-02-01T00:00:00.000Z',
      c: '2026-02-01T00:00:00.000Z',
    });
    expect(Object.fromEntries(agreedVersions(db, PARTNER, 'timelineEvent'))).toEqual({ e: '2026-01-02T00:00:00.000Z' });
  });

  it('takes the versions read before the transaction while nothing was written since, and reads them again otherwise', async () => {
    const { database } = await openBackend();
    const { db } = database;
    const JANUARY = '2026-01-01T00:00:00.000Z';
    const MARCH = '2026-03-01T00:00:00.000Z';
    db.transaction((tx) => recordAgreedVersions(tx, PARTNER, { candidate: [{ id: 'a', updatedAt: JANUARY }] }));
    // What a read made before would say if a had been agreed in March meanwhile: told apart from what the table says.
    const readBefore = readAgreedVersions(db, PARTNER);
    expect(Object.fromEntries(readBefore.byType.get('candidate') ?? [])).toEqual({ a: JANUARY });
    readBefore.byType.get('candidate')?.set('a', MARCH);
    const sendMarch = () => db.transaction((tx) => recordAgreedVersions(tx, PARTNER, { candidate: [{ id: 'a', updatedAt: MARCH }] }, readBefore));

    sendMarch();
    expect(agreedVersions(db, PARTNER, 'candidate').get('a')).toBe(JANUARY);

    db.transaction((tx) => recordAgreedVersions(tx, PARTNER, { sector: [{ id: 's', updatedAt: JANUARY }] }));
    sendMarch();
    expect(agreedVersions(db, PARTNER, 'candidate').get('a')).toBe(MARCH);
  });

  it('does not take the versions read of another association', async () => {
    const { database } = await openBackend();
    const { db, sqlite } = database;
    const agreedA = { candidate: [{ id: 'a', updatedAt: '2026-01-01T00:00:00.000Z' }] };
    db.transaction((tx) => recordAgreedVersions(tx, PARTNER, agreedA));
    const ofAnother = readAgreedVersions(db, '01900000-0000-7000-8000-00000000bbbb');
    const changesBefore = sqlite.prepare('SELECT total_changes()').pluck().get() as number;
    // Taken, the other's (none) would have a written again.
    db.transaction((tx) => recordAgreedVersions(tx, PARTNER, agreedA, ofAnother));
    expect(sqlite.prepare('SELECT total_changes()').pluck().get() as number).toBe(changesBefore);
  });
});

describe("an export's events read on a worker", () => {
  const openBackend = useBackend();
  const US = '01900000-0000-7000-8000-00000000cccc';

  /** The worker's bytes come back as Uint8Array, this thread's as Buffer: the same bytes. */
  const asBuffers = <Events extends { json: Uint8Array[] }>(events: Events) => ({ ...events, json: events.json.map((json) => Buffer.from(json)) });

  /** Three files with events (one refused by the consent check) and one without. */
  async function filesWithEvents() {
    const backend = await openBackend();
    const partner = await ok(backend, 'partners.create', { name: 'Forum Réfugiés', kind: 'reception_centre' });
    const ids: string[] = [];
    for (const [index, name] of ['Amina', 'Yusuf', 'Léa', 'Oleksandr'].entries()) {
      const file = await ok(backend, 'candidates.create', { firstName: name, lastName: 'Essai', consentRecording: true, consentDate: '2026-01-10' });
      ids.push(file.id);
      for (let event = 0; event < (index === 3 ? 0 : index + 2); event++) {
        await ok(backend, 'timeline.add', { subjectType: 'candidate', subjectId: file.id, kind: 'call', occurredAt: `2026-02-0${event + 1}`, text: `Appel « ${event} » de ${name}\n"suivi"` });
      }
    }
    return { backend, partner, ids, refused: ids[1] as string };
  }

  it('gives the events the export reads itself, without those of the files refused', async () => {
    const { backend, partner, ids, refused } = await filesWithEvents();
    const { db, file, key } = backend.database;
    const read = (offThread: boolean) =>
      readRecords(db, ids, {
        ourAssociationId: US,
        recipientPartnerId: partner.id,
        includeNotes: true,
        includeBarriers: true,
        admit: (row) => row.id !== refused,
        ...(offThread ? { eventsSource: { file, key }, eventsOffThreadFrom: 1 } : {}),
      });
    const here = await read(false);
    const offThread = await read(true);
    expect(asBuffers(offThread.timelineEvents)).toEqual(asBuffers(here.timelineEvents));
    const events = here.timelineEvents.json.flatMap((json) => JSON.parse(Buffer.from(json).toString()) as { subjectId: string; origin: string; text: string }[]);
    expect(events).toHaveLength(2 + 4);
    expect(events.every((event) => event.subjectId !== refused && event.origin === US)).toBe(true);
    expect(here.timelineEvents.versions.map((version) => version.id).sort()).toEqual(events.map((event) => (event as unknown as { id: string }).id).sort());
  });

  it('is read by the worker from the file, the batches it did not reach here', async () => {
    const { backend, ids } = await filesWithEvents();
    const { db, file, key } = backend.database;
    const prepare = (source: string) => prepareRead(db, source);
    const inOrder = [...ids].sort(compareText);
    const allHere = joinEventBatches(prepare, eventBatches(inOrder, 1), [readEventBatches(prepare, eventBatches(inOrder, 1), US)], US);
    expect(allHere.fileIds).toHaveLength(3);

    const work = eventBatches(inOrder, 1);
    // This thread has taken the first batch (read as its own counter lets it: the first only).
    const readHere = readEventBatches(prepare, { batches: work.batches.slice(0, 1), taken: new Int32Array(1) }, US);
    Atomics.store(work.taken, 0, 1);
    const readThere = await readEventBatchesOffThread({ file, key }, work, US);
    expect([...(readThere?.keys() ?? [])].sort()).toEqual([1, 2, 3]);
    expect(asBuffers(joinEventBatches(prepare, work, [readHere, readThere], US))).toEqual(allHere);
  });

  it("hands the events' bytes over whole: the driver gives each file's its own memory", async () => {
    const { backend, ids } = await filesWithEvents();
    const prepare = (source: string) => prepareRead(backend.database.db, source);
    const read = [...readEventBatches(prepare, eventBatches([...ids].sort(compareText), 1), US)];
    const pieces = read.flatMap(([, events]) => events.json);
    expect(pieces).toHaveLength(3);
    expect(eventsMemory(read)).toEqual(pieces.map((json) => json.buffer));
    // A slice of a larger buffer would take the rest along: it is copied instead.
    const whole = new Uint8Array(16);
    expect(eventsMemory([[0, { fileIds: ['a', 'b'], json: [whole.subarray(0, 8), whole], versions: ['', ''] }]])).toEqual([whole.buffer]);
  });

  it('reads here the batches a worker took and could not read', async () => {
    const { backend, ids } = await filesWithEvents();
    const { db, file } = backend.database;
    const prepare = (source: string) => prepareRead(db, source);
    const inOrder = [...ids].sort(compareText);
    const work = eventBatches(inOrder, 1);
    expect(await readEventBatchesOffThread({ file, key: Buffer.alloc(32, 7) }, work, US)).toBeNull();
    // As if it had taken every batch before failing: none is left for readEventBatches, all are read by the join.
    Atomics.store(work.taken, 0, work.batches.length);
    expect(readEventBatches(prepare, work, US).size).toBe(0);
    const allHere = joinEventBatches(prepare, eventBatches(inOrder, 1), [readEventBatches(prepare, eventBatches(inOrder, 1), US)], US);
    expect(joinEventBatches(prepare, work, [null], US)).toEqual(allHere);
  });
});
