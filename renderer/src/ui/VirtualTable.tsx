import { useVirtualizer } from '@tanstack/react-virtual';
import { type MouseEvent, type ReactNode, useEffect, useRef } from 'react';
import type { RecordList } from './useRecordList';

export interface Column<T> {
  key: string;
  header: string;
  /** A CSS grid track, e.g. `minmax(180px, 2fr)` or `120px`. */
  width: string;
  render(item: T): ReactNode;
  /** The row's link lives in this column (the keyboard's way into the record). */
  rowHeader?: boolean;
}

interface VirtualTableProps<T> {
  list: RecordList<T>;
  columns: Column<T>[];
  caption: string;
  rowKey(item: T): string;
  onOpen(item: T): void;
  testId?: string;
}

const ROW_HEIGHT = 45;

/**
 * A table that stays smooth with 100,000 rows: only the rows in view are in the page, and
 * their data is fetched page by page as they scroll into view. It stays a real table (laid
 * out as a grid) for screen readers; the row-header column holds a link for the keyboard.
 */
export function VirtualTable<T>({ list, columns, caption, rowKey, onOpen, testId }: VirtualTableProps<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: list.total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0]?.index ?? 0;
  const last = rows.at(-1)?.index ?? 0;
  const { loadRange } = list;
  useEffect(() => {
    if (list.total > 0) loadRange(first, last);
  }, [first, last, list.total, loadRange]);

  const template = columns.map((column) => column.width).join(' ');

  function openFromRow(event: MouseEvent, item: T | undefined) {
    // Selecting text (a phone number to copy) or clicking the link itself is not "open the row".
    if (!item || window.getSelection()?.toString() || (event.target as HTMLElement).closest('a, button')) return;
    onOpen(item);
  }

  return (
    <div ref={scrollRef} className="vtable">
      <table aria-rowcount={list.total + 1}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr style={{ gridTemplateColumns: template }}>
            {columns.map((column) => (
              <th key={column.key} scope="col">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody style={{ height: virtualizer.getTotalSize() }}>
          {rows.map((row) => {
            const item = list.itemAt(row.index);
            return (
              <tr
                key={item ? rowKey(item) : `placeholder-${row.index}`}
                aria-rowindex={row.index + 2}
                className={item ? 'clickable-row' : 'vtable-placeholder'}
                data-testid={item ? testId : undefined}
                style={{ gridTemplateColumns: template, transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}
                onClick={(event) => openFromRow(event, item)}
              >
                {columns.map((column) =>
                  column.rowHeader ? (
                    <th key={column.key} scope="row">
                      {item ? column.render(item) : null}
                    </th>
                  ) : (
                    <td key={column.key}>{item ? column.render(item) : null}</td>
                  ),
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
