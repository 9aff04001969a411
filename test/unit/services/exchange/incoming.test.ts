import { describe, expect, it } from 'vitest';
import { classify } from '../../../../electron/services/exchange/incoming';

const OLD = '2026-01-01T00:00:00.000Z';
const AGREED = '2026-02-01T00:00:00.000Z';
const NEWER = '2026-03-01T00:00:00.000Z';
const NEWEST = '2026-04-01T00:00:00.000Z';

describe("an incoming record's state", () => {
  it.each([
    ['not here', AGREED, undefined, undefined, 'new'],
    ['the very version here', AGREED, AGREED, AGREED, 'unchanged'],
    ['changed there only since the agreed version', NEWER, AGREED, AGREED, 'updated'],
    ['changed on both sides since the agreed version', NEWEST, NEWER, AGREED, 'conflict'],
    ['not changed there since the agreed version, changed here', AGREED, NEWER, AGREED, 'unchanged'],
    ['newer than ours, nothing agreed', NEWER, AGREED, undefined, 'conflict'],
    ['older than ours, nothing agreed', OLD, AGREED, undefined, 'older'],
  ] as const)('%s', (_case, incoming, local, agreed, state) => {
    expect(classify(incoming, local, agreed)).toBe(state);
  });
});
