import type { SignedIn } from '../../shared/accounts';
import { type MethodName, type OutputOf, type ParsedInputOf, api, isMethodName } from '../../shared/api';
import { type ApiResult, errorMessageKey } from '../../shared/errors';
import { roleMay } from '../../shared/roles';
import { fieldErrors, parseOptions } from '../../shared/validation';
import { AppError, databaseRefusal } from '../core/errors';
import { runAsCaller } from '../store/caller';

export type Handler<M extends MethodName> = (input: ParsedInputOf<M>) => OutputOf<M> | Promise<OutputOf<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };

/**
 * Writing handlers that await before they write (keys, files, backups): better-sqlite3's
 * transactions are synchronous, so these commit through `auditedTransaction` (store/audit.ts)
 * instead of inside the audit wrapper's transaction.
 */
const awaiting = new WeakSet<Handler<MethodName>>();
export const awaitsBeforeWriting = Object.assign(
  <M extends MethodName>(handler: Handler<M>): Handler<M> => {
    awaiting.add(handler as Handler<MethodName>);
    return handler;
  },
  { has: (handler: Handler<MethodName>) => awaiting.has(handler) },
);

export interface Logger {
  error(message: string, error: unknown): void;
}

/** The account signed in now, held by the main process (null when signed out or locked). */
export type SessionProvider = () => SignedIn | null;

export interface RouterOptions {
  session: SessionProvider;
  logger?: Logger;
}

export type Dispatch = (method: string, input: unknown) => Promise<ApiResult<unknown>>;

/** A refusal as every transport receives it. */
export function failure(code: AppError['code'], message = errorMessageKey(code), fields?: Record<string, string>, values?: Record<string, string | number>) {
  return { ok: false as const, error: { code, message, ...(fields ? { fields } : {}), ...(values ? { values } : {}) } };
}

/**
 * The one entry point of every transport (Electron IPC, the preview's HTTP host, the CLI):
 * it checks the method exists, that a session is open and its role may make the call (before
 * reading the input: a refused caller learns nothing of it), validates the input with the
 * table's schema, runs the handler as the signed-in account, and turns every outcome into a
 * result value.
 */
export function createRouter(handlers: Handlers, { session, logger = console }: RouterOptions): Dispatch {
  return async (method, input) => {
    if (!isMethodName(method)) return failure('unknown_method');
    const { needs } = api[method];
    const caller = needs === 'public' ? null : session();
    if (needs !== 'public') {
      if (!caller) return failure('signed_out');
      if (!roleMay(caller.role, needs)) return failure('forbidden');
    }
    const parsed = api[method].input.safeParse(input, parseOptions);
    if (!parsed.success) return failure('validation', 'errors.validation', fieldErrors(parsed.error));
    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      return { ok: true, value: await runAsCaller(caller, () => handler(parsed.data)) };
    } catch (error) {
      const refusal = error instanceof AppError ? error : databaseRefusal(error);
      if (refusal) return failure(refusal.code, refusal.messageKey, refusal.fields, refusal.values);
      logger.error(`[api] ${method} failed`, error);
      return failure('internal');
    }
  };
}

/** The handlers of one domain's group of methods (e.g. `typeof candidateMethods`). */
export type HandlersFor<Group> = { [M in keyof Group & MethodName]: Handler<M> };
