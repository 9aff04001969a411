import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Candidate, CandidateSummary } from '../../../shared/candidates';
import { call } from '../api/client';
import { ErrorAlert } from '../ui/ErrorAlert';
import { fullName } from './names';

interface MergeDialogProps {
  /** The file on screen: it is kept. */
  keep: Candidate;
  /** The other file: its history and details move to the kept one, and it is archived. */
  other: CandidateSummary;
  onMerged(kept: Candidate): void;
  onClose(): void;
}

/** Says plainly what a merge does before doing it; the merge itself is logged by the server. */
export function MergeDialog({ keep, other, onMerged, onClose }: MergeDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    dialog?.showModal();
    return () => dialog?.close();
  }, []);

  async function merge() {
    setBusy(true);
    setError(null);
    const result = await call('candidates.merge', { keepId: keep.id, mergeId: other.id });
    setBusy(false);
    if (!result.ok) {
      setError(Object.values(result.error.fields ?? {})[0] ?? result.error.message);
      return;
    }
    onMerged(result.value);
  }

  const names = { kept: fullName(keep), other: fullName(other) };
  return (
    // Escape closes it like Cancel.
    <dialog ref={ref} className="dialog" aria-labelledby="merge-title" aria-describedby="merge-what" onCancel={onClose}>
      <h2 id="merge-title">{t('candidates.merge.title', names)}</h2>
      <div id="merge-what" className="dialog-body">
        <p>{t('candidates.merge.intro', names)}</p>
        <ul className="merge-effects">
          <li>{t('candidates.merge.effects.kept', names)}</li>
          <li>{t('candidates.merge.effects.moved', names)}</li>
          <li>{t('candidates.merge.effects.filled', names)}</li>
          <li>{t('candidates.merge.effects.archived', names)}</li>
          <li>{t('candidates.merge.effects.consent', names)}</li>
        </ul>
        <p className="muted">{t('candidates.merge.logged')}</p>
      </div>
      <ErrorAlert messageKey={error} />
      <div className="dialog-buttons">
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void merge()}>
          {t('candidates.merge.confirm')}
        </button>
        <button type="button" className="button button-secondary" disabled={busy} onClick={onClose}>
          {t('candidates.merge.cancel')}
        </button>
      </div>
    </dialog>
  );
}
