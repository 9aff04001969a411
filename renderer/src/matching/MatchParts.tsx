import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { HARD_CRITERIA, type MatchReason, type MatchVerdict } from '../../../shared/matching';
import { ACTIVE_PRESENTATION_STATES, type PresentationState } from '../../../shared/pipeline';
import { formatDate } from '../app/format';
import { PresentationStateBadge } from './presentations/PresentationStateBadge';
import { presentationHash } from '../app/routes';
import { presentationLinkId } from './usePresent';
import './matching.css';

/** Reason parameters named `…Date` or `…On` are ISO dates and lists are joined, in the interface language. */
function readableParams(params: MatchReason['params'], language: string): Record<string, string | number> {
  const readable: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params ?? {})) {
    if (typeof value === 'object') readable[name] = new Intl.ListFormat(language).format(value);
    else readable[name] = typeof value === 'string' && /(?:Date|On)$/.test(name) ? formatDate(value, language) : value;
  }
  return readable;
}

/** One reason in plain words ("authorisation ends 3 weeks before the contract"). */
export function reasonText(reason: MatchReason, t: TFunction, language: string): string {
  return t(`matching.values.reasons.${reason.code}`, readableParams(reason.params, language));
}

const isHard = (reason: MatchReason) => (HARD_CRITERIA as readonly string[]).includes(reason.criterion);

/** The lines of a verdict's icon: a tick, a cross, a dash, a downward arrow or a question mark. */
function verdictShape(verdict: MatchVerdict): ReactNode {
  switch (verdict) {
    case 'pass':
    case 'good':
      return <polyline points="20 6 9 17 4 12" />;
    case 'fail':
      return (
        <>
          <line x1="18" y1="6" x2="6" y2="18" />
          <line x1="6" y1="6" x2="18" y2="18" />
        </>
      );
    case 'partial':
      return <line x1="5" y1="12" x2="19" y2="12" />;
    case 'poor':
      return (
        <>
          <line x1="12" y1="5" x2="12" y2="19" />
          <polyline points="19 12 12 19 5 12" />
        </>
      );
    case 'unknown':
      return (
        <>
          <path d="M9.1 9a3 3 0 0 1 5.8 1c0 2-3 3-3 3" />
          <line x1="12" y1="17" x2="12.01" y2="17" />
        </>
      );
  }
}

/** The shape beside a reason, so that its colour never speaks alone. */
function VerdictIcon({ verdict }: { verdict: MatchVerdict }) {
  return (
    <svg
      className="icon"
      viewBox="0 0 24 24"
      width={14}
      height={14}
      fill="none"
      stroke="currentColor"
      strokeWidth="2.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {verdictShape(verdict)}
    </svg>
  );
}

/**
 * The reasons of a match, hard criteria first, each a chip with an icon, a colour and its
 * words. What stands in the way leads; requirements met fold into one chip that opens on
 * them; criteria the file does not document share one muted chip, so a row stays short.
 */
export function MatchReasons({ reasons }: { reasons: MatchReason[] }) {
  const { t, i18n } = useTranslation();
  const failing = reasons.filter((reason) => reason.verdict === 'fail');
  const met = reasons.filter((reason) => isHard(reason) && reason.verdict !== 'fail');
  const soft = reasons.filter((reason) => !isHard(reason) && reason.verdict !== 'unknown');
  const unknown = reasons.filter((reason) => !isHard(reason) && reason.verdict === 'unknown');
  const chip = (reason: MatchReason) => (
    <li key={`${reason.criterion}-${reason.code}`} className={`reason reason-${reason.verdict}`} data-testid="match-reason" data-verdict={reason.verdict}>
      <VerdictIcon verdict={reason.verdict} />
      <span className="visually-hidden">{t(`matching.ui.matches.verdicts.${reason.verdict}`)}</span>
      <span>{reasonText(reason, t, i18n.language)}</span>
    </li>
  );
  return (
    <div className="match-reasons">
      {failing.length > 0 && (
        <ul className="reason-list" aria-label={t('matching.ui.matches.hardCriteria')}>
          {failing.map(chip)}
        </ul>
      )}
      {met.length > 0 && (
        <details className="reasons-met">
          <summary className="reason reason-pass" data-testid="requirements-met">
            <VerdictIcon verdict="pass" />
            <span>{t('matching.ui.matches.requirementsMet', { count: met.length })}</span>
          </summary>
          <ul className="reason-list" aria-label={t('matching.ui.matches.hardCriteria')}>
            {met.map(chip)}
          </ul>
        </details>
      )}
      {soft.length + unknown.length > 0 && (
        <ul className="reason-list" aria-label={t('matching.ui.matches.softCriteria')}>
          {soft.map(chip)}
          {unknown.length > 0 && (
            <li className="reason reason-unknown" data-testid="match-reason" data-verdict="unknown">
              <VerdictIcon verdict="unknown" />
              <span>
                {t('matching.ui.matches.notKnown', {
                  criteria: unknown.map((reason) => t(`matching.values.criteria.${reason.criterion}`)).join(', '),
                })}
              </span>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}

/** The score out of 100 as a short bar, with its figure. */
export function ScoreBar({ score }: { score: number }) {
  const { t } = useTranslation();
  const rounded = Math.round(Math.max(0, Math.min(100, score)));
  const level = rounded >= 70 ? 'high' : rounded >= 40 ? 'mid' : 'low';
  return (
    <span className={`score score-${level}`} data-testid="match-score">
      <span className="score-bar" aria-hidden="true">
        <span style={{ width: `${rounded}%` }} />
      </span>
      <span className="score-value">
        <span className="visually-hidden">{t('matching.ui.matches.scoreLabel')} </span>
        {rounded}
      </span>
    </span>
  );
}

/** "12 km" as the crow flies, or a dash when a commune is not known. */
export function Distance({ km }: { km: number | null }) {
  const { t, i18n } = useTranslation();
  if (km === null) return <span className="muted" title={t('matching.ui.matches.distanceUnknown')}>–</span>;
  if (km === 0) return <span>{t('matching.ui.matches.sameCommune')}</span>;
  const figure = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: km < 10 ? 1 : 0 }).format(km);
  return <span className="nowrap">{t('matching.ui.matches.km', { km: figure })}</span>;
}

interface PresentCellProps {
  presentation: { id: string; state: PresentationState } | null;
  /** "Present" is offered only for an eligible match on an open need. */
  presentable: boolean;
  busy: boolean;
  /** Names the row, for screen readers ("Présenter — Amina Diallo"). */
  describedBy: string;
  onPresent(): void;
}

/** Where a match stands: its presentation's state (a link to it), and "Present" while none is under way. */
export function PresentCell({ presentation, presentable, busy, describedBy, onPresent }: PresentCellProps) {
  const { t } = useTranslation();
  const canPresent = presentable && (presentation === null || !ACTIVE_PRESENTATION_STATES.includes(presentation.state));
  return (
    <div className="present-cell">
      {presentation && (
        <a id={presentationLinkId(presentation.id)} href={presentationHash(presentation.id)} className="present-state" aria-describedby={describedBy}>
          <PresentationStateBadge state={presentation.state} />
        </a>
      )}
      {canPresent && (
        <button type="button" className="button button-secondary button-small" disabled={busy} aria-describedby={describedBy} onClick={onPresent}>
          {t(presentation ? 'matching.ui.matches.presentAgain' : 'matching.ui.matches.present')}
        </button>
      )}
    </div>
  );
}
