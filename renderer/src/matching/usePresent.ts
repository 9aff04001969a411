import { useState } from 'react';
import type { PresentationState } from '../../../shared/pipeline';
import { call } from '../api/client';
import { useNotices } from '../app/notices';
import { usePresentationChanges } from './presentations/presentationChanges';
import { useCurrentAuthor } from '../ui/currentAuthor';
import { focusWhenShown } from '../ui/focus';

/** The id of a match row's link to its presentation: where focus goes once "Present" made it. */
export function presentationLinkId(presentationId: string): string {
  return `presentation-link-${presentationId}`;
}

type Made = { id: string; state: PresentationState };

/**
 * "Present" on a list of matches: creates the presentation in the name of whoever is at the
 * keyboard and remembers it by row, so the row shows its new state without asking the
 * ranking again. `key` names the row (a candidate's id on a need, a need's id for a candidate).
 */
export function usePresent() {
  const author = useCurrentAuthor((state) => state.author);
  const showNotice = useNotices((state) => state.showNotice);
  const changed = usePresentationChanges((state) => state.changed);
  const [made, setMade] = useState<Record<string, Made>>({});
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<{ key: string; messageKey: string } | null>(null);

  async function present(key: string, candidateId: string, jobNeedId: string) {
    setPending(key);
    setError(null);
    const result = await call('presentations.create', { candidateId, jobNeedId, author });
    setPending(null);
    if (!result.ok) {
      // A refusal names the field at fault (the candidate has left, the need is closed…): its words say why.
      setError({ key, messageKey: Object.values(result.error.fields ?? {})[0] ?? result.error.message });
      return;
    }
    setMade((current) => ({ ...current, [key]: { id: result.value.id, state: result.value.state } }));
    showNotice('matching.ui.matches.notices.presented');
    focusWhenShown(presentationLinkId(result.value.id));
    changed();
  }

  return {
    present,
    /** The presentation to show for a row: the one just made, else the one the ranking knew. */
    presentationOf: (key: string, known: Made | null): Made | null => made[key] ?? known,
    isPending: (key: string) => pending === key,
    errorOf: (key: string) => (error?.key === key ? error.messageKey : null),
  };
}
