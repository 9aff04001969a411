import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { downloadBase64 } from '../../exchange/files';
import { currentLanguage } from '../../i18n';
import { ErrorAlert } from '../../ui/ErrorAlert';

/** The PMSMP agreement, prefilled from the placement, as a PDF to print and sign (in the language on screen). */
export function PmsmpAgreementButton({ placementId }: { placementId: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function download() {
    setBusy(true);
    const result = await call('documents.pmsmpAgreement', { placementId, language: currentLanguage() });
    setBusy(false);
    setError(result.ok ? null : result.error.message);
    if (result.ok) downloadBase64(result.value.content, result.value.fileName);
  }

  return (
    <>
      <button type="button" className="button button-quiet button-small" disabled={busy} onClick={() => void download()}>
        {busy ? t('documents.ui.preparing') : t('documents.ui.pmsmpAgreement')}
      </button>
      <ErrorAlert messageKey={error} />
    </>
  );
}
