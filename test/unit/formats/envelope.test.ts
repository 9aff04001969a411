import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { EnvelopeError, PAYLOAD_NAME, SIGNATURE_NAME, openEnvelope, packEnvelope, unpackEnvelope } from '../../../electron/formats/envelope';
import { useTempDir } from '../../support/temp';

const MTIME = 1_795_000_000;
const MAX = 1024 * 1024;

function reasonOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof EnvelopeError) return error.reason;
    throw error;
  }
  return 'read';
}

describe('the .tremplin envelope', () => {
  const tempDir = useTempDir();

  it('packs and unpacks the payload, the signature and the readme', () => {
    const envelope = { payload: new Uint8Array([0, 1, 2, 255]), signature: 'sig\n', readme: 'Lisez-moi — é\n' };
    expect(unpackEnvelope(packEnvelope(envelope, MTIME), MAX)).toEqual(envelope);
    const unsigned = { payload: new Uint8Array(600), signature: null, readme: null };
    expect(unpackEnvelope(packEnvelope(unsigned, MTIME), MAX)).toEqual(unsigned);
  });

  it('made around a payload written in place, with room for a signature made after, is the archive of the same entries', () => {
    const envelope = { payload: new Uint8Array([3, 1, 4, 1, 5]), signature: 'signature made from the payload\n', readme: 'Lisez-moi\n' };
    const open = openEnvelope(envelope.payload.length, envelope.readme, MTIME);
    open.payload.set(envelope.payload);
    expect(open.close(envelope.signature)).toEqual(packEnvelope(envelope, MTIME));
    const unsigned = openEnvelope(600, null, MTIME, null);
    expect(unsigned.close(null)).toEqual(packEnvelope({ payload: new Uint8Array(600), signature: null, readme: null }, MTIME));
    expect(() => openEnvelope(5, null, MTIME, 10).close('x'.repeat(11))).toThrow();
  });

  it('is a tar archive that GNU tar lists and extracts, and reads back what tar packs', () => {
    const folder = tempDir();
    const envelope = { payload: new TextEncoder().encode('age bytes'), signature: 'signature text\n', readme: 'readme\n' };
    writeFileSync(join(folder, 'file.tremplin'), packEnvelope(envelope, MTIME));
    const listing = execFileSync('tar', ['tf', join(folder, 'file.tremplin')], { encoding: 'utf8' });
    expect(listing.trim().split('\n').sort()).toEqual(['LISEZ-MOI.txt', PAYLOAD_NAME, SIGNATURE_NAME].sort());
    execFileSync('tar', ['xf', join(folder, 'file.tremplin'), '-C', folder]);
    expect(readFileSync(join(folder, PAYLOAD_NAME), 'utf8')).toBe('age bytes');
    // Repacked by tar in another order: still read.
    execFileSync('tar', ['--format=ustar', '-cf', join(folder, 'repacked.tremplin'), '-C', folder, SIGNATURE_NAME, PAYLOAD_NAME]);
    const repacked = unpackEnvelope(readFileSync(join(folder, 'repacked.tremplin')), MAX);
    expect(repacked.signature).toBe('signature text\n');
    expect(new TextDecoder().decode(repacked.payload)).toBe('age bytes');
  });

  it('refuses other files, damage, and sizes over the cap', () => {
    const packed = packEnvelope({ payload: new Uint8Array(2000), signature: 'x', readme: null }, MTIME);
    expect(reasonOf(() => unpackEnvelope(packed, 1000))).toBe('too_large');
    const damaged = packed.slice();
    damaged[10] = 65; // the name, under the checksum
    expect(reasonOf(() => unpackEnvelope(damaged, MAX))).toBe('damaged');
    expect(reasonOf(() => unpackEnvelope(packed.slice(0, 1024), MAX))).toBe('damaged');
    // Cut anywhere, even right after a complete entry: the end-of-archive block is missing.
    for (const cut of [600, 2560, 3072, packed.length - 1024]) expect(reasonOf(() => unpackEnvelope(packed.slice(0, cut), MAX)), `cut at ${cut}`).toBe('damaged');
    expect(reasonOf(() => unpackEnvelope(new TextEncoder().encode('age-encryption.org/v1\n'), MAX))).toBe('not_an_envelope');
    expect(reasonOf(() => unpackEnvelope(new Uint8Array(1024), MAX))).toBe('not_an_envelope');
  });

  test.prop([fc.uint8Array({ minLength: 0, maxLength: 4096 })])('never accepts random bytes as an envelope, never crashes otherwise', (bytes) => {
    expect(['not_an_envelope', 'damaged', 'too_large']).toContain(reasonOf(() => unpackEnvelope(bytes, MAX)));
  });

  test.prop([fc.uint8Array({ maxLength: 3000 }), fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 255 })])(
    'a changed byte is refused or leaves the content readable but never crashes',
    (payload, position, value) => {
      const packed = packEnvelope({ payload, signature: 'sig', readme: null }, MTIME);
      const changed = packed.slice();
      changed[position % changed.length] = value;
      const reason = reasonOf(() => unpackEnvelope(changed, MAX));
      expect(['read', 'not_an_envelope', 'damaged', 'too_large']).toContain(reason);
    },
  );
});
