import { create } from 'zustand';

export interface Notice {
  /** Distinguishes two equal messages in a row, so each one is announced and timed. */
  id: number;
  /** Translation key. */
  messageKey: string;
}

interface NoticeState {
  notice: Notice | null;
  showNotice(messageKey: string): void;
  dismissNotice(id: number): void;
}

let nextId = 1;

/** Short confirmations ("Enregistré"), shown in one polite live region. Errors stay beside their form. */
export const useNotices = create<NoticeState>()((set) => ({
  notice: null,
  showNotice: (messageKey) => set({ notice: { id: nextId++, messageKey } }),
  dismissNotice: (id) => set((state) => (state.notice?.id === id ? { notice: null } : state)),
}));
