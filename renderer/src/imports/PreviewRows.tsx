import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CellNote, PreviewRow } from '../../../shared/sheets';
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
            <li key={`${error.column}-${error.message}`}>{note(error)}</li>
          ))}
        </ul>
      )}
      {row.status === 'duplicate' && (
        <div className="sheet-duplicate">
          <p>
            {row.sameFileLine !== null
              ? t('sheets.ui.sameFileLine', { line: row.sameFileLine })
              : t('sheets.ui.duplicateOf')}{' '}
            {row.duplicates.map((duplicate, index) => (
              <strong key={duplicate.candidate.id}>
                {index > 0 && ', '}
                {duplicate.candidate.lastName} {duplicate.candidate.firstName}
              </strong>
            ))}
          </p>
          <label className="checkbox sheet-create-anyway">
            <input
              type="checkbox"
              checked={session.create.has(row.line)}
              disabled={session.busy === 'applying'}
              onChange={(event) => session.toggleCreate(row.line, event.target.checked)}
            />
            <span>{t('sheets.ui.createAnyway')}</span>
          </label>
        </div>
      )}
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
