import { describe, expect, it } from 'vitest';
import { rowTop, rowsToRender, windowAt } from '../../../../renderer/src/ui/rowWindow';

/** The rows put in the page for a scroll position and a box's height (px), in a list of `total` rows. */
const renderedRows = (top: number, height: number, total: number) => rowsToRender(windowAt(top, height), total);

// Rows are 45 px high, and 12 are kept either side of those in view.
describe('the rows a virtual table puts in the page', () => {
  it('at the top, holds the rows in view and the 12 below them, not the whole list', () => {
    // 568 px show rows 0 to 12 (the 13th partly): 0 to 25 with the rows kept below.
    const rows = renderedRows(0, 568, 100_000);
    expect(rows[0]).toBe(0);
    expect(rows.at(-1)).toBe(13 + 12);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
  });

  it('scrolled, keeps 12 rows above and below the ones in view', () => {
    const top = rowTop(5_000) + 20;
    const rows = renderedRows(top, 450, 100_000);
    const last = Math.ceil((top + 450) / 45) + 12;
    expect(rows[0]).toBe(5_000 - 12);
    expect(rows.at(-1)).toBe(last);
    expect(rows).toHaveLength(last - (5_000 - 12) + 1);
  });

  it('holds the rows in view alone when none are kept out of view (the first frame of the table)', () => {
    expect(rowsToRender(windowAt(0, 568), 100_000, 0)).toEqual([...Array(14).keys()]);
    const top = rowTop(5_000) + 20;
    expect(rowsToRender(windowAt(top, 450), 100_000, 0)).toEqual(rowsToRender(windowAt(top, 450), 100_000).slice(12, -12));
  });

  it('stays within the list at its end, in a short list and in an empty one', () => {
    expect(renderedRows(rowTop(99_990), 568, 100_000).at(-1)).toBe(99_999);
    expect(renderedRows(0, 568, 3)).toEqual([0, 1, 2]);
    expect(renderedRows(rowTop(50), 568, 3)).toEqual([0, 1, 2]);
    expect(renderedRows(0, 568, 0)).toEqual([]);
  });
});
