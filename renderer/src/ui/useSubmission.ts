import { useState } from 'react';
import type { ApiResult } from '../../../shared/errors';

/**
 * A form sent to the main process: whether it was sent (so missing fields show), busy while
 * waiting, and the refusal: per field when the main process names fields, else for the form.
 */
export function useSubmission() {
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  /** Sends when `ready` (the form's own checks pass); `onDone` gets the value of a success. */
  async function send<T>(ready: boolean, request: () => Promise<ApiResult<T>>, onDone: (value: T) => void): Promise<void> {
    setSent(true);
    if (!ready) return;
    setBusy(true);
    const result = await request();
    setBusy(false);
    if (!result.ok) {
      setFields(result.error.fields ?? {});
      setError(result.error.fields ? null : result.error.message);
      return;
    }
    setFields({});
    setError(null);
    onDone(result.value);
  }

  return { sent, busy, error, fields, send };
}
