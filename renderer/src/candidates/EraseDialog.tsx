import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Candidate } from '../../../shared/candidates';
import { ERASURE_REASONS, type ErasureReason, type ErasureResult } from '../../../shared/rights';
import { call } from '../api/client';
import { formatDate } from '../app/format';
import { downloadBase64 } from '../exchange/files';
import { useMay } from '../session/useMay';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useApiValue } from '../ui/useApiValue';
import { fullName } from '../ui/names';
import { useModal } from '../ui/useModal';
import { ChoiceSelect } from '../ui/ChoiceSelect';

interface EraseDialogProps {
  candidate: Pick<Candidate, 'id' | 'firstName' | 'lastName'>;
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
  const cancelRef = useRef<HTMLButtonElement>(null);
  // The safe way out first.
  const ref = useModal(cancelRef);
  const [reason, setReason] = useState<ErasureReason>(initialReason);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { state } = useApiValue('rights.erasurePreview', { candidateId: candidate.id });
  /** Once erased with partners to tell: the dialog stays to make their requests. */
  const [done, setDone] = useState<ErasureResult | null>(null);

  async function erase() {
    setBusy(true);
    setError(null);
    const result = await call('rights.erase', { candidateId: candidate.id, reason });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    if (result.value.partnersToTell.length === 0) onErased(result.value);
    else setDone(result.value);
  }

  if (done) return <TellPartners name={fullName(candidate)} result={done} onClose={() => onErased(done)} />;

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
        <ChoiceSelect
          id="erase-reason"
          label={t('rights.ui.reason')}
          choices={ERASURE_REASONS}
          value={reason}
          onChange={setReason}
          choiceLabel={(value) => t(`rights.values.reasons.${value}`)}
        />
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

/**
 * After the erasure: each partner who received the file gets a request (art. 19), made here in
 * the exchange format for those whose card we hold; the others are told by other means.
 */
function TellPartners({ name, result, onClose }: { name: string; result: ErasureResult; onClose(): void }) {
  const { t } = useTranslation();
  const mayRequest = useMay('exchange.erasureRequest');
  const [sent, setSent] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const ref = useModal(closeRef);

  async function request(associationId: string) {
    const made = await call('exchange.erasureRequest', { candidateIds: result.erasedIds, associationId });
    setError(made.ok ? null : made.error.message);
    if (!made.ok) return;
    downloadBase64(made.value.content, made.value.fileName);
    setSent((current) => new Set([...current, associationId]));
  }

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="tell-title" onCancel={onClose} data-testid="tell-partners">
      <h2 id="tell-title">{t('rights.ui.tellPartners.title', { name })}</h2>
      <div className="dialog-body">
        <p>{t('rights.ui.tellPartners.intro')}</p>
        <ul className="tell-partners">
          {result.partnersToTell.map((partner) => {
            const label = partner.name ?? partner.associationId ?? '';
            const { associationId } = partner;
            return (
              <li key={associationId ?? label}>
                {associationId && mayRequest ? (
                  sent.has(associationId) ? (
                    <span role="status">{t('rights.ui.tellPartners.sent', { partner: label })}</span>
                  ) : (
                    <button type="button" className="button button-secondary" onClick={() => void request(associationId)}>
                      {t('rights.ui.tellPartners.send', { partner: label })}
                    </button>
                  )
                ) : (
                  <span>{t('rights.ui.tellPartners.noCard', { partner: label })}</span>
                )}
              </li>
            );
          })}
        </ul>
        <p className="muted">{t('rights.ui.tellPartners.carries')}</p>
      </div>
      <ErrorAlert messageKey={error} />
      <div className="dialog-buttons">
        <button ref={closeRef} type="button" className="button button-secondary" onClick={onClose}>
          {t('rights.ui.tellPartners.close')}
        </button>
      </div>
    </dialog>
  );
}
