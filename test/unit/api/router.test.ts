import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../electron/core/errors';
import { type Handlers, createRouter } from '../../../electron/api/router';

function handlersWith(overrides: Partial<Handlers>): Handlers {
  const unused = () => {
    throw new Error('not expected in this test');
  };
  return new Proxy(overrides, { get: (target, key) => target[key as keyof Handlers] ?? unused }) as Handlers;
}

describe('router', () => {
  it('refuses a method that is not in the table', async () => {
    const dispatch = createRouter(handlersWith({}));
    for (const method of ['candidates.drop', '__proto__', 'constructor', '']) {
      expect(await dispatch(method, {})).toEqual({
        ok: false,
        error: { code: 'unknown_method', message: 'errors.unknown_method' },
      });
    }
  });

  it('does not call the handler when the input is invalid', async () => {
    const get = vi.fn();
    const dispatch = createRouter(handlersWith({ 'candidates.get': get }));
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
      logger,
    );
    const result = await dispatch('candidates.list', {});
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'errors.internal' } });
    expect(JSON.stringify(result)).not.toContain('SQLITE_FULL');
    expect(logger.error).toHaveBeenCalledWith('[api] candidates.list failed', boom);
  });
});
