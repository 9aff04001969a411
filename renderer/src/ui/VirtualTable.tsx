import { type MouseEvent, type ReactNode, type RefObject, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { OVERSCAN, ROW_HEIGHT, type RowWindow, rowTop, rowsToRender, windowAt } from './rowWindow';
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

/**
 * The rows in view of a scrolling box of fixed-height rows, worked out from its scroll position:
 * what @tanstack/react-virtual did here, without its table of every row's position (100,000
 * objects built before the first rows, 15–25 ms of CPU, and collected after; built again for each
 * new count). It starts from the most the stylesheet gives `.vtable` (`calc(100vh - 200px)`, at
 * least 280 px), so the first render already holds the rows in view (a couple more), and reads the
 * real height before the first paint.
 */
function useRowWindow(scrollRef: RefObject<HTMLDivElement | null>): RowWindow {
  const [rows, setRows] = useState(() => windowAt(0, Math.max(280, window.innerHeight - 200)));
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const update = () => {
      const next = windowAt(element.scrollTop, element.clientHeight);
      setRows((current) => (current.first === next.first && current.last === next.last ? current : next));
    };
    update();
    const resized = new ResizeObserver(update);
    resized.observe(element);
    element.addEventListener('scroll', update, { passive: true });
    return () => {
      resized.disconnect();
      element.removeEventListener('scroll', update);
    };
  }, [scrollRef]);
  return rows;
}

/**
 * The rows kept out of view: none until the table's first frame is painted, then OVERSCAN. The
 * first frame (the window's, for the candidate list) then holds the rows in view alone: 14 rows
 * of 26 at 768 px, their render and layout about half of the list's first render at 100,000 files.
 */
function useOverscan(): number {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    // A timer set in a frame's callback runs once that frame is painted.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return painted ? OVERSCAN : 0;
}

/**
 * A table that stays smooth with 100,000 rows: only the rows in view are in the page, and
 * their data is fetched page by page as they scroll into view. It stays a real table (laid
 * out as a grid) for screen readers; the row-header column holds a link for the keyboard.
 */
export function VirtualTable<T>({ list, columns, caption, rowKey, onOpen, testId }: VirtualTableProps<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = rowsToRender(useRowWindow(scrollRef), list.total, useOverscan());
  const first = rows[0] ?? 0;
  const last = rows.at(-1) ?? 0;
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
        <tbody style={{ height: rowTop(list.total) }}>
          {rows.map((index) => {
            const item = list.itemAt(index);
            return (
              <tr
                key={item ? rowKey(item) : `placeholder-${index}`}
                aria-rowindex={index + 2}
                className={item ? 'clickable-row' : 'vtable-placeholder'}
                data-testid={item ? testId : undefined}
                style={{ gridTemplateColumns: template, transform: `translateY(${rowTop(index)}px)`, height: ROW_HEIGHT }}
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
