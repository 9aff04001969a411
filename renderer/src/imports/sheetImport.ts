import { useCallback, useRef, useState } from 'react';
import type { AuthorisationDocument } from '../../../shared/domain';
import type { DuplicateChoice, SheetImportSummary, SheetOpened, SheetPreview } from '../../../shared/sheets';
import type { SheetColumn, SheetKind } from '../../../shared/sheet-table';
import { call } from '../api/client';
import { currentLanguage } from '../i18n';
import { downloadBase64 } from '../exchange/files';

export type Encoding = 'utf-8' | 'windows-1252';

/** What the person has chosen so far; sent whole with every preview, the left-out rows and apply. */
export interface SheetChoices {
  sheet: number;
  mapping: (SheetColumn | null)[] | undefined;
  documents: Record<string, AuthorisationDocument | null>;
  /** Cells corrected in the preview, by `line:column`. */
  fixes: Record<string, { line: number; column: number; value: string }>;
}

type Busy = 'opening' | 'previewing' | 'applying' | 'downloading' | null;

const FIRST_CHOICES: SheetChoices = { sheet: 0, mapping: undefined, documents: {}, fixes: {} };

/**
 * One spreadsheet brought in: opened (nothing written), previewed again after each choice,
 * then applied. The file's bytes stay here so a different encoding can re-open it.
 */
export function useSheetImport(kind: SheetKind) {
  const [file, setFile] = useState<{ fileName: string; contentBase64: string } | null>(null);
  const [opened, setOpened] = useState<SheetOpened | null>(null);
  const [choices, setChoices] = useState<SheetChoices>(FIRST_CHOICES);
  const [preview, setPreview] = useState<SheetPreview | null>(null);
  /** What to do with each likely duplicate (skipped unless chosen otherwise). */
  const [decisions, setDecisions] = useState<ReadonlyMap<number, DuplicateChoice>>(new Map());
  const [createMissing, setCreateMissing] = useState(false);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<string | null>(null);
  const [summary, setSummary] = useState<SheetImportSummary | null>(null);
  // Only the latest preview asked for is shown, whatever order the answers come back in.
  const latest = useRef(0);

  const showPreview = useCallback(async (importId: string, next: SheetChoices) => {
    const asked = ++latest.current;
    setChoices(next);
    setBusy('previewing');
    const result = await call('sheets.preview', {
      importId,
      kind,
      sheet: next.sheet,
      ...(next.mapping ? { mapping: next.mapping } : {}),
      documents: next.documents,
      fixes: Object.values(next.fixes),
    });
    if (asked !== latest.current) return;
    setBusy(null);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setError(null);
    setPreview(result.value);
    setChoices({ ...next, mapping: result.value.mapping, documents: Object.fromEntries(result.value.documents.map((entry) => [entry.text, entry.document])) });
  }, [kind]);

  async function open(picked: { fileName: string; contentBase64: string }, encoding?: Encoding) {
    if (opened) void call('sheets.drop', { importId: opened.importId });
    setFile(picked);
    setOpened(null);
    setPreview(null);
    setDecisions(new Map());
    setError(null);
    setBusy('opening');
    const result = await call('sheets.open', { ...picked, ...(encoding ? { encoding } : {}) });
    setBusy(null);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setOpened(result.value);
    await showPreview(result.value.importId, FIRST_CHOICES);
  }

  function choose(next: Partial<SheetChoices>) {
    if (!opened) return;
    // Another sheet has other headers: its columns are guessed afresh.
    const changedSheet = next.sheet !== undefined && next.sheet !== choices.sheet;
    void showPreview(opened.importId, { ...choices, ...next, ...(changedSheet ? { mapping: undefined, documents: {}, fixes: {} } : {}) });
  }

  /** A corrected cell: the preview is asked again, so the server reads it with the column's own reader. */
  function fix(line: number, column: number, value: string) {
    choose({ fixes: { ...choices.fixes, [`${line}:${column}`]: { line, column, value } } });
  }

  function decide(line: number, choice: DuplicateChoice) {
    setDecisions((current) => new Map(current).set(line, choice));
  }

  const chosen = (choice: DuplicateChoice) => [...decisions].filter(([, decided]) => decided === choice).map(([line]) => line);

  function sent(importId: string) {
    return {
      importId,
      kind,
      sheet: choices.sheet,
      ...(choices.mapping ? { mapping: choices.mapping } : {}),
      documents: choices.documents,
      fixes: Object.values(choices.fixes),
      create: chosen('create'),
      merge: chosen('merge'),
    };
  }

  async function downloadLeftOut() {
    if (!opened) return;
    setBusy('downloading');
    const result = await call('sheets.leftOut', { ...sent(opened.importId), language: currentLanguage() });
    setBusy(null);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    downloadBase64(result.value.contentBase64, result.value.fileName);
  }

  async function apply() {
    if (!opened) return;
    setError(null);
    setBusy('applying');
    const result = await call('sheets.apply', { ...sent(opened.importId), createMissing });
    setBusy(null);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setSummary(result.value);
  }

  function reset() {
    if (opened && !summary) void call('sheets.drop', { importId: opened.importId });
    latest.current++;
    setFile(null);
    setOpened(null);
    setPreview(null);
    setChoices(FIRST_CHOICES);
    setDecisions(new Map());
    setCreateMissing(false);
    setBusy(null);
    setError(null);
    setSummary(null);
  }

  return {
    file,
    opened,
    choices,
    preview,
    decisions,
    createMissing,
    busy,
    error,
    summary,
    open,
    choose,
    fix,
    decide,
    setCreateMissing,
    downloadLeftOut,
    apply,
    reset,
    refuse: setError,
  };
}

export type SheetImport = ReturnType<typeof useSheetImport>;
