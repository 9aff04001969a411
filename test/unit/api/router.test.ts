import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../electron/core/errors';
import { type Handlers, createRouter } from '../../../electron/api/router';
import { type MethodName, api } from '../../../shared/api';
import { ROLES, ROLE_CAPABILITIES } from '../../../shared/roles';
import { expectTranslated } from '../../support/api';
import { accountOf, testSession } from '../../support/session';

function handlersWith(overrides: Partial<Handlers>): Handlers {
  const unused = () => {
    throw new Error('not expected in this test');
  };
  return new Proxy(overrides, { get: (target, key) => target[key as keyof Handlers] ?? unused }) as Handlers;
}

describe('router', () => {
  it('refuses a method that is not in the table', async () => {
    const dispatch = createRouter(handlersWith({}), { session: testSession().provider });
    for (const method of ['candidates.drop', '__proto__', 'constructor', '']) {
      expect(await dispatch(method, {})).toEqual({
        ok: false,
        error: { code: 'unknown_method', message: 'errors.unknown_method' },
      });
    }
  });

  it('does not call the handler when the input is invalid', async () => {
    const get = vi.fn();
    const dispatch = createRouter(handlersWith({ 'candidates.get': get }), { session: testSession().provider });
    expect(await dispatch('candidates.get', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(get).not.toHaveBeenCalled();
  });

  it('turns an AppError into its code and message', async () => {
    const dispatch = createRouter(
      handlersWith({
        'candidates.list': () => {
          throw new AppError('conflict', 'errors.conflict', { query: 'common.errors.invalid' });
        },
      }),
      { session: testSession().provider },
    );
    expect(await dispatch('candidates.list', {})).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'errors.conflict', fields: { query: 'common.errors.invalid' } },
    });
  });

  it('logs an unexpected exception and answers a generic error without its details', async () => {
    const logger = { error: vi.fn() };
    const boom = new Error('SQLITE_FULL at /home/staff/secret/path');
    const dispatch = createRouter(
      handlersWith({
        'candidates.list': async () => {
          throw boom;
        },
      }),
      { session: testSession().provider, logger },
    );
    const result = await dispatch('candidates.list', {});
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'errors.internal' } });
    expect(JSON.stringify(result)).not.toContain('SQLITE_FULL');
    expect(logger.error).toHaveBeenCalledWith('[api] candidates.list failed', boom);
  });
});

describe('router: who may call what', () => {
  const everyHandler = new Proxy({}, { get: () => () => 'ran' }) as Handlers;

  it('answers every method of the table, for every role and without a session, as ROLE_CAPABILITIES declares', async () => {
    const methods = Object.keys(api) as MethodName[];
    expect(methods.length).toBeGreaterThan(100);
    for (const method of methods) {
      const { needs } = api[method];
      const signedOut = await createRouter(everyHandler, { session: () => null })(method, {});
      if (needs === 'public') expect(signedOut, method).not.toMatchObject({ ok: false, error: { code: 'signed_out' } });
      else expect(signedOut, method).toEqual({ ok: false, error: { code: 'signed_out', message: 'errors.signed_out' } });
      for (const role of ROLES) {
        const result = await createRouter(everyHandler, { session: () => accountOf(role) })(method, {});
        const allowed = needs === 'public' || needs === 'signedIn' || ROLE_CAPABILITIES[role].includes(needs);
        if (allowed) {
          expect(result, `${role} ${method}`).not.toMatchObject({ ok: false, error: { code: 'forbidden' } });
          expect(result, `${role} ${method}`).not.toMatchObject({ ok: false, error: { code: 'signed_out' } });
        } else {
          expect(result, `${role} ${method}`).toEqual({ ok: false, error: { code: 'forbidden', message: 'errors.forbidden' } });
        }
      }
    }
  });

  it('refuses before reading the input, and never runs the handler of a refused call', async () => {
    const archive = vi.fn();
    const reader = createRouter(handlersWith({ 'candidates.archive': archive }), { session: () => accountOf('reader') });
    expect(await reader('candidates.archive', 'not even an object')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const nobody = createRouter(handlersWith({ 'candidates.archive': archive }), { session: () => null });
    expect(await nobody('candidates.archive', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'signed_out' } });
    expect(archive).not.toHaveBeenCalled();
  });

  it('asks for the session at every call: a lock takes effect on the next one', async () => {
    const session = testSession(accountOf('staff'));
    const dispatch = createRouter(handlersWith({ 'candidates.list': () => ({ items: [], total: 0 }) }), { session: session.provider });
    expect(await dispatch('candidates.list', {})).toMatchObject({ ok: true });
    session.signIn(null);
    expect(await dispatch('candidates.list', {})).toMatchObject({ ok: false, error: { code: 'signed_out' } });
  });

  it('translates the refusals', () => {
    expectTranslated('errors.forbidden');
    expectTranslated('errors.signed_out');
  });
});
