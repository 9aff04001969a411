import { beforeEach, describe, expect, it, vi } from 'vitest';
import { earlyCalls } from '../../../../renderer/src/api/early';
import type { ApiResult } from '../../../../shared/errors';

/** The main process as the window's client sees it: every call noted, each answered when the test says. */
const sent: string[] = [];
const waiting: ((answer: ApiResult<unknown>) => void)[] = [];
const send = (method: string) => {
  sent.push(method);
  return new Promise<ApiResult<unknown>>((resolve) => waiting.push(resolve));
};

/** Answers the oldest call waiting. */
function answerNext(answer: ApiResult<unknown>) {
  waiting.shift()?.(answer);
}

/** What the client does with a call: the early answer when there is one, else the main process's. */
const callWith = (early: ReturnType<typeof earlyCalls>) => async (input: unknown) => (await early.take('candidates.list', input)) ?? (await send('candidates.list'));

const page = { items: [{ id: 'a' }], total: 1 };
const input = { query: '', limit: 100, offset: 0 };

beforeEach(() => {
  sent.length = 0;
  waiting.length = 0;
});

describe('calls the first screen makes, started by the entry', () => {
  it('is sent once: the screen takes the answer, at once when it has arrived', async () => {
    const early = earlyCalls(send);
    const arrived = early.callEarly('candidates.list', input);
    expect(early.arrivedEarly('candidates.list', input)).toBeUndefined();
    answerNext({ ok: true, value: page });
    // Settled once the answer has arrived: the entry waits for it before the first render.
    expect(await arrived).toEqual({ ok: true, value: page });
    expect(early.arrivedEarly('candidates.list', { ...input, query: 'x' })).toBeUndefined();
    expect(early.arrivedEarly('candidates.list', input)).toEqual(page);
    // Taken: the next call asks the main process.
    expect(early.arrivedEarly('candidates.list', input)).toBeUndefined();
    expect(await early.take('candidates.list', input)).toBeUndefined();
    expect(sent).toEqual(['candidates.list']);
  });

  it('gives a call with the same method and input the answer on its way, without asking twice', async () => {
    const early = earlyCalls(send);
    void early.callEarly('candidates.list', input);
    const taken = callWith(early)(input);
    answerNext({ ok: true, value: page });
    expect(await taken).toEqual({ ok: true, value: page });
    expect(sent).toEqual(['candidates.list']);
  });

  it('asks again when the early answer was a refusal (the window was signed out)', async () => {
    const early = earlyCalls(send);
    void early.callEarly('candidates.list', input);
    answerNext({ ok: false, error: { code: 'signed_out', message: 'errors.signed_out' } });
    const after = callWith(early)(input);
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    answerNext({ ok: true, value: page });
    expect(await after).toEqual({ ok: true, value: page });
  });

  it('serves the first screen only: once forgotten (the person went elsewhere), a call asks again', async () => {
    const early = earlyCalls(send);
    void early.callEarly('candidates.list', input);
    answerNext({ ok: true, value: page });
    early.forgetEarlyCalls();
    expect(early.arrivedEarly('candidates.list', input)).toBeUndefined();
    const fresh = callWith(early)(input);
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    answerNext({ ok: true, value: { items: [], total: 0 } });
    expect(await fresh).toEqual({ ok: true, value: { items: [], total: 0 } });
  });
});
