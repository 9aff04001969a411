import { RESTORE_BUTTON_ID } from './focus';

interface ArchivedBannerProps {
  /** Already translated: "Archivé le 3 mars 2025". */
  title: string;
  explanation: string;
  restoreLabel: string;
  busy: boolean;
  onRestore(): void;
}

/** Says a record is archived and offers to restore it; the record below it stays read-only. */
export function ArchivedBanner({ title, explanation, restoreLabel, busy, onRestore }: ArchivedBannerProps) {
  return (
    <div className="banner" data-testid="archived-banner">
      <div>
        <p className="banner-title">{title}</p>
        <p>{explanation}</p>
      </div>
      <button id={RESTORE_BUTTON_ID} type="button" className="button button-secondary" disabled={busy} onClick={onRestore}>
        {restoreLabel}
      </button>
    </div>
  );
}
