import type { ExchangeProgress, ProgressStep } from '../../../shared/exchange';

/** The step a long export or import is at, for `exchange.progress` to show while it runs. */
export function createProgress() {
  let current: ExchangeProgress | null = null;
  return {
    report(step: ProgressStep, done: number | null = null, total: number | null = null): void {
      if (current) current = { ...current, step, done, total };
    },

    /** Runs a long operation with its progress visible, cleared at the end. */
    tracked<Input, Output>(operation: ExchangeProgress['operation'], run: (input: Input) => Promise<Output>) {
      return async (input: Input): Promise<Output> => {
        current = { operation, step: operation === 'export' ? 'reading' : 'checking', done: null, total: null };
        try {
          return await run(input);
        } finally {
          current = null;
        }
      };
    },

    current: (): ExchangeProgress | null => current,
  };
}

export type Progress = ReturnType<typeof createProgress>;
