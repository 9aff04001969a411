import { create } from 'zustand';
import { forgetOnSessionEnd } from '../session/forgetOnSessionEnd';
import { type ImportDecisions, type ImportPreview, type ImportResult, defaultImportDecisions } from '../../../shared/exchange';
import { call } from '../api/client';

interface OpenedFile {
  fileName: string;
  content: string;
}

interface ImportSession {
  file: OpenedFile | null;
  /** The file is protected by a passphrase: the six words are asked for. */
  askPassphrase: boolean;
  passphraseError: string | null;
  error: string | null;
  busy: 'opening' | 'applying' | null;
  preview: ImportPreview | null;
  decisions: ImportDecisions;
  result: ImportResult | null;
  open(file: OpenedFile, passphrase?: string): Promise<void>;
  decide(decisions: ImportDecisions): void;
  apply(author: string | null): Promise<void>;
  /** Drops the opened file (the main process forgets it too) and starts again. */
  cancel(): Promise<void>;
  refuse(error: string): void;
}

const EMPTY = {
  file: null,
  askPassphrase: false,
  passphraseError: null,
  error: null,
  busy: null,
  preview: null,
  decisions: {},
  result: null,
} as const;

/**
 * The file being imported, kept while the staffer looks elsewhere (a likely duplicate's record,
 * another section) and comes back: the preview waits, and a running import finishes meanwhile.
 */
export const useImportSession = forgetOnSessionEnd(
  create<ImportSession>()((set, get) => ({
  ...EMPTY,
  async open(file, passphrase) {
    set({ ...EMPTY, file, askPassphrase: get().askPassphrase && get().file === file, busy: 'opening' });
    const answer = await call('exchange.openImport', { ...file, ...(passphrase ? { passphrase } : {}) });
    if (answer.ok) {
      set({ busy: null, preview: answer.value, decisions: defaultImportDecisions(answer.value.items), askPassphrase: false });
      return;
    }
    // A file that needs a passphrase, or another one, says so on the passphrase field.
    const passphraseError = answer.error.fields?.passphrase;
    if (passphraseError) {
      // The first time, the field just appears; a wrong passphrase says so under it.
      set({ busy: null, askPassphrase: true, passphraseError: passphrase === undefined ? null : passphraseError });
      return;
    }
    set({ busy: null, error: answer.error.message });
  },
  decide: (decisions) => set({ decisions }),
  async apply(author) {
    const { preview, decisions } = get();
    if (!preview) return;
    set({ busy: 'applying', error: null });
    const answer = await call('exchange.applyImport', { token: preview.token, decisions, author });
    if (answer.ok) set({ ...EMPTY, result: answer.value });
    else set({ busy: null, error: answer.error.message });
  },
  async cancel() {
    const { preview } = get();
    set({ ...EMPTY });
    if (preview) await call('exchange.dropImport', { token: preview.token });
  },
  refuse: (error) => set({ ...EMPTY, error }),
})),
);
