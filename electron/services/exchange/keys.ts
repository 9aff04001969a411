import { z } from 'zod';
import type { ParsedInputOf } from '../../../shared/api';
import { type AssociationProfile, type ExchangeStatus, associationProfileSchema } from '../../../shared/exchange';
import { type Clock, moment, newId } from '../../core/clock';
import { AppError, refuse } from '../../core/errors';
import type { ReadDb, WriteDb } from '../../db/handles';
import {
  type KeyProtector,
  type OsEncryption,
  type ProtectionMethod,
  ProtectionError,
  type ScryptCost,
  databaseKeyProtector,
  osKeychainProtector,
  passphraseProtector,
} from '../../formats/protection';
import { readSetting, writeSetting } from '../../store/settings';
import { type UnlockedIdentity, createIdentity, fingerprintOf, readIdentity, unlockIdentity } from './identity';

/** The association's profile and its keys: made once, then opened and closed. */

export const PROFILE_KEY = 'association';

const storedProfileSchema = associationProfileSchema.extend({ associationId: z.uuid() });

/** The association's name, SIRET and contact details, as set in Settings › Exchanges; null before. */
export const readAssociationProfile = (db: ReadDb): AssociationProfile | null => readSetting(db, PROFILE_KEY, storedProfileSchema);

/** A name as a part of a file name: ASCII letters and digits, or `fallback` when none is left (a name in another script). */
export function slug(text: string, fallback = 'association'): string {
  return (
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || fallback
  );
}

export interface KeysOptions {
  db: WriteDb;
  clock: Clock;
  /** Electron's safeStorage where it really protects keys; absent: passphrase protection. */
  osEncryption?: OsEncryption;
  /** Lowered by tests only. */
  keyScryptCost?: ScryptCost;
  /** The key of the encrypted database: new keys are sealed under it, with no passphrase of their own. */
  databaseKey?: Uint8Array;
}

export function createKeysService({ db, clock, osEncryption, keyScryptCost, databaseKey }: KeysOptions) {
  let unlocked: UnlockedIdentity | null = null;
  /** How new keys are sealed: under the database key where it is encrypted, else the keychain, else a passphrase. */
  const preferred: ProtectionMethod = databaseKey ? 'database' : osEncryption ? 'os_keychain' : 'passphrase';
  /** Keys made before stay sealed as they were. */
  const protection = (): ProtectionMethod => readIdentity(db)?.method ?? preferred;
  const profile = (): AssociationProfile | null => readAssociationProfile(db);

  /** The protector that opens the keys by itself (keychain, database key); null: a passphrase is needed. */
  function automaticProtector(method: ProtectionMethod): KeyProtector | null {
    if (method === 'database' && databaseKey) return databaseKeyProtector(databaseKey);
    if (method === 'os_keychain' && osEncryption) return osKeychainProtector(osEncryption);
    return null;
  }

  /** With the OS keychain or the database key the keys open by themselves; with a passphrase, after `unlock`. */
  function identity(): UnlockedIdentity {
    const stored = readIdentity(db);
    const automatic = stored ? automaticProtector(stored.method) : null;
    if (!unlocked && automatic) unlocked = unlockIdentity(db, automatic);
    if (!unlocked) refuse(stored ? 'exchange.errors.locked' : 'exchange.errors.noKeys');
    return unlocked;
  }

  function requireProfile(): AssociationProfile {
    const current = profile();
    if (!current) refuse('exchange.errors.noProfile');
    return current;
  }

  function status(): ExchangeStatus {
    const keys = readIdentity(db);
    if (keys && !unlocked && automaticProtector(keys.method)) identity();
    return {
      profile: profile(),
      protection: protection(),
      keys: keys ? { createdAt: keys.createdAt, fingerprint: fingerprintOf(keys), unlocked: unlocked !== null } : null,
    };
  }

  return {
    profile,
    requireProfile,
    identity,
    status,

    saveProfile(input: ParsedInputOf<'exchange.saveProfile'>): AssociationProfile {
      const saved = { ...input, associationId: profile()?.associationId ?? newId() };
      writeSetting(db, PROFILE_KEY, saved);
      return saved;
    },

    async createKeys({ passphrase }: ParsedInputOf<'exchange.createKeys'>): Promise<ExchangeStatus> {
      if (readIdentity(db)) throw new AppError('conflict', 'exchange.errors.keysExist');
      const protector =
        automaticProtector(preferred) ??
        (passphrase
          ? passphraseProtector(passphrase, keyScryptCost)
          : refuse({ passphrase: 'exchange.errors.keyPassphraseRequired' }));
      await createIdentity(db, protector, moment(clock).now);
      unlocked = unlockIdentity(db, protector);
      return status();
    },

    unlock({ passphrase }: ParsedInputOf<'exchange.unlock'>): ExchangeStatus {
      if (!readIdentity(db)) refuse('exchange.errors.noKeys');
      if (protection() === 'passphrase') {
        try {
          unlocked = unlockIdentity(db, passphraseProtector(passphrase, keyScryptCost));
        } catch (error) {
          if (error instanceof ProtectionError) refuse({ passphrase: 'exchange.errors.wrongKeyPassphrase' });
          throw error;
        }
      }
      return status();
    },

    lock(): ExchangeStatus {
      if (protection() === 'passphrase') unlocked = null;
      return status();
    },
  };
}

export type KeysService = ReturnType<typeof createKeysService>;
