import type { ReportTable } from './reports';

/**
 * Small-cell suppression for documents meant for outside. A count of 1 to `minimum - 1` people
 * is hidden (primary, shown "< 5"). A column of an additive table is published with its total,
 * so more is hidden (secondary, shown "×") until no hidden count can be worked out from the
 * total, the shown cells and what the marks tell: a "< 5" cell holds 1 to 4, a "×" cell 5 or
 * more (every shown count is 0 or at least the minimum). When nothing is left to hide, the
 * total is hidden too. Zero is shown: it tells nothing about a person, except in a column of
 * fewer people than the minimum, which is not broken down (every count and the total read
 * "< 5"). An average or share of a column holding a hidden count is hidden (it would give the
 * count back).
 *
 * The published lines are the columns of each table, one table at a time: the same count
 * appearing in two tables (e.g. the gender table's total and the cross-tab's) is protected
 * by being hidden the same way in both, not by a search across tables.
 */

export type CellState = 'shown' | 'small' | 'masked';

export interface SuppressedTable {
  table: ReportTable;
  /** Per row, per column. */
  cells: CellState[][];
  /** Column totals of an additive table, and how each is shown; null when a total is not meaningful. */
  totals: { value: number; state: CellState }[] | null;
}

/**
 * Whether some hidden small count of a column can be pinned to one value: with `rest` the
 * total less the shown cells, each small cell lies between `rest` minus the others' largest
 * possible sum and `rest` minus their smallest (others: small 1 to minimum-1, masked minimum or more).
 */
function pinned(states: CellState[], rest: number, minimum: number): boolean {
  const hidden = states.flatMap((state, index) => (state === 'shown' ? [] : [index]));
  return hidden.some((index) => {
    if (states[index] !== 'small') return false;
    let othersMin = 0;
    let othersMax = 0;
    for (const other of hidden) {
      if (other === index) continue;
      othersMin += states[other] === 'small' ? 1 : minimum;
      othersMax += states[other] === 'small' ? minimum - 1 : Number.POSITIVE_INFINITY;
    }
    const low = Math.max(1, rest - othersMax);
    const high = Math.min(minimum - 1, rest - othersMin);
    return low >= high;
  });
}

export function suppress(table: ReportTable, minimum: number): SuppressedTable {
  const countRows = table.rows.flatMap((row, index) => (row.unit === undefined ? [index] : []));
  const cells: CellState[][] = table.rows.map((row) => row.values.map(() => 'shown'));
  for (const row of countRows) {
    const states = cells[row] as CellState[];
    for (const [column, count] of (table.rows[row]?.values ?? []).entries()) if (count > 0 && count < minimum) states[column] = 'small';
  }

  let totals: SuppressedTable['totals'] = null;
  if (table.additive) {
    totals = table.columns.map((_, column) => {
      const values = countRows.map((row) => table.rows[row]?.values[column] ?? 0);
      const total = values.reduce((sum, value) => sum + value, 0);
      // Fewer people than the minimum in the whole column: the total reads "< 5", and so does
      // every count under it, zeros too. With the zeros shown, four cells "< 5" under a total
      // "< 5" (which every table of the same people tells) were one person each.
      if (total > 0 && total < minimum) {
        for (const row of countRows) (cells[row] as CellState[])[column] = 'small';
        return { value: total, state: 'small' as const };
      }
      const states = countRows.map((row) => cells[row]?.[column] ?? 'shown');
      for (;;) {
        const rest = total - values.reduce((sum, value, index) => sum + (states[index] === 'shown' ? value : 0), 0);
        if (!pinned(states, rest, minimum)) break;
        // Hide the shown count that widens the range most for the least: the smallest above the minimum, else the smallest.
        const shown = values.flatMap((value, index) => (states[index] === 'shown' && value > 0 ? [index] : []));
        const above = shown.filter((index) => (values[index] ?? 0) > minimum);
        const pick = (above.length > 0 ? above : shown).sort((a, b) => (values[a] ?? 0) - (values[b] ?? 0))[0];
        if (pick === undefined) return { value: total, state: 'masked' as const };
        states[pick] = 'masked';
      }
      for (const [index, row] of countRows.entries()) {
        const rowStates = cells[row] as CellState[];
        rowStates[column] = states[index] ?? 'shown';
      }
      return { value: total, state: 'shown' as const };
    });
  }

  for (const [row, { unit }] of table.rows.entries()) {
    if (unit !== 'days' && unit !== 'percent') continue;
    for (const column of table.columns.keys()) {
      if (countRows.some((countRow) => cells[countRow]?.[column] !== 'shown')) (cells[row] as CellState[])[column] = 'masked';
    }
  }
  return { table, cells, totals };
}

/** How a cell reads in a document for outside. */
export function cellText(how: CellState, count: number, minimum: number, format: (value: number) => string = String): string {
  if (how === 'small') return `< ${minimum}`;
  if (how === 'masked') return '×';
  return format(count);
}
