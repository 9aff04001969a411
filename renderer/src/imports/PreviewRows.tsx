import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type CellNote, DUPLICATE_CHOICES, type PreviewRow } from '../../../shared/sheets';
import { usePartnerOptions } from '../ui/options';
import { sectorLabel, useSectors } from '../ui/sectors';
import { type MergeNames, mergeChangeText } from './mergeChanges';
import type { SheetImport } from './sheetImport';

const ESTIMATED_ROW_HEIGHT = 52;
const TEMPLATE = '76px minmax(160px, 1.2fr) 180px minmax(260px, 3fr)';

/**
 * Every row of the sheet with what will become of it. Only the rows in view are in the page
 * (a file may hold thousands); rows grow to hold their explanations.
 */
export function PreviewRows({ session }: { session: SheetImport }) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = session.preview?.rows ?? [];
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    overscan: 10,
  });

  return (
    <div ref={scrollRef} className="vtable sheet-rows">
      <table aria-rowcount={rows.length + 1}>
        <caption className="visually-hidden">{t('sheets.ui.previewCaption')}</caption>
        <thead>
          <tr style={{ gridTemplateColumns: TEMPLATE }}>
            <th scope="col">{t('sheets.ui.line')}</th>
            <th scope="col">{t('sheets.ui.name')}</th>
            <th scope="col">{t('sheets.ui.status')}</th>
            <th scope="col">{t('sheets.ui.details')}</th>
          </tr>
        </thead>
        <tbody style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index] as PreviewRow;
            return (
              <tr
                key={row.line}
                ref={virtualizer.measureElement}
                data-index={item.index}
                aria-rowindex={item.index + 2}
                className={`sheet-row sheet-row-${row.status}`}
                data-testid="sheet-row"
                style={{ gridTemplateColumns: TEMPLATE, transform: `translateY(${item.start}px)` }}
              >
                <td className="number">{row.line}</td>
                <th scope="row">{row.name || <span className="muted">{t('sheets.ui.noName')}</span>}</th>
                <td>
                  <span className={`sheet-status sheet-status-${row.status}`}>{t(`sheets.ui.statuses.${row.status}`)}</span>
                </td>
                <td className="sheet-row-details">
                  <RowDetails row={row} session={session} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function RowDetails({ row, session }: { row: PreviewRow; session: SheetImport }) {
  const { t } = useTranslation();
  const headers = session.preview?.headers ?? [];
  const note = (cell: CellNote) => (cell.column >= 0 && headers[cell.column] ? t('sheets.ui.cellNote', { column: headers[cell.column], message: t(cell.message) }) : t(cell.message));
  return (
    <>
      {row.errors.length > 0 && (
        <ul className="sheet-notes sheet-notes-error">
          {row.errors.map((error) => (
            <li key={`${error.column}-${error.message}`}>
              {error.column >= 0 && error.text !== undefined ? <CellFix row={row} error={error} label={note(error)} session={session} /> : note(error)}
            </li>
          ))}
        </ul>
      )}
      {row.status === 'duplicate' && <DuplicateChoiceField row={row} session={session} />}
      {row.warnings.length > 0 && (
        <ul className="sheet-notes sheet-notes-warning">
          {row.warnings.map((warning) => (
            <li key={`${warning.column}-${warning.message}`}>{note(warning)}</li>
          ))}
        </ul>
      )}
    </>
  );
}

/** A cell in error, correctable in place: the reason is its label, and the server reads the correction again. */
function CellFix({ row, error, label, session }: { row: PreviewRow; error: CellNote; label: string; session: SheetImport }) {
  const { t } = useTranslation();
  const id = `sheet-fix-${row.line}-${error.column}`;
  const column = session.preview?.headers[error.column] ?? '';
  return (
    <form
      className="sheet-fix"
      onSubmit={(event) => {
        event.preventDefault();
        const value = new FormData(event.currentTarget).get('value');
        session.fix(row.line, error.column, typeof value === 'string' ? value : '');
      }}
    >
      <label htmlFor={id}>{label}</label>
      <span className="sheet-fix-field">
        <input id={id} name="value" defaultValue={error.text} aria-label={t('sheets.ui.fixCell', { column })} disabled={session.busy === 'applying'} data-testid="sheet-fix-input" />
        <button type="submit" className="button button-secondary button-small" disabled={session.busy !== null}>
          {t('sheets.ui.fixCheck')}
        </button>
      </span>
    </form>
  );
}

/** A likely duplicate: left out, merged into the record it duplicates (what it would fill shown first), or created anyway. */
function DuplicateChoiceField({ row, session }: { row: PreviewRow; session: SheetImport }) {
  const { t, i18n } = useTranslation();
  const choice = session.decisions.get(row.line) ?? 'skip';
  // A row that only repeats an earlier row of the file has no record to fill.
  const choices = DUPLICATE_CHOICES.filter((option) => option !== 'merge' || row.duplicates.length > 0);
  // A sector or partner a merge names comes as its id: named as the lists name it (asked for only when one is there).
  const names = (fields: string[]) => choice === 'merge' && row.merge.some((change) => fields.includes(change.field));
  const { sectors } = useSectors(true, names(['sectorId', 'sectorIds']));
  const partners = usePartnerOptions(names(['referralPartnerId']));
  const mergeNames: MergeNames = {
    sector: (id) => {
      const sector = sectors.find((known) => known.id === id);
      return sector ? sectorLabel(sector, t) : '…';
    },
    partner: (id) => partners.find((partner) => partner.value === id)?.label ?? '…',
  };
  return (
    <div className="sheet-duplicate">
      <p>
        {row.sameFileLine !== null && row.duplicates.length === 0 ? t('sheets.ui.sameFileLine', { line: row.sameFileLine }) : t('sheets.ui.duplicateOf')}{' '}
        {row.duplicates.map((duplicate, index) => (
          <span key={duplicate.id}>
            {index > 0 && ', '}
            <strong>{duplicate.name}</strong> <span className="muted">({duplicate.reasons.map((reason) => t(`sheets.ui.reasons.${reason}`)).join(', ')})</span>
          </span>
        ))}
      </p>
      <fieldset className="sheet-choices">
        <legend className="visually-hidden">{t('sheets.ui.choice')}</legend>
        {choices.map((option) => (
          <label key={option} className="checkbox">
            <input
              type="radio"
              name={`sheet-choice-${row.line}`}
              value={option}
              checked={choice === option}
              disabled={session.busy === 'applying'}
              onChange={() => session.decide(row.line, option)}
            />
            <span>{t(`sheets.ui.choices.${option}`)}</span>
          </label>
        ))}
      </fieldset>
      {choice === 'merge' && (
        <ul className="sheet-notes sheet-merge" data-testid="sheet-merge">
          {row.merge.length === 0 && <li>{t('sheets.ui.mergeNothing')}</li>}
          {row.merge.map((change) => (
            <li key={`${change.field}:${change.value}`} className={change.kept === null ? 'sheet-merge-fill' : 'sheet-merge-kept'}>
              {mergeChangeText(change, t, i18n.language, mergeNames)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
