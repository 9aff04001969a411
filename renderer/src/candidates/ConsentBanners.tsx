import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Candidate, RESTRICTION_REASONS, type RestrictionReason, erasureProposed, isRestricted } from '../../../shared/candidates';
import { call } from '../api/client';
import { formatDate } from '../app/format';
import { useNotices } from '../app/notices';
import { useMay } from '../session/useMay';
import { ErrorAlert } from '../ui/ErrorAlert';
import { fullName } from '../ui/names';
import { useModal } from '../ui/useModal';
import { ChoiceSelect } from '../ui/ChoiceSelect';

/**
 * What the person's consent and rights make of the file, above its sections: frozen (GDPR
 * art. 18, with the lifting for who may), or erasure proposed after a withdrawal of the
 * consent to being recorded (with the erasure for who may).
 */
export function ConsentBanners({ candidate, onChange, onErase }: { candidate: Candidate; onChange(candidate: Candidate): void; onErase(): void }) {
  const { t, i18n } = useTranslation();
  const showNotice = useNotices((state) => state.showNotice);
  const mayRestrict = useMay('candidates.liftRestriction');
  const mayErase = useMay('rights.erase');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const date = (value: string) => formatDate(value, i18n.language, 'long');

  async function lift() {
    setBusy(true);
    const result = await call('candidates.liftRestriction', { id: candidate.id });
    setBusy(false);
    setError(result.ok ? null : result.error.message);
    if (result.ok) {
      showNotice('candidates.ui.notices.restrictionLifted');
      onChange(result.value);
    }
  }

  if (isRestricted(candidate)) {
    return (
      <>
        <div className="banner banner-restricted" data-testid="restricted-banner">
          <div>
            <p className="banner-title">{t('candidates.ui.restriction.bannerTitle')}</p>
            <p>
              {t('candidates.ui.restriction.bannerWho', {
                date: date(candidate.restrictedAt as string),
                by: candidate.restrictedBy ?? t('candidates.ui.restriction.someone'),
                reason: t(`candidates.values.restrictionReasons.${candidate.restrictionReason ?? 'objectionPending'}`),
              })}
            </p>
            <p>{t('candidates.ui.restriction.bannerEffects')}</p>
          </div>
          {mayRestrict && (
            <button type="button" className="button button-secondary" disabled={busy} onClick={() => void lift()}>
              {t('candidates.ui.restriction.lift')}
            </button>
          )}
        </div>
        <ErrorAlert messageKey={error} />
      </>
    );
  }
  if (!erasureProposed(candidate) || candidate.mergedIntoId) return null;
  const withdrawnOn = candidate.consentWithdrawnOn ?? candidate.consentRecordingWithdrawnOn ?? '';
  return (
    <div className="banner banner-erasure" data-testid="erasure-banner">
      <div>
        <p className="banner-title">{t('candidates.ui.erasureProposed.title')}</p>
        <p>{t('candidates.ui.erasureProposed.explanation', { date: date(withdrawnOn) })}</p>
        {!mayErase && <p>{t('candidates.ui.erasureProposed.askAdministrator')}</p>}
      </div>
      {mayErase && (
        <button type="button" className="button button-danger" onClick={onErase}>
          {t('rights.ui.erase')}
        </button>
      )}
    </div>
  );
}

/** Freezing the file: the ground chosen from the closed list, on a deliberate click. */
export function RestrictDialog({ candidate, onRestricted, onClose }: { candidate: Candidate; onRestricted(candidate: Candidate): void; onClose(): void }) {
  const { t } = useTranslation();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const ref = useModal(cancelRef);
  const [reason, setReason] = useState<RestrictionReason>('accuracyContested');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function restrict() {
    setBusy(true);
    const result = await call('candidates.restrict', { id: candidate.id, reason });
    setBusy(false);
    setError(result.ok ? null : result.error.message);
    if (result.ok) onRestricted(result.value);
  }

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="restrict-title" aria-describedby="restrict-what" onCancel={onClose}>
      <h2 id="restrict-title">{t('candidates.ui.restriction.dialogTitle', { name: fullName(candidate) })}</h2>
      <div id="restrict-what" className="dialog-body">
        <p>{t('candidates.ui.restriction.dialogWhat')}</p>
        <ChoiceSelect
          id="restrict-reason"
          label={t('candidates.ui.restriction.reason')}
          choices={RESTRICTION_REASONS}
          value={reason}
          onChange={setReason}
          choiceLabel={(value) => t(`candidates.values.restrictionReasons.${value}`)}
        />
      </div>
      <ErrorAlert messageKey={error} />
      <div className="dialog-buttons">
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void restrict()}>
          {t('candidates.ui.restriction.confirm')}
        </button>
        <button ref={cancelRef} type="button" className="button button-secondary" disabled={busy} onClick={onClose}>
          {t('rights.ui.cancel')}
        </button>
      </div>
    </dialog>
  );
}
