import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { ReportTable } from '../../../shared/reports';
import { type CellState, type SuppressedTable, suppress, suppressReport } from '../../../shared/suppression';

const MINIMUM = 5;

/** A cross-tab of genders × age bands (rows) × statuses (columns), as counts[gender][age][status]. */
type Counts = number[][][];

/** The report's tables for these counts: the cross-tab and its three one-way tables, as services/reports.ts lays them out. */
function reportOf(counts: Counts): { cross: ReportTable; gender: ReportTable; age: ReportTable; status: ReportTable } {
  const genders = counts.map((_, g) => `g${g}`);
  const ages = (counts[0] ?? []).map((_, a) => `a${a}`);
  const statuses = (counts[0]?.[0] ?? []).map((_, s) => `s${s}`);
  const at = (g: number, a: number, s: number) => counts[g]?.[a]?.[s] ?? 0;
  const sum = (keep: (g: number, a: number, s: number) => boolean) =>
    genders.reduce((total, _, g) => total + ages.reduce((inner, _, a) => inner + statuses.reduce((cell, _, s) => cell + (keep(g, a, s) ? at(g, a, s) : 0), 0), 0), 0);
  // The previous period counts other people: no cross-tab sums them.
  const oneWay = (name: string, keys: string[], of: (position: number) => number): ReportTable => ({
    section: 'people',
    name,
    rowLabels: [],
    columns: ['current', 'previous'],
    columnLabels: 'name',
    rows: keys.map((key, position) => ({ key, values: [of(position), 7] })),
    additive: true,
  });
  return {
    cross: {
      section: 'people',
      name: 'euFunds',
      rowLabels: [],
      columns: statuses,
      columnLabels: 'name',
      rows: genders.flatMap((gender, g) => ages.map((age, a) => ({ key: `${gender}|${age}`, values: statuses.map((_, s) => at(g, a, s)) }))),
      additive: true,
      margins: { rows: ['people.gender', 'people.ageBand'], columns: 'people.publicCategory' },
    },
    gender: oneWay('gender', genders, (g) => sum((x) => x === g)),
    age: oneWay('ageBand', ages, (a) => sum((_, y) => y === a)),
    status: oneWay('publicCategory', statuses, (s) => sum((_, __, z) => z === s)),
  };
}

/** What a reader sees: each cell's and each one-way count's mark (or value), and the total's. */
interface Seen {
  cells: { value: number; state: CellState; at: number[] }[];
  lines: { value: number; state: CellState }[][];
  /** Per dimension: its one-way table withheld these counts (its total reads "×"). */
  withheld: boolean[];
  /** Everyone counted: known from 5 up (every table of the same people tells it), else "< 5". */
  total: number;
}

function seenIn(tables: ReturnType<typeof reportOf>, published: (table: ReportTable) => SuppressedTable): Seen {
  const { cross, gender, age, status } = tables;
  const crossSeen = published(cross);
  const ages = age.rows.length;
  const lineOf = (table: ReportTable) => {
    const { cells } = published(table);
    return table.rows.map((row, position) => ({ value: row.values[0] ?? 0, state: cells[position]?.[0] ?? 'shown' }));
  };
  const margins = [gender, age, status];
  return {
    cells: cross.rows.flatMap((row, r) =>
      row.values.map((value, s) => ({ value, state: crossSeen.cells[r]?.[s] ?? 'shown', at: [Math.floor(r / ages), r % ages, s] })),
    ),
    lines: margins.map(lineOf),
    withheld: margins.map((table) => published(table).totals?.[0]?.state === 'masked'),
    total: gender.rows.reduce((sum, row) => sum + (row.values[0] ?? 0), 0),
  };
}

/**
 * Whether some assignment of the hidden figures fits everything published, by exhaustive
 * search: each hidden cell within its mark ("< 5" is 1 to 4, or 0 to 4 in a group whose every
 * cell reads "< 5": such a group is not broken down; "×" is 5 or more), every one-way count
 * within what its table shows (anything where the table withholds them), and the total. `ask`
 * narrows one figure (the question asked).
 */
function fits(seen: Seen, ask: { cell?: [index: number, low: number, high: number]; line?: [dimension: number, position: number, low: number, high: number] }): boolean {
  type Range = [low: number, high: number];
  const totalSmall = seen.total > 0 && seen.total < MINIMUM;
  const cap = totalSmall ? MINIMUM - 1 : seen.total;
  const narrow = ([low, high]: Range, to: Range | undefined): Range => (to ? [Math.max(low, to[0]), Math.min(high, to[1])] : [low, high]);
  const rangeOf = (state: CellState, value: number, low: number): Range =>
    state === 'shown' ? [value, value] : state === 'small' ? [low, MINIMUM - 1] : [MINIMUM, Number.POSITIVE_INFINITY];
  const lineRanges: Range[][] = seen.lines.map((line, dimension) =>
    line.map(({ value, state }, position) =>
      narrow(
        seen.withheld[dimension] ? [0, Number.POSITIVE_INFINITY] : rangeOf(state, value, totalSmall ? 0 : 1),
        ask.line?.[0] === dimension && ask.line[1] === position ? [ask.line[2], ask.line[3]] : undefined,
      ),
    ),
  );
  // A group whose every cell reads "< 5" is not broken down (no cell of it reaches 5): its "< 5" may be 0.
  const notBrokenDown = seen.lines.map((line, dimension) =>
    line.map((_, position) => {
      const group = seen.cells.filter((cell) => cell.at[dimension] === position);
      return group.length > 0 && group.every((cell) => cell.state === 'small');
    }),
  );
  const totalRange: Range = totalSmall ? [1, MINIMUM - 1] : [seen.total, seen.total];
  const cellRanges: Range[] = seen.cells.map(({ value, state, at }, index) => {
    const zeroPossible = at.some((position, dimension) => notBrokenDown[dimension]?.[position]);
    const [low, high] = rangeOf(state, value, zeroPossible ? 0 : 1);
    return narrow([low, Math.min(high, cap)], ask.cell?.[0] === index ? [ask.cell[1], ask.cell[2]] : undefined);
  });

  // Depth first, the narrowest cells first. Each line (and the total) keeps its sum so far and
  // the least and most its cells not yet given can add, to cut a branch that cannot reach its range.
  const order = seen.cells.map((_, index) => index).sort((a, b) => width(cellRanges[a]) - width(cellRanges[b]));
  const sums = seen.lines.map((line) => line.map(() => ({ sum: 0, least: 0, most: 0 })));
  const total = { sum: 0, least: 0, most: 0 };
  const linesOf = (index: number) => [...(seen.cells[index]?.at ?? []).entries()].map(([dimension, position]) => ({ sum: sums[dimension]?.[position], range: lineRanges[dimension]?.[position] }));
  const place = (index: number, sign: number) => {
    const [low, high] = cellRanges[index] as Range;
    for (const { sum } of linesOf(index)) if (sum) [sum.least, sum.most] = [sum.least + sign * low, sum.most + sign * high];
    total.least += sign * low;
    total.most += sign * high;
  };
  for (const index of order) place(index, 1);
  const reachable = (line: { sum: number; least: number; most: number }, range: Range, value: number) =>
    line.sum + value + line.least <= range[1] && line.sum + value + line.most >= range[0];
  const search = (step: number): boolean => {
    const index = order[step];
    if (index === undefined) return true;
    const [low, high] = cellRanges[index] as Range;
    const lines = linesOf(index);
    place(index, -1);
    let found = false;
    for (let value = low; value <= high && !found; value += 1) {
      if (!lines.every(({ sum, range }) => sum && range && reachable(sum, range, value)) || !reachable(total, totalRange, value)) continue;
      for (const { sum } of lines) if (sum) sum.sum += value;
      total.sum += value;
      found = search(step + 1);
      for (const { sum } of lines) if (sum) sum.sum -= value;
      total.sum -= value;
    }
    place(index, 1);
    return found;
  };
  return search(0);
}

const width = (range: [number, number] | undefined) => (range ? range[1] - range[0] : 0);

/** The small figures (cells and one-way counts of 1 to 4) a reader can pin to one value. */
function recovered(seen: Seen): string[] {
  expect(fits(seen, {}), 'the true table fits what is published').toBe(true);
  const found: string[] = [];
  for (const [index, { value, state }] of seen.cells.entries()) {
    if (state === 'shown' || value === 0) continue;
    if (!fits(seen, { cell: [index, 0, value - 1] }) && !fits(seen, { cell: [index, value + 1, Number.POSITIVE_INFINITY] })) found.push(`cell ${seen.cells[index]?.at.join(',')} = ${value}`);
  }
  for (const [dimension, line] of seen.lines.entries())
    for (const [position, { value, state }] of line.entries()) {
      if (state === 'shown' || value === 0 || value >= MINIMUM) continue;
      if (!fits(seen, { line: [dimension, position, 0, value - 1] }) && !fits(seen, { line: [dimension, position, value + 1, Number.POSITIVE_INFINITY] }))
        found.push(`line ${dimension},${position} = ${value}`);
    }
  return found;
}

function protectedSeen(counts: Counts): { seen: Seen; withheld: boolean } {
  const tables = reportOf(counts);
  const published = suppressReport([tables.gender, tables.age, tables.status, tables.cross], MINIMUM);
  const get = (table: ReportTable) => published.get(table) as SuppressedTable;
  const cross = get(tables.cross);
  const withheld = cross.cells.every((row) => row.every((state) => state === 'masked'));
  // The status table and the cross-tab's totals are the same counts: shown the same way.
  if (!withheld) expect(cross.totals?.map((total) => total.state)).toEqual(get(tables.status).cells.map((row) => row[0]));
  return { seen: seenIn(tables, get), withheld };
}

const count = fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 3, arbitrary: fc.integer({ min: 1, max: 4 }) }, { weight: 1, arbitrary: fc.integer({ min: 5, max: 6 }) }, { weight: 2, arbitrary: fc.integer({ min: 7, max: 20 }) });
const crossTab = fc
  .record({ genders: fc.integer({ min: 1, max: 3 }), ages: fc.integer({ min: 1, max: 2 }), statuses: fc.integer({ min: 2, max: 3 }) })
  .chain(({ genders, ages, statuses }) =>
    fc.array(fc.array(fc.array(count, { minLength: statuses, maxLength: statuses }), { minLength: ages, maxLength: ages }), { minLength: genders, maxLength: genders }),
  );

describe('small-cell suppression of a cross-tab beside its one-way tables', () => {
  test.prop([crossTab], { numRuns: 400 })('no small cell or small one-way count can be recovered from the cross-tab, its one-way tables, the total and the marks', (counts) => {
    const { seen, withheld } = protectedSeen(counts);
    if (withheld) {
      // A cross-tab withheld tells nothing: its one-way tables stand on their own (suppression.test.ts).
      expect(seen.cells.every((cell) => cell.state === 'masked')).toBe(true);
      return;
    }
    expect(recovered(seen)).toEqual([]);
    for (const cell of seen.cells) {
      if (cell.value > 0 && cell.value < MINIMUM) expect(cell.state).toBe('small');
      if (cell.state === 'shown') expect(cell.value === 0 || cell.value >= MINIMUM).toBe(true);
    }
  });

  // The case that showed the leak: women 8 in the gender table, and of the women's cells only a 5 shown.
  const leaking: Counts = [
    [
      [3, 0],
      [0, 5],
    ],
    [
      [0, 0],
      [12, 7],
    ],
  ];

  it('the search does recover the hidden 3 when each table is protected on its own (so it can fail)', () => {
    const tables = reportOf(leaking);
    const alone = (table: ReportTable) => suppress(table, MINIMUM);
    expect(alone(tables.cross).cells.map((row) => row.join(' '))).toEqual(['small shown', 'shown shown', 'shown shown', 'masked shown']);
    expect(recovered(seenIn(tables, alone))).toContain('cell 0,0,0 = 3');
  });

  it('protects it with the gender, age and status tables beside it', () => {
    const { seen, withheld } = protectedSeen(leaking);
    expect(withheld).toBe(false);
    expect(recovered(seen)).toEqual([]);
    // The one-way counts funders read first stay as their own tables show them: the cross-tab's cells were hidden instead.
    expect(seen.lines.flat().map((line) => line.state)).toEqual(['shown', 'shown', 'small', 'masked', 'shown', 'shown']);
  });

  it('does not break down a group of fewer people than the minimum, zeros included', () => {
    // Gender 1 has three people: each of its cells reads "< 5", its empty ones too.
    const { seen } = protectedSeen([
      [
        [9, 6],
        [8, 10],
      ],
      [
        [1, 0],
        [2, 0],
      ],
    ]);
    expect(seen.cells.filter((cell) => cell.at[0] === 1).map((cell) => cell.state)).toEqual(['small', 'small', 'small', 'small']);
    expect(recovered(seen)).toEqual([]);
  });

  it('does not break down a group none of whose cells reaches the minimum: five cells of one in a group of five', () => {
    const counts: Counts = [
      [
        [9, 6, 7],
        [8, 10, 12],
      ],
      [
        [1, 1, 1],
        [1, 1, 0],
      ],
    ];
    const { seen } = protectedSeen(counts);
    expect(seen.cells.filter((cell) => cell.at[0] === 1).map((cell) => cell.state)).toEqual(['small', 'small', 'small', 'small', 'small', 'small']);
    // Gender 1's count (5) stays shown: hiding its empty cell is enough.
    expect(seen.lines[0]?.map((line) => line.state)).toEqual(['shown', 'shown']);
    expect(recovered(seen)).toEqual([]);
  });

  it('withholds a cross-tab whose sums are not the one-way tables’ counts', () => {
    const tables = reportOf(leaking);
    const gender = { ...tables.gender, rows: [...tables.gender.rows, { key: 'g9', values: [4, 0] }] };
    const published = suppressReport([gender, tables.age, tables.status, tables.cross], MINIMUM);
    expect(published.get(tables.cross)?.cells.flat().every((state) => state === 'masked')).toBe(true);
  });
});
