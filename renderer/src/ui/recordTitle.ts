import { useEffect } from 'react';
import { create } from 'zustand';
import { forgetOnSessionEnd } from '../session/forgetOnSessionEnd';

/** The name of the record on screen, for the window title ("Aminata Diallo – Candidats – Tremplin"). */
export const useRecordTitleStore = forgetOnSessionEnd(
  create<{ name: string | null }>()(() => ({ name: null })),
);

/** Names the window after the record a screen shows, for as long as it shows it. */
export function useRecordTitle(name: string | null): void {
  useEffect(() => {
    useRecordTitleStore.setState({ name });
    return () => useRecordTitleStore.setState({ name: null });
  }, [name]);
}
