import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Candidate } from '../../../shared/candidates';
import { EMPLOYER_SHEET_EXTRAS, type EmployerSheetExtra } from '../../../shared/documents';
import { LANGUAGES, type Language } from '../../../shared/i18n/languages';
import { call } from '../api/client';
import { downloadBase64 } from '../exchange/files';
import { currentLanguage } from '../i18n';
import { CheckboxGroup } from '../ui/CheckboxGroup';
import { ErrorAlert } from '../ui/ErrorAlert';
import { focusWhenShown } from '../ui/focus';
import { fullName } from '../ui/names';
import { useModal } from '../ui/useModal';
import { ChoiceSelect } from '../ui/ChoiceSelect';

type DocumentKind = 'presentationSheet' | 'cv';

const PRINT_BUTTON_ID = 'print-documents';

/** "Print" on a person's file: the presentation sheet for an employer, or their one-page CV, each in the language chosen. */
export function PrintDocuments({ candidate }: { candidate: Candidate }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<DocumentKind | null>(null);
  const menuRef = useRef<HTMLDetailsElement>(null);

  function choose(kind: DocumentKind) {
    menuRef.current?.removeAttribute('open');
    setOpen(kind);
  }

  function close() {
    setOpen(null);
    focusWhenShown(PRINT_BUTTON_ID);
  }

  return (
    <>
      <details ref={menuRef} className="list-export-menu">
        <summary id={PRINT_BUTTON_ID} className="button button-secondary">
          {t('documents.ui.print')}
        </summary>
        <fieldset className="list-export-choices">
          <legend className="visually-hidden">{t('documents.ui.printMenu')}</legend>
          <button type="button" className="button button-quiet" onClick={() => choose('presentationSheet')}>
            {t('documents.ui.presentationSheet')}
          </button>
          <button type="button" className="button button-quiet" onClick={() => choose('cv')}>
            {t('documents.ui.cvItem')}
          </button>
        </fieldset>
      </details>
      {open && <DocumentDialog candidate={candidate} kind={open} onClose={close} />}
    </>
  );
}

function DocumentDialog({ candidate, kind, onClose }: { candidate: Candidate; kind: DocumentKind; onClose(): void }) {
  const { t } = useTranslation();
  const ref = useModal();
  const [language, setLanguage] = useState<Language>(currentLanguage());
  const [extras, setExtras] = useState<EmployerSheetExtra[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function download() {
    setBusy(true);
    setError(null);
    const result =
      kind === 'presentationSheet'
        ? await call('documents.presentationSheet', { candidateId: candidate.id, language, extras })
        : await call('documents.cv', { candidateId: candidate.id, language });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    downloadBase64(result.value.content, result.value.fileName);
    onClose();
  }

  const title = kind === 'presentationSheet' ? t('documents.ui.sheetDialog.title') : t('documents.ui.cvItem');
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="document-dialog-title" onCancel={onClose} data-testid="document-dialog">
      <h2 id="document-dialog-title">{title}</h2>
      <div className="dialog-body">
        <p className="strong">{fullName(candidate)}</p>
        {kind === 'presentationSheet' && (
          <>
            <p>{t('documents.ui.sheetDialog.intro')}</p>
            <CheckboxGroup
              id="sheet-extras"
              legend={t('documents.ui.sheetDialog.extrasLegend')}
              options={EMPLOYER_SHEET_EXTRAS.map((extra) => ({ value: extra, label: t(`documents.ui.extras.${extra}`) }))}
              value={extras}
              onChange={(value) => setExtras(value as EmployerSheetExtra[])}
            />
          </>
        )}
        <ChoiceSelect
          id="document-language"
          label={t('documents.ui.languageLabel')}
          choices={LANGUAGES}
          value={language}
          onChange={setLanguage}
          choiceLabel={(code) => t(`common.values.languages.${code}`)}
          choicesInOwnLanguage
        />
      </div>
      <ErrorAlert messageKey={error} />
      <div className="dialog-buttons">
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void download()}>
          {busy ? t('documents.ui.preparing') : t('documents.ui.downloadPdf')}
        </button>
        <button type="button" className="button button-secondary" onClick={onClose}>
          {t('documents.ui.cancel')}
        </button>
      </div>
    </dialog>
  );
}
