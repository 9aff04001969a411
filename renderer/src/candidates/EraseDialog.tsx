import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Candidate } from '../../../shared/candidates';
import { ERASURE_REASONS, type ErasureReason, type ErasureResult } from '../../../shared/rights';
import { call } from '../api/client';
import { formatDate } from '../app/format';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useApiValue } from '../ui/useApiValue';
import { fullName } from '../ui/names';

interface EraseDialogProps {
  candidate: Candidate;
  /** The reason chosen at first: the withdrawal of consent when that is what proposed the erasure. */
  initialReason?: ErasureReason;
  onErased(result: ErasureResult): void;
  onClose(): void;
}

/**
 * Erasure at the person's request (GDPR art. 17): says what goes, names the partners who
 * received the file (to be told), and erases only on a deliberate click. It cannot be undone.
 */
export function EraseDialog({ candidate, initialReason = 'request', onErased, onClose }: EraseDialogProps) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [reason, setReason] = useState<ErasureReason>(initialReason);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { state } = useApiValue('rights.erasurePreview', { candidateId: candidate.id });

  useEffect(() => {
    const dialog = ref.current;
    dialog?.showModal();
    // The safe way out first.
    cancelRef.current?.focus();
    return () => dialog?.close();
  }, []);

  async function erase() {
    setBusy(true);
    setError(null);
    const result = await call('rights.erase', { candidateId: candidate.id, reason });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    onErased(result.value);
  }

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="erase-title" aria-describedby="erase-what" onCancel={onClose}>
      <h2 id="erase-title">{t('rights.ui.eraseTitle', { name: fullName(candidate) })}</h2>
      <div id="erase-what" className="dialog-body">
        <p>{t('rights.ui.eraseWhat')}</p>
        {state.status === 'ready' &&
          (state.value.partnersToTell.length > 0 ? (
            <>
              <p>{t('rights.ui.partnersToTell')}</p>
              <ul data-testid="partners-to-tell">
                {state.value.partnersToTell.map((partner) => (
                  <li key={partner.associationId ?? partner.name ?? partner.lastSentAt}>
                    {partner.name ?? partner.associationId} ({formatDate(partner.lastSentAt, i18n.language, 'long')})
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="muted">{t('rights.ui.noPartners')}</p>
          ))}
        <label className="field">
          <span>{t('rights.ui.reason')}</span>
          <select value={reason} onChange={(event) => setReason(event.target.value as ErasureReason)}>
            {ERASURE_REASONS.map((value) => (
              <option key={value} value={value}>
                {t(`rights.values.reasons.${value}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorAlert messageKey={state.status === 'error' ? state.messageKey : error} />
      <div className="dialog-buttons">
        <button type="button" className="button button-danger" disabled={busy || state.status !== 'ready'} onClick={() => void erase()}>
          {t('rights.ui.confirm')}
        </button>
        <button ref={cancelRef} type="button" className="button button-secondary" disabled={busy} onClick={onClose}>
          {t('rights.ui.cancel')}
        </button>
      </div>
    </dialog>
  );
}
