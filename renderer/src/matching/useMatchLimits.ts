import { useState } from 'react';

/** The API's largest page of matches. */
export const MAX_MATCH_ROWS = 500;
const FIRST = { eligible: 30, excluded: 10 };
const STEP = { eligible: 50, excluded: 30 };

/** How many matches of each group to ask for; "show more" raises one of them. */
export function useMatchLimits() {
  const [limits, setLimits] = useState(FIRST);
  return {
    limit: limits.eligible,
    excludedLimit: limits.excluded,
    more(group: 'eligible' | 'excluded') {
      setLimits((current) => ({ ...current, [group]: Math.min(MAX_MATCH_ROWS, current[group] + STEP[group]) }));
    },
    /** True while the rows "show more" asked for are on their way (the previous answer stays on screen). */
    pending(shown: { eligible: unknown[]; excluded: unknown[]; eligibleTotal: number; excludedTotal: number }): boolean {
      return (
        shown.eligible.length < Math.min(limits.eligible, shown.eligibleTotal) ||
        shown.excluded.length < Math.min(limits.excluded, shown.excludedTotal)
      );
    },
  };
}
