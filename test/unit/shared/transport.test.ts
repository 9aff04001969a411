import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { MAX_REQUEST_BYTES, isRequestTooLarge, jsonBytes } from '../../../shared/transport';

const written = (value: unknown) => Buffer.byteLength(JSON.stringify(value) ?? '');

describe('the request-size rule both transports honour', () => {
  test.prop([fc.jsonValue()])('counts what JSON.stringify would write, in UTF-8 bytes', (value) => {
    expect(jsonBytes(value)).toBe(written(value));
  });

  test.prop([fc.string({ unit: 'binary' })])('counts escapes, accents, scripts and lone surrogates', (text) => {
    expect(jsonBytes({ text })).toBe(written({ text }));
  });

  it('counts what JSON leaves out or writes null: undefined, functions, holes', () => {
    const holes: unknown[] = new Array(3);
    holes[2] = 1;
    const value = { a: undefined, b: () => 1, list: [undefined, () => 1], holes, at: new Date(0), n: Number.NaN, zero: -0 };
    expect(jsonBytes(value)).toBe(written(value));
  });

  it('takes a request up to the limit and refuses one byte more', () => {
    // One megabyte many times over: as many bytes to count, little to hold.
    const megabyte = Buffer.alloc(1024 * 1024, 'A').toString('latin1');
    const parts = Math.floor(MAX_REQUEST_BYTES / (megabyte.length + 3)) - 1;
    const empty = written({ parts: [], rest: '' });
    const rest = MAX_REQUEST_BYTES - empty - parts * (megabyte.length + 2) - (parts - 1);
    const atLimit = { parts: Array<string>(parts).fill(megabyte), rest: 'A'.repeat(rest) };
    expect(jsonBytes(atLimit)).toBe(MAX_REQUEST_BYTES);
    expect(isRequestTooLarge(atLimit)).toBe(false);
    expect(isRequestTooLarge({ ...atLimit, rest: `${atLimit.rest}A` })).toBe(true);
  });
});
