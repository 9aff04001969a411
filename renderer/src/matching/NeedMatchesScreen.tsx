import { useTranslation } from 'react-i18next';
import type { JobNeed } from '../../../shared/employers';
import type { CandidateMatch, NeedMatches } from '../../../shared/matching';
import { candidateHash, jobNeedHash, routeToHash } from '../app/routes';
import { useFocusOnMount } from '../app/useFocusOnMount';
import { needRequirements, needSummary } from '../ui/jobNeeds';
import { BackLink } from '../ui/BackLink';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useCurrentAuthor } from '../ui/currentAuthor';
import { useApiValue } from '../ui/useApiValue';
import { MatchList } from './MatchList';
import { Distance, MatchReasons, PresentCell, ScoreBar } from './MatchParts';
import { MAX_MATCH_ROWS, useMatchLimits } from './useMatchLimits';
import { usePresent } from './usePresent';
import './matching.css';

/** `#/matching/needs/ID`: the need in short, then the candidates ranked for it (one call), each with "Present". */
export function NeedMatchesScreen({ jobNeedId }: { jobNeedId: string }) {
  const { t } = useTranslation();
  const limits = useMatchLimits();
  const { state } = useApiValue(
    'matching.forNeed',
    { jobNeedId, limit: limits.limit, excludedLimit: limits.excludedLimit },
    { notFoundKey: 'employers.errors.jobNeedNotFound' },
  );
  const back = <BackLink section="matching" label={t('matching.ui.matches.backToMatching')} />;

  if (state.status !== 'ready') {
    return (
      <div className="screen">
        {back}
        {state.status === 'loading' ? <p className="muted" aria-busy="true">{t('matching.ui.matches.loading')}</p> : <ErrorAlert messageKey={state.messageKey} />}
      </div>
    );
  }
  const matches = state.value;
  const busy = limits.pending(matches);

  return (
    <div className="screen need-matches">
      {back}
      <NeedHeader need={matches.need} />
      <Candidates jobNeedId={jobNeedId} matches={matches} busy={busy} onMore={limits.more} />
    </div>
  );
}

function NeedHeader({ need }: { need: JobNeed }) {
  const { t, i18n } = useTranslation();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const { author, setAuthor } = useCurrentAuthor();
  const requirements = needRequirements(need, t);
  return (
    <header className="screen-header record-header need-matches-header">
      <div>
        <h1 ref={headingRef} tabIndex={-1}>
          {need.occupation}
        </h1>
        <p className="screen-subtitle">
          <a href={routeToHash({ section: 'employers', id: need.employerId })}>{need.employerName}</a>
          {' · '}
          {needSummary(need, t, i18n.language)}
        </p>
        <ul className="record-facts">
          {need.state !== 'open' && (
            <li className="fact-warning">{t('matching.ui.matches.needNotOpen', { state: t(`employers.values.jobNeedStates.${need.state}`) })}</li>
          )}
          {requirements.length === 0 ? <li>{t('matching.ui.matches.noRequirement')}</li> : requirements.map((text) => <li key={text}>{text}</li>)}
          <li>
            <a href={jobNeedHash(need.employerId, need.id)}>{t('matching.ui.matches.openNeed')}</a>
          </li>
        </ul>
      </div>
      <label className="compact-field author-field">
        <span>{t('matching.ui.matches.presentedBy')}</span>
        <input type="text" value={author} maxLength={100} placeholder={t('matching.ui.matches.authorPlaceholder')} onChange={(event) => setAuthor(event.target.value)} />
      </label>
    </header>
  );
}

interface CandidatesProps {
  jobNeedId: string;
  matches: NeedMatches;
  busy: boolean;
  onMore(group: 'eligible' | 'excluded'): void;
}

function Candidates({ jobNeedId, matches, busy, onMore }: CandidatesProps) {
  const presenting = usePresent();
  const needOpen = matches.need.state === 'open' && matches.need.archivedAt === null;
  return (
    <MatchList
      texts="matching.ui.matches.forNeed"
      eligible={matches.eligible}
      excluded={matches.excluded}
      eligibleTotal={matches.eligibleTotal}
      excludedTotal={matches.excludedTotal}
      rowKey={(match) => match.candidate.id}
      onMore={onMore}
      busy={busy}
      maxRows={MAX_MATCH_ROWS}
      renderRow={(match, eligible) => (
        <CandidateRow
          match={match}
          presentable={eligible && needOpen}
          presentation={presenting.presentationOf(match.candidate.id, match.presentation)}
          busy={presenting.isPending(match.candidate.id)}
          error={presenting.errorOf(match.candidate.id)}
          onPresent={() => void presenting.present(match.candidate.id, match.candidate.id, jobNeedId)}
        />
      )}
    />
  );
}

interface CandidateRowProps {
  match: CandidateMatch;
  presentable: boolean;
  presentation: CandidateMatch['presentation'];
  busy: boolean;
  error: string | null;
  onPresent(): void;
}

function CandidateRow({ match, presentable, presentation, busy, error, onPresent }: CandidateRowProps) {
  const { t } = useTranslation();
  const { candidate } = match;
  const nameId = `candidate-match-${candidate.id}`;
  const place = candidate.commune && (candidate.postalCode ? `${candidate.commune} (${candidate.postalCode})` : candidate.commune);
  const details = [
    t('matching.ui.matches.french', { level: t(`candidates.values.frenchLevelsShort.${candidate.frenchLevel}`) }),
    place,
  ].filter(Boolean);
  return (
    <>
      <div className="match-who">
        <a id={nameId} className="match-name" href={candidateHash(candidate.id)}>
          {candidate.firstName} <span className="last-name">{candidate.lastName}</span>
        </a>
        <span className="cell-secondary">{details.join(' · ')}</span>
        <span className={`cell-secondary status status-${candidate.status}`}>{t(`candidates.values.statuses.${candidate.status}`)}</span>
      </div>
      <ScoreBar score={match.score} />
      <MatchReasons reasons={match.reasons} />
      <div className="match-distance">
        <Distance km={match.distanceKm} />
      </div>
      <div className="match-action">
        <PresentCell presentation={presentation} presentable={presentable} busy={busy} describedBy={nameId} onPresent={onPresent} />
        <ErrorAlert messageKey={error} />
      </div>
    </>
  );
}
