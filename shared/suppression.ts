import type { ReportTable } from './reports';

/**
 * Small-cell suppression for documents meant for outside. A count of 1 to `minimum - 1` people
 * is hidden (primary, shown "< 5"). A column of an additive table is published with its total,
 * so more is hidden (secondary, shown "×") until no hidden count can be worked out from the
 * total, the shown cells and what the marks tell: a "< 5" cell holds 1 to 4, a "×" cell 5 or
 * more (every shown count is 0 or at least the minimum). The total is known even where a
 * table hides it: every table of the same people tells it. When nothing is left to hide, the
 * column is withheld (every count, zeros too, and the total read "×"). Zero is shown: it tells
 * nothing about a person, except in a column none of whose counts reaches the minimum, which
 * is not broken down (every count reads "< 5", and the total under the minimum). An average or
 * share of a column holding a hidden count is hidden (it would give the count back).
 *
 * The published lines are the columns of each table. A cross-tab (the EU funds' gender × age
 * band × status) is also summed by the one-way tables of its dimensions, in every document of
 * the period: those sums are published lines of its cells too, and are protected with them
 * (protectCrossTab). Other tables count other dimensions of the same people: beside a one-way
 * table, they tell only its total.
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
 * possible sum and `rest` minus their smallest (others: small `smallLow` to minimum-1, masked
 * minimum or more). `smallLow` is 0 in a column not broken down, where "< 5" may be 0.
 */
function pinned(states: CellState[], rest: number, minimum: number, smallLow = 1): boolean {
  const hidden = states.flatMap((state, index) => (state === 'shown' ? [] : [index]));
  return hidden.some((index) => {
    if (states[index] !== 'small') return false;
    let othersMin = 0;
    let othersMax = 0;
    for (const other of hidden) {
      if (other === index) continue;
      othersMin += states[other] === 'small' ? smallLow : minimum;
      othersMax += states[other] === 'small' ? minimum - 1 : Number.POSITIVE_INFINITY;
    }
    const low = Math.max(smallLow, rest - othersMax);
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
      const states = countRows.map((row) => cells[row]?.[column] ?? 'shown');
      const withheld = () => {
        for (const row of countRows) (cells[row] as CellState[])[column] = 'masked';
        return { value: total, state: 'masked' as const };
      };
      // No count of the column reaches the minimum: every count reads "< 5", zeros too, and so
      // does the total under the minimum. With the zeros shown, four cells "< 5" under a total
      // "< 5" (which every table of the same people tells) were one person each.
      if (total > 0 && Math.max(...values) < minimum) {
        for (const row of countRows) (cells[row] as CellState[])[column] = 'small';
        if (total < minimum) return { value: total, state: 'small' as const };
        return pinned(states.map(() => 'small'), total, minimum, 0) ? withheld() : { value: total, state: 'shown' as const };
      }
      for (;;) {
        const rest = total - values.reduce((sum, value, index) => sum + (states[index] === 'shown' ? value : 0), 0);
        if (!pinned(states, rest, minimum)) break;
        // Hide the shown count that widens the range most for the least: the smallest above the minimum, else the smallest.
        const shown = values.flatMap((value, index) => (states[index] === 'shown' && value > 0 ? [index] : []));
        const above = shown.filter((index) => (values[index] ?? 0) > minimum);
        const pick = (above.length > 0 ? above : shown).sort((a, b) => (values[a] ?? 0) - (values[b] ?? 0))[0];
        // Nothing is left to hide, and hiding the total alone would not do (every table of the
        // same people tells it): the column is withheld, every count and the total read "×".
        if (pick === undefined) return withheld();
        states[pick] = 'masked';
      }
      for (const [index, row] of countRows.entries()) {
        const rowStates = cells[row] as CellState[];
        rowStates[column] = states[index] ?? 'shown';
      }
      return { value: total, state: 'shown' as const };
    });
  }

  const suppressed = { table, cells, totals };
  maskDerived(suppressed);
  return suppressed;
}

/** Hides an average or share of a column holding a hidden count. */
function maskDerived({ table, cells }: SuppressedTable): void {
  const countRows = table.rows.flatMap((row, index) => (row.unit === undefined ? [index] : []));
  for (const [row, { unit }] of table.rows.entries()) {
    if (unit !== 'days' && unit !== 'percent') continue;
    for (const column of table.columns.keys()) {
      if (countRows.some((countRow) => cells[countRow]?.[column] !== 'shown')) (cells[row] as CellState[])[column] = 'masked';
    }
  }
}

/** A cross-tab's counts and the one-way counts of the same people that sum them. */
export interface CrossTabCounts {
  /** Each cell's count and its position on each dimension. */
  cells: { value: number; at: number[] }[];
  /** Per dimension, per position: the one-way table's count, as that table shows it on its own. */
  lines: { value: number; state: CellState }[][];
  /** Per dimension: whether its one-way table withholds these counts (then they tell nothing). */
  withheld: boolean[];
  /** Everyone counted: known exactly from 5 up, whichever table hides it (every table of the same people tells it). */
  total: number;
}

/** How a cross-tab and its one-way counts are published; `withheld` when no hiding protects it (then it tells nothing). */
export type ProtectedCrossTab = { cells: CellState[]; lines: CellState[][] } | 'withheld';

/** A one-way count hidden to protect a cell costs this many cells of the cross-tab hidden instead: funders read those counts first. */
const LINE_COST = 1000;

/** The families of moves always gone through (see protectCrossTab's `protect`): pairs, rectangles, trades, hexagons of hidden cells. */
const CHEAP_FAMILIES = 4;

/** Hexagon moves tried per cell and direction (see protectCrossTab): bounds a report's time on any table. */
const HEXAGONS_TRIED = 1500;

function* first<T>(count: number, items: Iterable<T>): Generator<T> {
  let left = count;
  for (const item of items) {
    if (left-- <= 0) return;
    yield item;
  }
}

/**
 * Protects a cross-tab together with the one-way counts of each of its dimensions. Every
 * count those sums, the total and the marks tell a reader (as in `pinned`) must keep at least
 * two values: for each small cell or small one-way count, a change of a few hidden cells
 * (a "move") must exist that keeps every published sum, keeps each hidden figure within what
 * its mark says, and changes it: the table as it is and the table moved both fit what is
 * published. The moves looked for are one cell changed (only under a total "< 5"), two
 * cells traded (the one-way counts where they differ must be hidden), four cells around a
 * rectangle (every one-way count kept), two cells traded with two of a third group (only
 * the two groups' counts change), and six cells round a cell where three small groups cross
 * (its neighbours in two dimensions all empty): enough in practice, and each move is a proof.
 * When none exists, the cheapest move that hiding more would make exists is taken: cells of
 * the cross-tab (5 or more) first, one-way counts after. Hiding more never undoes a move
 * found, so one pass protects every figure. A group none of whose cells reaches the minimum
 * (fewer people than the minimum, or a few in each of many cells) is not broken down: its
 * cells, zeros too, read "< 5".
 */
export function protectCrossTab({ cells, lines, withheld, total }: CrossTabCounts, minimum: number): ProtectedCrossTab {
  // Each group's cells: their sum (which must be its one-way count) and the largest of them.
  const groups = lines.map((line) => line.map(() => ({ sum: 0, largest: 0 })));
  for (const { value, at } of cells)
    for (const [dimension, position] of at.entries()) {
      const group = groups[dimension]?.[position];
      if (group) [group.sum, group.largest] = [group.sum + value, Math.max(group.largest, value)];
    }
  if (lines.some((line, dimension) => line.some(({ value }, position) => groups[dimension]?.[position]?.sum !== value))) return 'withheld';

  // A cell by its positions, as one number (positions in mixed radix).
  const strides = lines.map((_, dimension) => lines.slice(dimension + 1).reduce((product, line) => product * line.length, 1));
  const keyOf = (at: readonly number[]) => at.reduce((key, position, dimension) => key + position * (strides[dimension] ?? 0), 0);
  const byKey = new Int32Array(lines.reduce((product, line) => product * line.length, 1)).fill(-1);
  for (const [index, { at }] of cells.entries()) byKey[keyOf(at)] = index;
  const place = (at: readonly number[]): number | undefined => {
    const index = byKey[keyOf(at)] ?? -1;
    return index < 0 ? undefined : index;
  };
  const lineStates = lines.map((line) => line.map(({ state }) => state));
  // A group none of whose cells reaches the minimum is not broken down: with its zeros shown, its
  // cells "< 5" could add up to its count (five cells of one in a group of five).
  const thin = (dimension: number, position: number) => (lines[dimension]?.[position]?.value ?? 0) > 0 && (groups[dimension]?.[position]?.largest ?? 0) < minimum;
  const brokenDown = cells.map((cell) => cell.at.every((position, dimension) => !thin(dimension, position)));
  const cellStates: CellState[] = cells.map(({ value }, index) => (!brokenDown[index] || (value > 0 && value < minimum) ? 'small' : 'shown'));
  // Under a total "< 5" the one-way tables are not broken down either: their "< 5" may be 0.
  const totalSmall = total < minimum;
  const lineLow = totalSmall ? 0 : 1;
  const within = (state: CellState, value: number, low: number, next: number) =>
    state === 'small' ? next >= low && next < minimum : state === 'masked' ? next >= minimum : next === value;

  type Move = [cell: number, change: number][];
  /** A move with each cell once. */
  const net = (move: Move): Move => {
    const changes = new Map<number, number>();
    for (const [index, change] of move) changes.set(index, (changes.get(index) ?? 0) + change);
    return [...changes].filter(([, change]) => change !== 0);
  };
  /** How a move changes each one-way count ([dimension, position, change]), and the total. */
  const lineChanges = lines.map((line) => new Int32Array(line.length));
  const changesOf = (move: Move) => {
    const changed: [number, number, number][] = [];
    let totalChange = 0;
    for (const [dimension, line] of lineChanges.entries()) {
      for (const [index, change] of move) {
        const position = cells[index]?.at[dimension] ?? 0;
        line[position] = (line[position] ?? 0) + change;
      }
      for (const [index] of move) {
        const position = cells[index]?.at[dimension] ?? 0;
        if (line[position] !== 0) changed.push([dimension, position, line[position] as number]);
        line[position] = 0;
      }
    }
    for (const [, change] of move) totalChange += change;
    return { lines: changed, total: totalChange };
  };
  /** What a move needs hidden (cells of the cross-tab, one-way counts weighted), or null when it cannot fit what is published. */
  const costOf = (move: Move): number | null => {
    let cost = 0;
    for (const [index, change] of move) {
      const value = cells[index]?.value ?? 0;
      const state = cellStates[index] as CellState;
      // A count shown is 0 (never hidden: "×" says 5 or more) or at least the minimum.
      if (state === 'shown' && value < minimum) return null;
      if (!within(state === 'shown' ? 'masked' : state, value, brokenDown[index] ? 1 : 0, value + change)) return null;
      if (state === 'shown') cost += 1;
    }
    const changes = changesOf(move);
    for (const [dimension, position, change] of changes.lines) {
      if (withheld[dimension]) continue;
      const value = lines[dimension]?.[position]?.value ?? 0;
      const state = lineStates[dimension]?.[position] as CellState;
      if (state === 'shown' && value < minimum) return null;
      if (!within(state === 'shown' ? 'masked' : state, value, lineLow, value + change)) return null;
      if (state === 'shown') cost += LINE_COST;
    }
    if (changes.total !== 0 && !(totalSmall && within('small', total, 1, total + changes.total))) return null;
    return cost;
  };

  /**
   * The moves that change a cell, family by family: alone or traded with another, around a
   * rectangle with another, traded with a group's, round a hexagon.
   */
  function cellMoves(index: number): (() => Iterable<Move>)[] {
    const at = (cells[index] as CrossTabCounts['cells'][number]).at;
    return [
      function* () {
        for (const change of [1, -1]) {
          yield [[index, change]];
          for (const other of cells.keys())
            if (other !== index)
              yield [
                [index, change],
                [other, -change],
              ];
        }
      },
      function* () {
        for (const change of [1, -1])
          for (const [other, { at: otherAt, value }] of cells.entries()) {
            if (other === index || value === 0) continue;
            // The rectangle's two other corners take some dimensions from one cell, the rest from the other
            // (each split once: a split and its complement give the same corners).
            for (let split = 1; split < 2 ** (at.length - 1); split++) {
              const from = (first: number[], second: number[]) => first.map((position, dimension) => ((split >> dimension) & 1 ? (second[dimension] ?? 0) : position));
              const corner = place(from(at, otherAt));
              const opposite = place(from(otherAt, at));
              if (corner === undefined || opposite === undefined || corner === index || corner === other) continue;
              yield [
                [index, change],
                [other, change],
                [corner, -change],
                [opposite, -change],
              ];
            }
          }
      },
      function* () {
        for (const change of [1, -1]) for (const dimension of at.keys()) yield* tradeMoves(index, change, dimension);
      },
      // Round a hexagon of cells already hidden first, then of any: there are hundreds of thousands
      // in a large table, so a few thousand are tried (any one found is still a proof).
      function* () {
        if (at.length === 3) for (const change of [1, -1]) yield* first(HEXAGONS_TRIED, hexagonMoves(index, change, true));
      },
      function* () {
        if (at.length === 3) for (const change of [1, -1]) yield* first(HEXAGONS_TRIED, hexagonMoves(index, change, false));
      },
    ];
  }

  /**
   * For a cell whose neighbours in two dimensions are all empty (a few people where three small
   * groups cross): a cell of each of its three groups moved the other way, and two cells that
   * give the three back what they took from the other groups.
   */
  function* hexagonMoves(index: number, change: number, hiddenOnly: boolean): Generator<Move> {
    const at = (cells[index] as CrossTabCounts['cells'][number]).at;
    // Only cells with something to give (or to take) can move against this one.
    const against = at.map((position, dimension) =>
      cells.flatMap((cell, other) =>
        other !== index && cell.at[dimension] === position && cell.value - change >= 0 && cell.value > 0 && (!hiddenOnly || cellStates[other] !== 'shown') ? [other] : [],
      ),
    );
    for (const x of against[0] ?? [])
      for (const y of against[1] ?? [])
        for (const w of against[2] ?? []) {
          const [xAt, yAt, wAt] = [x, y, w].map((other) => (cells[other] as CrossTabCounts['cells'][number]).at) as [number[], number[], number[]];
          if (x === y || y === w || x === w) continue;
          // What each dimension must get back: the positions the three took from, other than this cell's.
          const owed = [
            [yAt[0], wAt[0]],
            [xAt[1], wAt[1]],
            [xAt[2], yAt[2]],
          ] as [number, number][];
          for (let split = 0; split < 4; split++) {
            const side = (dimension: number) => (dimension === 0 ? 0 : (split >> (dimension - 1)) & 1);
            const u = place(owed.map((pair, dimension) => pair[side(dimension)] ?? 0));
            const v = place(owed.map((pair, dimension) => pair[1 - side(dimension)] ?? 0));
            if (u === undefined || v === undefined) continue;
            yield net([
              [index, change],
              [x, -change],
              [y, -change],
              [w, -change],
              [u, change],
              [v, change],
            ]);
          }
        }
  }

  /**
   * A cell traded with one of another group of a dimension, and a third group of it trading back
   * the other dimensions: only those two groups' counts change.
   */
  function* tradeMoves(index: number, change: number, dimension: number): Generator<Move> {
    const at = (cells[index] as CrossTabCounts['cells'][number]).at;
    const moved = (from: number[], position: number) => place(from.map((old, other) => (other === dimension ? position : old)));
    for (const [other, { at: otherAt }] of cells.entries()) {
      if (otherAt[dimension] === at[dimension]) continue;
      for (const [position] of (lines[dimension] ?? []).entries()) {
        if (position === at[dimension] || position === otherAt[dimension]) continue;
        const back = moved(otherAt, position);
        const forth = moved(at, position);
        if (back !== undefined && forth !== undefined)
          yield [
            [index, change],
            [other, -change],
            [back, change],
            [forth, -change],
          ];
      }
    }
  }

  /** The moves that change a one-way count, family by family: a cell of it alone or traded with a cell outside it, traded through a third group. */
  function lineMoves(dimension: number, position: number): (() => Iterable<Move>)[] {
    const inLine = cells.flatMap(({ at }, index) => (at[dimension] === position ? [index] : []));
    return [
      function* () {
        for (const change of [1, -1])
          for (const index of inLine) {
            yield [[index, change]];
            for (const [other, { at: otherAt }] of cells.entries())
              if (otherAt[dimension] !== position)
                yield [
                  [index, change],
                  [other, -change],
                ];
          }
      },
      function* () {
        for (const change of [1, -1]) for (const index of inLine) yield* tradeMoves(index, change, dimension);
      },
    ];
  }

  /**
   * Takes the cheapest move, family after family. A move needing nothing more hidden ends the
   * search; past the hexagons of hidden cells, so does one hiding only cells of the cross-tab
   * (going through every hexagon costs far more). False when there is none.
   */
  const protect = (families: (() => Iterable<Move>)[]): boolean => {
    let best: { move: Move; cost: number } | null = null;
    for (const [rank, family] of families.entries()) {
      for (const move of family()) {
        const cost = costOf(move);
        if (cost === null || (best && best.cost <= cost)) continue;
        best = { move, cost };
        if (cost === 0) return true;
      }
      if (best && best.cost < LINE_COST && rank >= CHEAP_FAMILIES - 1) break;
    }
    if (!best) return false;
    for (const [index] of best.move) if (cellStates[index] === 'shown') cellStates[index] = 'masked';
    for (const [dimension, position] of changesOf(best.move).lines) {
      const states = lineStates[dimension] as CellState[];
      if (!withheld[dimension] && states[position] === 'shown') states[position] = 'masked';
    }
    return true;
  };

  for (const [index, { value }] of cells.entries()) if (cellStates[index] === 'small' && value > 0 && !protect(cellMoves(index))) return 'withheld';
  for (const [dimension, line] of lines.entries())
    for (const [position, { value }] of line.entries()) if (value > 0 && value < minimum && !protect(lineMoves(dimension, position))) return 'withheld';
  return { cells: cellStates, lines: lineStates };
}

/**
 * Every table of a report as published: each on its own (suppress), then each cross-tab with
 * the one-way tables of its dimensions (protectCrossTab). Those tables come out the same in
 * every document of the report, the cross-tab in it or not: a count one document hides, the
 * other must not show.
 */
export function suppressReport(tables: readonly ReportTable[], minimum: number): Map<ReportTable, SuppressedTable> {
  const published = new Map(tables.map((table) => [table, suppress(table, minimum)]));
  const byId = new Map(tables.map((table) => [`${table.section}.${table.name}`, table]));
  for (const cross of tables) {
    if (!cross.margins) continue;
    const suppressed = published.get(cross) as SuppressedTable;
    const result = protectWithMargins(cross, [...cross.margins.rows, cross.margins.columns].map((id) => byId.get(id)), published, minimum);
    if (result === 'withheld') {
      suppressed.cells = suppressed.cells.map((row) => row.map(() => 'masked'));
      suppressed.totals = suppressed.totals?.map((total) => ({ ...total, state: 'masked' })) ?? null;
    } else {
      suppressed.cells = result.cells;
      suppressed.totals = result.totals;
    }
  }
  return published;
}

/**
 * A cross-tab protected with its one-way tables (their `current` column), which are changed
 * in `published`: the cross-tab's cells and column totals as published.
 */
function protectWithMargins(
  cross: ReportTable,
  marginTables: (ReportTable | undefined)[],
  published: Map<ReportTable, SuppressedTable>,
  minimum: number,
): { cells: CellState[][]; totals: SuppressedTable['totals'] } | 'withheld' {
  const margins = marginTables.flatMap((table) => {
    const suppressed = table && published.get(table);
    const column = table?.columns.indexOf('current') ?? -1;
    return suppressed?.totals && column >= 0 ? [{ table: suppressed.table, suppressed, column, totals: suppressed.totals }] : [];
  });
  const first = margins[0];
  if (!first || margins.length !== marginTables.length) return 'withheld';
  const positions = margins.map(({ table }) => new Map(table.rows.map((row, index) => [row.key, index])));
  const counts: CrossTabCounts = {
    cells: cross.rows.flatMap(({ key, values }) =>
      values.map((value, column) => ({ value, at: [...key.split('|'), cross.columns[column] ?? ''].map((part, dimension) => positions[dimension]?.get(part) ?? -1) })),
    ),
    lines: margins.map(({ table, suppressed, column }) => table.rows.map((row, position) => ({ value: row.values[column] ?? 0, state: suppressed.cells[position]?.[column] ?? 'shown' }))),
    withheld: margins.map(({ totals, column }) => totals[column]?.state === 'masked'),
    total: first.totals[first.column]?.value ?? 0,
  };
  if (counts.cells.some(({ at }) => at.length !== margins.length || at.includes(-1))) return 'withheld';
  const result = protectCrossTab(counts, minimum);
  if (result === 'withheld') return result;
  for (const [dimension, { suppressed, column }] of margins.entries()) {
    for (const [position, state] of (result.lines[dimension] ?? []).entries()) (suppressed.cells[position] as CellState[])[column] = state;
    maskDerived(suppressed);
  }
  const width = cross.columns.length;
  const columnLines = counts.lines[margins.length - 1] ?? [];
  return {
    cells: cross.rows.map((_, row) => result.cells.slice(row * width, (row + 1) * width)),
    totals: cross.columns.map((_, column) => {
      const position = counts.cells[column]?.at[margins.length - 1] ?? -1;
      return { value: columnLines[position]?.value ?? 0, state: result.lines[margins.length - 1]?.[position] ?? 'masked' };
    }),
  };
}

/** How a cell reads in a document for outside. */
export function cellText(how: CellState, count: number, minimum: number, format: (value: number) => string = String): string {
  if (how === 'small') return `< ${minimum}`;
  if (how === 'masked') return '×';
  return format(count);
}
