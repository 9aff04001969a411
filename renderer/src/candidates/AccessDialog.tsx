import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Candidate } from '../../../shared/candidates';
import { LANGUAGES, type Language, isLanguage } from '../../../shared/i18n/languages';
import { ACCESS_FORMATS, ANSWERED_BY_ACCESS_COPY } from '../../../shared/rights';
import { call } from '../api/client';
import { formatDate } from '../app/format';
import { downloadBase64, downloadText } from '../exchange/files';
import { ErrorAlert } from '../ui/ErrorAlert';
import { fullName } from '../ui/names';
import { useApiValue } from '../ui/useApiValue';
import { useModal } from '../ui/useModal';
import { ChoiceSelect } from '../ui/ChoiceSelect';

interface AccessDialogProps {
  candidate: Candidate;
  onDone(answered: boolean): void;
  onClose(): void;
}

/**
 * The person's copy of everything held (GDPR art. 15 and 20): a PDF to read in their language,
 * or the JSON for other software. When their access or portability request is open, the copy
 * answers it (ticked by default), which closes it in the register.
 */
export function AccessDialog({ candidate, onDone, onClose }: AccessDialogProps) {
  const { t, i18n } = useTranslation();
  const ref = useModal();
  const [format, setFormat] = useState<(typeof ACCESS_FORMATS)[number]>('pdf');
  const [language, setLanguage] = useState<Language>(isLanguage(i18n.language) ? i18n.language : 'fr');
  const [answers, setAnswers] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { state } = useApiValue('rights.listRequests', { candidateId: candidate.id });
  const open = state.status === 'ready' ? state.value.find((request) => request.answeredOn === null && ANSWERED_BY_ACCESS_COPY.includes(request.kind)) : undefined;

  async function download() {
    setBusy(true);
    setError(null);
    const result = await call('rights.accessExport', { candidateId: candidate.id, format, language, ...(open && answers ? { answersRequestId: open.id } : {}) });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    if (format === 'pdf') downloadBase64(result.value.content, result.value.fileName);
    else downloadText(result.value.content, result.value.fileName, result.value.mimeType);
    onDone(result.value.answeredRequestId !== null);
  }

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="access-title" onCancel={onClose} data-testid="access-dialog">
      <h2 id="access-title">{t('rights.ui.access.title', { name: fullName(candidate) })}</h2>
      <div className="dialog-body">
        <p className="muted">{t('rights.ui.access.intro')}</p>
        <ChoiceSelect
          id="access-format"
          label={t('rights.ui.access.format')}
          choices={ACCESS_FORMATS}
          value={format}
          onChange={setFormat}
          choiceLabel={(value) => t(`rights.values.formats.${value}`)}
        />
        {format === 'pdf' && (
          <ChoiceSelect
            id="access-language"
            label={t('rights.ui.access.language')}
            choices={LANGUAGES}
            value={language}
            onChange={setLanguage}
            choiceLabel={(value) => t(`rights.values.languages.${value}`)}
            choicesInOwnLanguage
          />
        )}
        {open && (
          <label className="checkbox">
            <input type="checkbox" checked={answers} onChange={(event) => setAnswers(event.target.checked)} />
            <span>{t('rights.ui.access.answers', { date: formatDate(open.receivedOn, i18n.language), kind: t(`rights.values.kinds.${open.kind}`) })}</span>
          </label>
        )}
      </div>
      <ErrorAlert messageKey={error} />
      <div className="dialog-buttons">
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void download()}>
          {t('rights.ui.access.submit')}
        </button>
        <button type="button" className="button button-secondary" disabled={busy} onClick={onClose}>
          {t('rights.ui.access.cancel')}
        </button>
      </div>
    </dialog>
  );
}
