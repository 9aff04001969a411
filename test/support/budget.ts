/**
 * The time limit of a test that does a known amount of heavy work (child processes, property
 * runs, large files): a fixed allowance plus one per unit of work. Each allowance is several
 * times what the work takes on a quiet machine, so the limit holds on a loaded 2-core one
 * (CI runs beside other jobs). A limit only catches a hang: speed is measured by the bench.
 */
export function budgetFor(units: number, perUnitMs: number, fixedMs = 30_000): number {
  return fixedMs + units * perUnitMs;
}
