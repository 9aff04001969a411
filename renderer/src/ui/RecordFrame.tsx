import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../app/format';
import type { Section } from '../app/routes';
import { ArchivedBanner } from './ArchivedBanner';
import { BackLink } from './BackLink';
import { ErrorAlert } from './ErrorAlert';
import { ARCHIVE_BUTTON_ID } from './focus';
import { useRecordTitle } from './recordTitle';
import type { ApiValue } from './useApiValue';
import type { useArchiveToggle } from './useArchiveToggle';

/** Where the way back goes: a section's list, or a record (a job need's employer). */
export interface BackLinkProps {
  section: Section;
  id?: string;
  /** Already translated: "Liste des employeurs". */
  label: string;
}

/** A record's screen while it loads, or why it cannot be shown (not found…). */
export function RecordPending({ back, state }: { back: BackLinkProps; state: ApiValue<unknown> }) {
  return (
    <div className="screen screen-narrow">
      <BackLink {...back} />
      <ErrorAlert messageKey={state.status === 'error' ? state.messageKey : null} />
    </div>
  );
}

interface RecordFrameProps {
  back: BackLinkProps;
  title: string;
  /** Under the title: a line of context, then facts at a glance. */
  subtitle?: ReactNode;
  facts?: ReactNode;
  archivedAt: string | null;
  archive: ReturnType<typeof useArchiveToggle>;
  /** Where the archive texts live: `archive`, `restore`, `archivedOn`, `archivedExplanation`. */
  texts: 'employers.ui.record' | 'employers.ui.needs.record' | 'partners.ui.record';
  /** The signed-in role may archive it (the router refuses otherwise: the button is not offered). */
  mayArchive?: boolean;
  className?: string;
  children: ReactNode;
}

/**
 * The frame of a saved record (employer, job need, partner): the way back, the name with its
 * facts, Archive, and once archived the banner that offers to restore it. Focus starts on the name.
 */
export function RecordFrame({ back, title, subtitle, facts, archivedAt, archive, texts, mayArchive = true, className, children }: RecordFrameProps) {
  const { t, i18n } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useRecordTitle(title);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <div className={className ? `screen ${className}` : 'screen'}>
      <BackLink {...back} />
      <header className="screen-header record-header">
        <div>
          <h1 ref={headingRef} tabIndex={-1}>
            {title}
          </h1>
          {subtitle && <p className="screen-subtitle">{subtitle}</p>}
          {facts}
        </div>
        {archivedAt === null && mayArchive && (
          <button id={ARCHIVE_BUTTON_ID} type="button" className="button button-secondary" disabled={archive.busy} onClick={() => archive.setArchived(true)}>
            {t(`${texts}.archive`)}
          </button>
        )}
      </header>

      {archivedAt && (
        <ArchivedBanner
          title={t(`${texts}.archivedOn`, { date: formatDate(archivedAt, i18n.language, 'long') })}
          explanation={t(`${texts}.archivedExplanation`)}
          restoreLabel={t(`${texts}.restore`)}
          busy={archive.busy}
          onRestore={() => archive.setArchived(false)}
        />
      )}

      <ErrorAlert messageKey={archive.error} />

      {children}
    </div>
  );
}

/** The form of a record that does not exist yet, with the way back. */
export function NewRecordFrame({ back, title, intro, children }: { back: BackLinkProps; title: string; intro: string; children: ReactNode }) {
  return (
    <div className="screen screen-narrow">
      <BackLink {...back} />
      <header className="screen-header">
        <div>
          <h1>{title}</h1>
          <p className="screen-subtitle">{intro}</p>
        </div>
      </header>
      {children}
    </div>
  );
}
