import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { ReportTable } from '../../../shared/reports';
import { type CellState, type SuppressedTable, suppress } from '../../../shared/suppression';

const MINIMUM = 5;

function tableOf(columns: number[][], additive = true): ReportTable {
  const rows = (columns[0] ?? []).map((_, row) => ({ key: `r${row}`, values: columns.map((column) => column[row] ?? 0) }));
  return { section: 'people', name: 'gender', rowLabels: [], columns: columns.map((_, index) => `c${index}`), columnLabels: 'name', rows, additive };
}

/**
 * What an outsider can work out of one published column: every assignment of the hidden cells
 * that fits what is shown — "< 5" holds 1 to 4 (0 to 4 where every count reads "< 5": such a
 * column is not broken down), "×" holds 5 or more (shown counts are 0 or at least 5), the
 * total known even where this table hides it (every table of the same people tells it), a column
 * all "×", total too, withheld (any counts of that total) — by exhaustive search. Returns, per
 * hidden row, the values it may take.
 */
function feasibleValues(states: CellState[], values: number[], total: { value: number; state: CellState }): Map<number, Set<number>> {
  const hidden = states.flatMap((state, row) => (state === 'shown' ? [] : [row]));
  const shownSum = values.reduce((sum, value, row) => sum + (states[row] === 'shown' ? value : 0), 0);
  const totals = total.state === 'small' ? [1, 2, 3, 4] : [total.value];
  const withheld = total.state === 'masked' && states.every((state) => state === 'masked');
  const feasible = new Map(hidden.map((row) => [row, new Set<number>()]));
  // Every count "< 5" says no count reaches 5: the column is not broken down, its "< 5" cells hold 0 to 4.
  const notBrokenDown = states.every((state) => state === 'small');
  const assignment: number[] = [];
  const search = (position: number, sum: number) => {
    if (position === hidden.length) {
      if (!totals.includes(sum + shownSum)) return;
      for (const [index, row] of hidden.entries()) feasible.get(row)?.add(assignment[index] ?? -1);
      return;
    }
    const row = hidden[position] as number;
    const [low, high] = withheld ? [0, total.value] : states[row] === 'small' ? [notBrokenDown ? 0 : 1, MINIMUM - 1] : [MINIMUM, total.value];
    for (let value = low; value <= high; value += 1) {
      if (sum + shownSum + value > Math.max(...totals)) break;
      assignment[position] = value;
      search(position + 1, sum + value);
    }
  };
  search(0, 0);
  return feasible;
}

function recoveredSmallCells(suppressed: SuppressedTable): { row: number; column: number; value: number }[] {
  const { table, cells, totals } = suppressed;
  return table.columns.flatMap((_, column) => {
    const states = table.rows.map((_, row) => cells[row]?.[column] ?? 'shown');
    const values = table.rows.map((row) => row.values[column] ?? 0);
    const total = totals?.[column] ?? { value: values.reduce((sum, value) => sum + value, 0), state: 'shown' as const };
    const feasible = feasibleValues(states, values, total);
    for (const [row, options] of feasible) expect(options.has(values[row] ?? -1), 'the true value is among those the search finds').toBe(true);
    return [...feasible].flatMap(([row, options]) => ((values[row] ?? 0) > 0 && (values[row] ?? 0) < MINIMUM && options.size === 1 ? [{ row, column, value: [...options][0] ?? 0 }] : []));
  });
}

const counts = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 6 }), fc.integer({ min: 7, max: 40 }));
const table = fc.integer({ min: 1, max: 6 }).chain((rows) => fc.array(fc.array(counts, { minLength: rows, maxLength: rows }), { minLength: 1, maxLength: 3 }));

describe('small-cell suppression', () => {
  test.prop([table], { numRuns: 400 })('no small cell can be recovered from a column, its total and the marks', (columns) => {
    const suppressed = suppress(tableOf(columns), MINIMUM);
    expect(recoveredSmallCells(suppressed)).toEqual([]);
    for (const [row, states] of suppressed.cells.entries())
      for (const [column, state] of states.entries()) {
        const value = columns[column]?.[row] ?? 0;
        if (value > 0 && value < MINIMUM) expect(state).not.toBe('shown');
        if (state === 'shown') expect(value === 0 || value >= MINIMUM).toBe(true);
      }
  });

  it('the search does recover a small cell when only the small cells are hidden (so it can fail)', () => {
    const naive: SuppressedTable = {
      table: tableOf([[3, 10]]),
      cells: [['small'], ['shown']],
      totals: [{ value: 13, state: 'shown' }],
    };
    expect(recoveredSmallCells(naive)).toEqual([{ row: 0, column: 0, value: 3 }]);
    // 1 beside a hidden 5 with the total 6: the marks alone give it back.
    const marks: SuppressedTable = { table: tableOf([[1, 5]]), cells: [['small'], ['masked']], totals: [{ value: 6, state: 'shown' }] };
    expect(recoveredSmallCells(marks)).toEqual([{ row: 0, column: 0, value: 1 }]);
    // The total hidden here, and every other table of the same people telling it (as before the column was withheld).
    const totalOnly: SuppressedTable = { table: tableOf([[5, 1]]), cells: [['shown'], ['small']], totals: [{ value: 6, state: 'masked' }] };
    expect(recoveredSmallCells(totalOnly)).toEqual([{ row: 1, column: 0, value: 1 }]);
  });

  it('does not break down a column of fewer people than the minimum: four people in four kinds were one each', () => {
    // Found by the property test (seed 154056102): the zeros shown and the total "< 5" (told by
    // any table of the same people, so hiding this one would not do) left four cells of one.
    const few = suppress(tableOf([[1, 1, 0, 1, 1, 0]]), MINIMUM);
    expect(few.cells.map((row) => row[0])).toEqual(['small', 'small', 'small', 'small', 'small', 'small']);
    expect(few.totals).toEqual([{ value: 4, state: 'small' }]);
    expect(recoveredSmallCells(few)).toEqual([]);
  });

  it('hides a second cell of the column, and withholds the column when nothing else is left', () => {
    const { cells, totals } = suppress(tableOf([[3, 10, 0, 20]]), MINIMUM);
    expect(cells.map((row) => row[0])).toEqual(['small', 'masked', 'shown', 'shown']);
    expect(totals).toEqual([{ value: 33, state: 'shown' }]);
    // No count reaches 5: not broken down, the zero reads "< 5" too, and 4 + 4 + 0 is one of several ways to make 8.
    const allSmall = suppress(tableOf([[4, 4, 0]]), MINIMUM);
    expect(allSmall.cells.map((row) => row[0])).toEqual(['small', 'small', 'small']);
    expect(allSmall.totals).toEqual([{ value: 8, state: 'shown' }]);
    expect(recoveredSmallCells(allSmall)).toEqual([]);
    // Nothing left to hide: hiding the total alone would not do (the other tables tell it), the column is withheld.
    for (const column of [
      [4, 4],
      [5, 1, 0],
    ]) {
      const withheld = suppress(tableOf([column]), MINIMUM);
      expect(withheld.cells.map((row) => row[0])).toEqual(column.map(() => 'masked'));
      expect(withheld.totals?.[0]?.state).toBe('masked');
      expect(recoveredSmallCells(withheld)).toEqual([]);
    }
  });

  it('hides an average or share of a column holding a hidden count, and leaves tables without totals to the first rule', () => {
    const pmsmp: ReportTable = {
      ...tableOf([[3], [12]], false),
      rows: [
        { key: 'count', values: [3, 12] },
        { key: 'share', values: [33.3, 50], unit: 'percent' },
      ],
    };
    const { cells, totals } = suppress(pmsmp, MINIMUM);
    expect(cells).toEqual([
      ['small', 'shown'],
      ['masked', 'shown'],
    ]);
    expect(totals).toBeNull();
  });
});
