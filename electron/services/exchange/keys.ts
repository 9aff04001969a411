import { z } from 'zod';
import type { ParsedInputOf } from '../../../shared/api';
import { type AssociationProfile, type ExchangeStatus, associationProfileSchema } from '../../../shared/exchange';
import { type Clock, moment, newId } from '../../core/clock';
import { AppError, refuse } from '../../core/errors';
import type { Db } from '../../db/open';
import { type OsEncryption, ProtectionError, type ScryptCost, osKeychainProtector, passphraseProtector } from '../../formats/protection';
import { readSetting, writeSetting } from '../../store/settings';
import { type UnlockedIdentity, createIdentity, fingerprintOf, readIdentity, unlockIdentity } from './identity';

/** The association's profile and its keys: made once, then opened and closed. */

export const PROFILE_KEY = 'association';

const storedProfileSchema = associationProfileSchema.extend({ associationId: z.uuid() });

/** The association's name as a part of a file name. */
export function slug(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'association'
  );
}

export interface KeysOptions {
  db: Db;
  clock: Clock;
  /** Electron's safeStorage where it really protects keys; absent: passphrase protection. */
  osEncryption?: OsEncryption;
  /** Lowered by tests only. */
  keyScryptCost?: ScryptCost;
}

export function createKeysService({ db, clock, osEncryption, keyScryptCost }: KeysOptions) {
  let unlocked: UnlockedIdentity | null = null;
  const protection = osEncryption ? 'os_keychain' : 'passphrase';
  const profile = (): AssociationProfile | null => readSetting(db, PROFILE_KEY, storedProfileSchema);

  /** With the OS keychain the keys open by themselves; with a passphrase, after `unlock`. */
  function identity(): UnlockedIdentity {
    if (!unlocked && osEncryption && readIdentity(db)) unlocked = unlockIdentity(db, osKeychainProtector(osEncryption));
    if (!unlocked) refuse(readIdentity(db) ? 'exchange.errors.locked' : 'exchange.errors.noKeys');
    return unlocked;
  }

  function requireProfile(): AssociationProfile {
    const current = profile();
    if (!current) refuse('exchange.errors.noProfile');
    return current;
  }

  function status(): ExchangeStatus {
    const keys = readIdentity(db);
    if (keys && !unlocked && osEncryption) identity();
    return {
      profile: profile(),
      protection,
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
      const protector = osEncryption
        ? osKeychainProtector(osEncryption)
        : passphrase
          ? passphraseProtector(passphrase, keyScryptCost)
          : refuse({ passphrase: 'exchange.errors.keyPassphraseRequired' });
      await createIdentity(db, protector, moment(clock).now);
      unlocked = unlockIdentity(db, protector);
      return status();
    },

    unlock({ passphrase }: ParsedInputOf<'exchange.unlock'>): ExchangeStatus {
      if (!readIdentity(db)) refuse('exchange.errors.noKeys');
      if (!osEncryption) {
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
      if (!osEncryption) unlocked = null;
      return status();
    },
  };
}

export type KeysService = ReturnType<typeof createKeysService>;
