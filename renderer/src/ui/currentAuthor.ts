import { create } from 'zustand';

const STORAGE_KEY = 'tremplin.author';

interface CurrentAuthor {
  author: string;
  setAuthor(author: string): void;
}

/**
 * Who is writing timeline entries on this computer, remembered between sessions. It starts on
 * the account signed in (app/App.tsx sets it at each sign-in); the person may still change it.
 */
export const useCurrentAuthor = create<CurrentAuthor>()((set) => ({
  author: window.localStorage.getItem(STORAGE_KEY) ?? '',
  setAuthor(author) {
    window.localStorage.setItem(STORAGE_KEY, author);
    set({ author });
  },
}));
