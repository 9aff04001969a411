import type { ReportTable } from './reports';

/**
 * Small-cell suppression for documents meant for outside. A count of 1 to `minimum - 1` people
 * is hidden (primary, shown "< 5"); then, so that a published total cannot give it back, more
 * cells are hidden (secondary, shown "×") until no hidden cell is determined by the totals:
 * every column total of an additive table, and for a cross-tab every row total too. Zero is
 * shown: it tells nothing about a person.
 */

export type CellState = 'shown' | 'small' | 'masked';

export interface SuppressedTable {
  table: ReportTable;
  /** Per row, per column. */
  cells: CellState[][];
  /** Column totals of an additive table; null when a total is not meaningful. */
  totals: number[] | null;
}

type Cell = [row: number, column: number];

/** The lines whose sum is published: each column (additive tables), and each row of a cross-tab. */
function publishedLines(table: ReportTable, countRows: number[]): Cell[][] {
  if (!table.additive) return [];
  const columns = table.columns.map((_, column) => countRows.map((row): Cell => [row, column]));
  const crossTab = !table.columns.includes('current');
  const rows = crossTab ? countRows.map((row) => table.columns.map((_, column): Cell => [row, column])) : [];
  return [...columns, ...rows];
}

/**
 * Whether any hidden cell's value follows from the published sums: solve the system whose
 * unknowns are the hidden cells (reduced row echelon form); a cell is determined when its
 * column is a pivot whose row has no free unknown.
 */
export function determinedCells(lines: Cell[][], hidden: Cell[]): Cell[] {
  const index = new Map(hidden.map(([row, column], position) => [`${row}:${column}`, position]));
  const matrix = lines
    .map((line) => {
      const equation = hidden.map(() => 0);
      for (const [row, column] of line) {
        const position = index.get(`${row}:${column}`);
        if (position !== undefined) equation[position] = 1;
      }
      return equation;
    })
    .filter((equation) => equation.some((value) => value !== 0));
  const pivots: number[] = [];
  let rank = 0;
  for (let column = 0; column < hidden.length && rank < matrix.length; column += 1) {
    const pivot = matrix.findIndex((equation, row) => row >= rank && Math.abs(equation[column] ?? 0) > 1e-9);
    if (pivot === -1) continue;
    [matrix[rank], matrix[pivot]] = [matrix[pivot] as number[], matrix[rank] as number[]];
    const lead = matrix[rank] as number[];
    const scale = lead[column] as number;
    for (let k = 0; k < lead.length; k += 1) lead[k] = (lead[k] as number) / scale;
    for (const [row, equation] of matrix.entries()) {
      if (row === rank) continue;
      const factor = equation[column] as number;
      if (Math.abs(factor) < 1e-9) continue;
      for (let k = 0; k < equation.length; k += 1) equation[k] = (equation[k] as number) - factor * (lead[k] as number);
    }
    pivots.push(column);
    rank += 1;
  }
  const pivotSet = new Set(pivots);
  return pivots.flatMap((column, row) => {
    const equation = matrix[row] as number[];
    const free = equation.some((value, k) => !pivotSet.has(k) && Math.abs(value) > 1e-9);
    return free ? [] : [hidden[column] as Cell];
  });
}

export function suppress(table: ReportTable, minimum: number): SuppressedTable {
  const countRows = table.rows.flatMap((row, index) => (row.unit === undefined ? [index] : []));
  const cells: CellState[][] = table.rows.map((row) => row.values.map(() => 'shown'));
  const value = ([row, column]: Cell) => table.rows[row]?.values[column] ?? 0;
  const state = (cell: Cell) => cells[cell[0]]?.[cell[1]] ?? 'shown';
  const hide = ([row, column]: Cell, how: CellState) => {
    const cellsOfRow = cells[row];
    if (cellsOfRow) cellsOfRow[column] = how;
  };
  for (const row of countRows)
    for (const [column, count] of (table.rows[row]?.values ?? []).entries()) if (count > 0 && count < minimum) hide([row, column], 'small');

  const lines = publishedLines(table, countRows);
  const hiddenCells = () => cells.flatMap((states, row) => states.flatMap((how, column): Cell[] => (how === 'shown' ? [] : [[row, column]])));
  for (let guard = 0; guard < 1000; guard += 1) {
    const [exposed] = determinedCells(lines, hiddenCells());
    if (!exposed) break;
    // Hide the smallest shown cell that shares a published line with the exposed one.
    const candidates = lines
      .filter((line) => line.some(([row, column]) => row === exposed[0] && column === exposed[1]))
      .flat()
      .filter((cell) => state(cell) === 'shown');
    const smallest = candidates.sort((a, b) => (value(a) === 0 ? 1 : 0) - (value(b) === 0 ? 1 : 0) || value(a) - value(b))[0];
    if (!smallest) break;
    hide(smallest, 'masked');
  }

  // A derived figure (an average, a share) of a column holding a hidden count would give it back.
  for (const [row, { unit }] of table.rows.entries()) {
    if (unit !== 'days' && unit !== 'percent') continue;
    for (const column of table.columns.keys()) if (countRows.some((countRow) => state([countRow, column]) !== 'shown')) hide([row, column], 'masked');
  }
  const totals = table.additive ? table.columns.map((_, column) => countRows.reduce((sum, row) => sum + value([row, column]), 0)) : null;
  return { table, cells, totals };
}

/** How a cell reads in a document for outside. */
export function cellText(how: CellState, count: number, minimum: number, format: (value: number) => string = String): string {
  if (how === 'small') return `< ${minimum}`;
  if (how === 'masked') return '×';
  return format(count);
}
