import { useEffect, useRef } from 'react';
import { create } from 'zustand';

interface PresentationChanges {
  /** Grows by one whenever a presentation is created or changes state on this screen. */
  version: number;
  changed(): void;
}

/**
 * Lists of presentations and matches shown side by side (a candidate's journey, a job need)
 * must agree: whoever creates or moves a presentation says so here, and they reload.
 */
export const usePresentationChanges = create<PresentationChanges>()((set) => ({
  version: 0,
  changed: () => set((state) => ({ version: state.version + 1 })),
}));

/** Calls `reload` after each change announced (not on mount: the first load is the caller's). */
export function useReloadOnPresentationChange(reload: () => unknown): void {
  const version = usePresentationChanges((state) => state.version);
  const seen = useRef(version);
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    void reload();
  }, [version, reload]);
}
