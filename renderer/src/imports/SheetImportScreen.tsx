import { type ChangeEvent, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { SHEET_MAX_BYTES } from '../../../shared/sheets';
import type { SheetKind } from '../../../shared/sheet-table';
import { routeToHash } from '../app/routes';
import { useFocusOnMount } from '../app/useFocusOnMount';
import { BusyNote } from '../exchange/Busy';
import { readBase64 } from '../exchange/files';
import { BackLink } from '../ui/BackLink';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Field } from '../ui/Field';
import { useApiValue } from '../ui/useApiValue';
import { ImportHistory } from './ImportHistory';
import { ColumnMapping, DocumentMapping, EncodingCheck, NewNames } from './choices';
import { PreviewRows } from './PreviewRows';
import { type SheetImport, useSheetImport } from './sheetImport';
import './imports.css';
import { FileInput } from '../ui/FileInput';

/** The list each kind's import goes back to. */
const LIST_OF: Record<SheetKind, { section: 'candidates' | 'employers' | 'volunteers' | 'partners'; label: string }> = {
  candidates: { section: 'candidates', label: 'sheets.ui.backToList' },
  employers: { section: 'employers', label: 'employers.ui.backToList' },
  jobNeeds: { section: 'employers', label: 'employers.ui.backToList' },
  volunteers: { section: 'volunteers', label: 'volunteers.ui.backToList' },
  partners: { section: 'partners', label: 'partners.ui.backToList' },
};

/**
 * Bringing in one of the association's spreadsheets (people, employers, job needs, volunteers
 * or partners): the file, its sheet, what each column is, a preview row by row, then apply
 * (after a backup). Nothing is written before "Import".
 */
export function SheetImportScreen({ kind = 'candidates' }: { kind?: SheetKind }) {
  const { t } = useTranslation();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const session = useSheetImport(kind);
  const history = useApiValue('sheets.history', {});
  const { reload } = history;
  useEffect(() => {
    if (session.summary) void reload();
  }, [session.summary, reload]);

  return (
    <div className="screen sheet-import">
      <BackLink section={LIST_OF[kind].section} label={t(LIST_OF[kind].label)} />
      <header className="screen-header">
        <h1 ref={headingRef} tabIndex={-1}>
          {t(`sheets.ui.titles.${kind}`)}
        </h1>
      </header>
      {session.summary ? (
        <ImportDone
          session={session}
          onAnother={() => {
            session.reset();
            void history.reload();
          }}
        />
      ) : (
        <>
          <FileStep session={session} />
          {session.opened && session.preview && <PreviewSteps session={session} />}
        </>
      )}
      <ImportHistory history={history} />
    </div>
  );
}

function FileStep({ session }: { session: SheetImport }) {
  const { t } = useTranslation();
  const { opened, file, busy } = session;

  async function pick(event: ChangeEvent<HTMLInputElement>) {
    const picked = event.target.files?.[0];
    if (!picked) return;
    if (picked.size > SHEET_MAX_BYTES) {
      session.refuse(`sheets.errors.tooLarge?max=${SHEET_MAX_BYTES / 1024 / 1024}`);
      return;
    }
    await session.open({ fileName: picked.name, contentBase64: await readBase64(picked) });
  }

  return (
    <section className="card sheet-step" aria-labelledby="sheet-file-title" data-testid="sheet-file">
      <h2 id="sheet-file-title">
        <span className="sheet-step-number">1</span> {t('sheets.ui.fileTitle')}
      </h2>
      <p className="muted">{t('sheets.ui.intro')}</p>
      <Field
        id="sheet-file-input"
        label={t('sheets.ui.file')}
        hint={file && opened ? t('sheets.ui.fileOpened', { name: file.fileName, format: opened.format.toUpperCase() }) : t('sheets.ui.fileHint')}
        error={undefined}
      >
        {(a11y) => (
          <FileInput
            {...a11y}
            accept=".csv,.txt,.xlsx,.ods,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet"
            disabled={busy === 'opening' || busy === 'applying'}
            onChange={(event) => void pick(event)}
          />
        )}
      </Field>
      {opened && opened.sheets.length > 1 && (
        <Field id="sheet-choice" label={t('sheets.ui.sheet')} error={undefined}>
          {(a11y) => (
            <select {...a11y} value={session.choices.sheet} disabled={busy !== null} onChange={(event) => session.choose({ sheet: Number(event.target.value) })}>
              {opened.sheets.map((sheet, index) => (
                <option key={sheet.name} value={index}>
                  {t('sheets.ui.sheetOption', { name: sheet.name, count: sheet.rows })}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {opened?.format === 'csv' && <EncodingCheck session={session} />}
      {busy === 'opening' && <BusyNote labelKey="sheets.ui.opening" />}
      {!session.preview && <ErrorAlert messageKey={session.error} />}
    </section>
  );
}

function PreviewSteps({ session }: { session: SheetImport }) {
  const { t } = useTranslation();
  const preview = session.preview;
  if (!preview) return null;
  const taken = [...session.decisions.values()].filter((choice) => choice !== 'skip').length;
  const importable = preview.counts.new + taken;
  const leftOut = preview.counts.error + preview.counts.duplicate - taken;
  const people = preview.kind === 'candidates';
  return (
    <>
      <ColumnMapping session={session} />
      {preview.documents.length > 0 && <DocumentMapping session={session} />}
      {(preview.newPartners.length > 0 || preview.newSectors.length > 0) && <NewNames session={session} />}
      <section className="card sheet-step" aria-labelledby="sheet-preview-title" data-testid="sheet-preview">
        <h2 id="sheet-preview-title">
          <span className="sheet-step-number">{preview.documents.length > 0 ? 4 : 3}</span> {t('sheets.ui.previewTitle')}
        </h2>
        <ul className="sheet-counts" aria-live="polite" data-testid="sheet-counts">
          <li className="sheet-count sheet-count-new">{t(people ? 'sheets.ui.counts.new' : 'sheets.ui.countsNew', { count: preview.counts.new })}</li>
          <li className="sheet-count sheet-count-duplicate">{t('sheets.ui.counts.duplicate', { count: preview.counts.duplicate })}</li>
          <li className="sheet-count sheet-count-error">{t('sheets.ui.counts.error', { count: preview.counts.error })}</li>
          {preview.skipped.totals > 0 && <li className="sheet-count muted">{t('sheets.ui.counts.totals', { count: preview.skipped.totals })}</li>}
          {preview.skipped.blank > 0 && <li className="sheet-count muted">{t('sheets.ui.counts.blank', { count: preview.skipped.blank })}</li>}
        </ul>
        <PreviewRows session={session} />
        {leftOut > 0 && (
          <div className="sheet-left-out">
            <p className="muted">{t('sheets.ui.leftOutExplanation', { count: leftOut })}</p>
            <button type="button" className="button button-secondary" disabled={session.busy !== null} onClick={() => void session.downloadLeftOut()}>
              {t('sheets.ui.downloadLeftOut')}
            </button>
          </div>
        )}
      </section>
      <section className="card sheet-step sheet-apply" aria-labelledby="sheet-apply-title">
        <h2 id="sheet-apply-title">
          <span className="sheet-step-number">{preview.documents.length > 0 ? 5 : 4}</span> {t('sheets.ui.applyTitle')}
        </h2>
        <p className="muted">{t('sheets.ui.applyExplanation')}</p>
        {session.busy === 'applying' && <BusyNote labelKey="sheets.ui.applying" />}
        {session.busy === 'previewing' && <BusyNote labelKey="sheets.ui.previewing" />}
        <ErrorAlert messageKey={session.error} />
        <div className="sheet-actions">
          <button type="button" className="button button-primary" disabled={session.busy !== null || importable === 0} onClick={() => void session.apply()}>
            {t(people ? 'sheets.ui.apply' : 'sheets.ui.applyRecords', { count: importable })}
          </button>
          <button type="button" className="button button-secondary" disabled={session.busy === 'applying'} onClick={session.reset}>
            {t('sheets.ui.cancel')}
          </button>
        </div>
      </section>
    </>
  );
}

function ImportDone({ session, onAnother }: { session: SheetImport; onAnother(): void }) {
  const { t } = useTranslation();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const summary = session.summary;
  if (!summary) return null;
  return (
    <section className="card sheet-step" aria-labelledby="sheet-done-title" data-testid="sheet-done">
      <h2 id="sheet-done-title" ref={headingRef} tabIndex={-1}>
        {t('sheets.ui.doneTitle')}
      </h2>
      <p>{t(summary.kind === 'candidates' ? 'sheets.ui.doneCreated' : 'sheets.ui.doneRecords', { count: summary.created, name: summary.fileName })}</p>
      {summary.merged > 0 && <p>{t('sheets.ui.doneMerged', { count: summary.merged })}</p>}
      <p className="muted">{t('sheets.ui.doneBackup')}</p>
      <div className="sheet-actions">
        <a className="button button-primary" href={routeToHash({ section: LIST_OF[summary.kind].section })}>
          {t(summary.kind === 'candidates' ? 'sheets.ui.toList' : 'sheets.ui.toKindList')}
        </a>
        <button type="button" className="button button-secondary" onClick={onAnother}>
          {t('sheets.ui.another')}
        </button>
      </div>
    </section>
  );
}
