import { type MethodName, type OutputOf, type ParsedInputOf, api, isMethodName } from '../../shared/api';
import type { SignedIn } from '../../shared/accounts';
import { type ApiResult, errorMessageKey } from '../../shared/errors';
import { roleMay } from '../../shared/roles';
import { fieldErrors, parseOptions } from '../../shared/validation';
import { AppError } from '../core/errors';

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

export type Dispatch = (method: string, input: unknown) => Promise<ApiResult<unknown>>;

/** Who is signed in now (held by the backend, electron/api/session.ts); null when signed out or locked. */
export type SessionProvider = () => SignedIn | null;

/** A refusal as every transport receives it. */
export function failure(code: AppError['code'], message = errorMessageKey(code), fields?: Record<string, string>, values?: Record<string, string | number>) {
  return { ok: false as const, error: { code, message, ...(fields ? { fields } : {}), ...(values ? { values } : {}) } };
}

/**
 * The one entry point of every transport (Electron IPC, the preview's HTTP host, the CLI):
 * it checks the method exists, that someone is signed in unless the method is public, that
 * their role may call it, validates the input with the table's schema, runs the handler, and
 * turns every outcome into a result value.
 */
export function createRouter(handlers: Handlers, session: SessionProvider, logger: Logger = console): Dispatch {
  return async (method, input) => {
    if (!isMethodName(method)) return failure('unknown_method');
    const needs = api[method].needs;
    if (needs !== 'public') {
      const signedIn = session();
      if (!signedIn) return failure('signed_out');
      if (!roleMay(signedIn.role, needs)) return failure('forbidden');
    }
    const parsed = api[method].input.safeParse(input, parseOptions);
    if (!parsed.success) return failure('validation', 'errors.validation', fieldErrors(parsed.error));
    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof AppError) return failure(error.code, error.messageKey, error.fields, error.values);
      logger.error(`[api] ${method} failed`, error);
      return failure('internal');
    }
  };
}

/** The handlers of one domain's group of methods (e.g. `typeof candidateMethods`). */
export type HandlersFor<Group> = { [M in keyof Group & MethodName]: Handler<M> };
