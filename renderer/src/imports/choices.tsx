import { useTranslation } from 'react-i18next';
import { AUTHORISATION_DOCUMENTS, type AuthorisationDocument } from '../../../shared/domain';
import { SHEET_COLUMNS, type SheetColumn } from '../../../shared/sheet-table';
import { SHEET_ENCODINGS } from '../../../shared/sheets';
import type { SheetImport } from './sheetImport';
import { TableScroll } from '../ui/TableScroll';

const NAMES_SHOWN = 6;
const NOT_ASCII = /[^\u0020-\u007e]/;

/**
 * A CSV's encoding is only known for sure when the file says it; otherwise a few names with
 * accents let the person see at a glance whether "Hélène" came out as "HÃ©lÃ¨ne".
 */
export function EncodingCheck({ session }: { session: SheetImport }) {
  const { t } = useTranslation();
  const { opened, file, preview, busy } = session;
  if (!opened || !file || opened.encoding === null) return null;
  const names = preview?.rows.map((row) => row.name).filter((name) => name !== '') ?? [];
  const accented = names.filter((name) => NOT_ASCII.test(name));
  const shown = (accented.length > 0 ? accented : names).slice(0, NAMES_SHOWN);
  return (
    <div className={opened.encodingAssumed ? 'sheet-encoding hint-box' : 'sheet-encoding'} data-testid="sheet-encoding">
      <div>
        <p className={opened.encodingAssumed ? 'hint-box-title' : 'muted'}>
          {t(opened.encodingAssumed ? 'sheets.ui.encodingAssumed' : 'sheets.ui.encodingKnown', { encoding: t(`sheets.ui.encodings.${opened.encoding}`) })}
        </p>
        {opened.encodingAssumed && (
          <>
            <p>{t('sheets.ui.encodingCheck')}</p>
            {shown.length > 0 && (
              <ul className="sheet-sample-names" data-testid="sheet-sample-names">
                {shown.map((name) => (
                  <li key={name} lang="">
                    {name}
                  </li>
                ))}
              </ul>
            )}
            <label className="sheet-inline-field">
              <span>{t('sheets.ui.encodingLabel')}</span>
              <select
                value={opened.encoding}
                disabled={busy !== null}
                onChange={(event) => void session.open(file, event.target.value as (typeof SHEET_ENCODINGS)[number])}
              >
                {SHEET_ENCODINGS.map((encoding) => (
                  <option key={encoding} value={encoding}>
                    {t(`sheets.ui.encodings.${encoding}`)}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
      </div>
    </div>
  );
}

/** Each header of the file with what Tremplin reads it as (guessed, remembered, or chosen). */
export function ColumnMapping({ session }: { session: SheetImport }) {
  const { t } = useTranslation();
  const { preview, choices, busy } = session;
  if (!preview) return null;
  const mapping = choices.mapping ?? preview.mapping;

  function change(index: number, value: string) {
    const next = [...mapping];
    next[index] = value === '' ? null : (value as SheetColumn);
    session.choose({ mapping: next });
  }

  return (
    <section className="card sheet-step" aria-labelledby="sheet-mapping-title" data-testid="sheet-mapping">
      <h2 id="sheet-mapping-title">
        <span className="sheet-step-number">2</span> {t('sheets.ui.mappingTitle')}
      </h2>
      <p className="muted">
        {t(preview.mappingRemembered ? 'sheets.ui.mappingRemembered' : 'sheets.ui.mappingGuessed', { line: preview.headerRow + 1 })}
      </p>
      <div className="sheet-mapping-grid">
        {preview.headers.map((header, index) => {
          const id = `sheet-column-${index}`;
          const value = mapping[index] ?? '';
          return (
            // Headers may repeat or be empty: their position is what identifies them.
            // biome-ignore lint/suspicious/noArrayIndexKey: the column's position is its identity
            <div key={index} className={value === '' ? 'sheet-mapping-row sheet-mapping-ignored' : 'sheet-mapping-row'}>
              <label htmlFor={id} className="sheet-header-text" title={header}>
                {header.trim() === '' ? <span className="muted">{t('sheets.ui.untitledColumn', { number: index + 1 })}</span> : header}
              </label>
              <span className="sheet-arrow" aria-hidden="true">
                →
              </span>
              <select id={id} value={value} disabled={busy === 'applying'} onChange={(event) => change(index, event.target.value)}>
                <option value="">{t('sheets.ui.ignore')}</option>
                {SHEET_COLUMNS[preview.kind].map((column) => (
                  <option key={column} value={column}>
                    {t(`sheets.ui.columns.${column}`)}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </div>
    </section>
  );
}

/** Residence documents as the file writes them, and what each is in Tremplin's terms. */
export function DocumentMapping({ session }: { session: SheetImport }) {
  const { t } = useTranslation();
  const { preview, choices, busy } = session;
  if (!preview) return null;
  return (
    <section className="card sheet-step" aria-labelledby="sheet-documents-title" data-testid="sheet-documents">
      <h2 id="sheet-documents-title">
        <span className="sheet-step-number">3</span> {t('sheets.ui.documentsTitle')}
      </h2>
      <p className="muted">{t('sheets.ui.documentsIntro')}</p>
      <TableScroll>
        <table className="data-table compact-table sheet-documents-table">
          <thead>
            <tr>
              <th scope="col">{t('sheets.ui.documentInFile')}</th>
              <th scope="col">{t('sheets.ui.documentRows')}</th>
              <th scope="col">{t('sheets.ui.documentReadAs')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.documents.map((entry, index) => {
              const value = choices.documents[entry.text] ?? entry.document ?? '';
              return (
                <tr key={entry.text} className={value === '' ? 'sheet-document-unknown' : undefined}>
                  <th scope="row">
                    <label htmlFor={`sheet-document-${index}`}>{entry.text}</label>
                  </th>
                  <td className="number">{entry.rows}</td>
                  <td>
                    <select
                      id={`sheet-document-${index}`}
                      value={value}
                      disabled={busy === 'applying'}
                      onChange={(event) =>
                        session.choose({ documents: { ...choices.documents, [entry.text]: event.target.value === '' ? null : (event.target.value as AuthorisationDocument) } })
                      }
                    >
                      <option value="">{t('sheets.ui.leaveEmpty')}</option>
                      {AUTHORISATION_DOCUMENTS.map((document) => (
                        <option key={document} value={document}>
                          {t(`candidates.values.documents.${document}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

/** Referring partners and sectors the file names that Tremplin does not know yet. */
export function NewNames({ session }: { session: SheetImport }) {
  const { t } = useTranslation();
  const { preview } = session;
  if (!preview) return null;
  return (
    <section className="card sheet-step" aria-labelledby="sheet-new-title" data-testid="sheet-new-names">
      <h2 id="sheet-new-title">{t('sheets.ui.newTitle')}</h2>
      {preview.newPartners.length > 0 && <p>{t('sheets.ui.newPartners', { names: preview.newPartners.join(', ') })}</p>}
      {preview.newSectors.length > 0 && <p>{t('sheets.ui.newSectors', { names: preview.newSectors.join(', ') })}</p>}
      <label className="checkbox sheet-create-missing">
        <input type="checkbox" checked={session.createMissing} onChange={(event) => session.setCreateMissing(event.target.checked)} />
        <span>{t('sheets.ui.createMissing')}</span>
      </label>
      {!session.createMissing && <p className="checkbox-note">{t('sheets.ui.createMissingOff')}</p>}
    </section>
  );
}
