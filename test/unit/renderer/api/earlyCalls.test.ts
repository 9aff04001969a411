import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

/** The main process as the window's client sees it: every call noted, each answered when the test says. */
const sent: string[] = [];
const waiting: ((answer: unknown) => void)[] = [];
const invoke = (method: string) => {
  sent.push(method);
  return new Promise((resolve) => waiting.push(resolve));
};
/** Answers the oldest call waiting, once it has been sent. */
async function answerNext(answer: unknown) {
  await vi.waitFor(() => expect(waiting.length).toBeGreaterThan(0));
  waiting.shift()?.(answer);
}

const page = { items: [{ id: 'a' }], total: 1 };
const input = { query: '', limit: 100, offset: 0 };

let client: typeof import('../../../../renderer/src/api/client');

beforeAll(async () => {
  vi.stubGlobal('window', { tremplin: { invoke } });
  client = await import('../../../../renderer/src/api/client');
});
afterAll(() => {
  vi.unstubAllGlobals();
});
beforeEach(() => {
  client.forgetEarlyCalls();
  sent.length = 0;
  waiting.length = 0;
});

describe('calls the first screen makes, started by the entry', () => {
  it('is sent once: the screen takes the answer, at once when it has arrived', async () => {
    client.callEarly('candidates.list', input);
    expect(client.arrivedEarly('candidates.list', input)).toBeUndefined();
    await answerNext({ ok: true, value: page });
    await vi.waitFor(() => expect(client.arrivedEarly('candidates.list', input)).toEqual(page));
    // Taken: the next call asks the main process.
    expect(client.arrivedEarly('candidates.list', input)).toBeUndefined();
    const again = client.call('candidates.list', input);
    await answerNext({ ok: true, value: { items: [], total: 0 } });
    expect(await again).toEqual({ ok: true, value: { items: [], total: 0 } });
    expect(sent).toEqual(['candidates.list', 'candidates.list']);
  });

  it('gives a call with the same method and input the answer on its way, without asking twice', async () => {
    client.callEarly('candidates.list', input);
    const taken = client.call('candidates.list', input);
    await answerNext({ ok: true, value: page });
    expect(await taken).toEqual({ ok: true, value: page });
    expect(sent).toEqual(['candidates.list']);
  });

  it('asks again when the early answer was a refusal (the window was signed out)', async () => {
    client.callEarly('candidates.list', input);
    await answerNext({ ok: false, error: { code: 'signed_out', message: 'errors.signed_out' } });
    const after = client.call('candidates.list', input);
    await answerNext({ ok: true, value: page });
    expect(await after).toEqual({ ok: true, value: page });
  });

  it('serves the first screen only: once forgotten (the person went elsewhere), a call asks again', async () => {
    client.callEarly('candidates.list', input);
    await answerNext({ ok: true, value: page });
    client.forgetEarlyCalls();
    expect(client.arrivedEarly('candidates.list', input)).toBeUndefined();
    const fresh = client.call('candidates.list', input);
    await answerNext({ ok: true, value: { items: [], total: 0 } });
    expect(await fresh).toEqual({ ok: true, value: { items: [], total: 0 } });
    expect(sent).toEqual(['candidates.list', 'candidates.list']);
  });
});
