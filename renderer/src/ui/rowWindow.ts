/** The rows of a virtual table (ui/VirtualTable.tsx), all of one height: which are in view, which go in the page, where each starts. */

export const ROW_HEIGHT = 45;
/** Rows kept in the page above and below the ones in view, so a scroll shows rows, not gaps. */
export const OVERSCAN = 12;

/** The rows in view, from the scroll position and the box's height: positions, not rows, so each scroll event does not render again. */
export interface RowWindow {
  first: number;
  last: number;
}

export const windowAt = (top: number, height: number): RowWindow => ({ first: Math.floor(top / ROW_HEIGHT), last: Math.ceil((top + height) / ROW_HEIGHT) });

/** The positions of the rows to put in the page: those in view and `overscan` either side, within the list. */
export function rowsToRender(inView: RowWindow, total: number, overscan: number = OVERSCAN): number[] {
  if (total === 0) return [];
  const first = Math.max(0, Math.min(inView.first, total - 1) - overscan);
  const last = Math.min(Math.max(inView.last, 0) + overscan, total - 1);
  return Array.from({ length: last - first + 1 }, (_, offset) => first + offset);
}

/** Where row `index` starts, and the height of them all. */
export const rowTop = (index: number) => index * ROW_HEIGHT;
