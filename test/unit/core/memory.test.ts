import { describe, expect, it } from 'vitest';
import { ownsItsMemory, release } from '../../../electron/core/memory';

describe('giving a buffer back', () => {
  it('empties a buffer that owns its memory, and leaves a slice of a shared one as it is', () => {
    const owned = Buffer.alloc(64 * 1024, 1);
    release(owned);
    expect(owned.length).toBe(0);
    expect(owned.buffer.byteLength).toBe(0);

    const pooled = Buffer.from('a few bytes from Node’s pool');
    const whole = new Uint8Array(1024).fill(2);
    const slice = whole.subarray(0, 512);
    release(pooled);
    release(slice);
    expect(pooled.toString()).toBe('a few bytes from Node’s pool');
    expect(slice.length).toBe(512);
    expect(whole.every((byte) => byte === 2)).toBe(true);
    expect([ownsItsMemory(whole), ownsItsMemory(slice), ownsItsMemory(pooled), ownsItsMemory(new Uint8Array(new SharedArrayBuffer(8)))]).toEqual([true, false, false, false]);
  });
});
