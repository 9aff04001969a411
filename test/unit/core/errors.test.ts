import { describe, expect, it } from 'vitest';
import { AppError, refuse } from '../../../electron/core/errors';

function refusal(run: () => never): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

describe('refuse', () => {
  it('refuses a form with the fields at fault under the generic validation message', () => {
    const error = refusal(() => refuse({ endDate: 'common.errors.dateInFuture' }));
    expect({ code: error.code, messageKey: error.messageKey, fields: error.fields }).toEqual({
      code: 'validation',
      messageKey: 'errors.validation',
      fields: { endDate: 'common.errors.dateInFuture' },
    });
  });

  it('refuses a whole request with its own message, and fields only when given', () => {
    const alone = refusal(() => refuse('exchange.errors.replay'));
    expect({ code: alone.code, messageKey: alone.messageKey, fields: alone.fields }).toEqual({ code: 'validation', messageKey: 'exchange.errors.replay', fields: undefined });
    const withFields = refusal(() => refuse('exchange.errors.passphraseRequired', { passphrase: 'exchange.errors.passphraseRequired' }));
    expect(withFields.fields).toEqual({ passphrase: 'exchange.errors.passphraseRequired' });
  });
});
