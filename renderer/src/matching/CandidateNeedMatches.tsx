import { useTranslation } from 'react-i18next';
import type { MatchedNeed } from '../../../shared/matching';
import { formatDate } from '../app/format';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useApiValue } from '../ui/useApiValue';
import { MatchList } from './MatchList';
import { Distance, MatchReasons, PresentCell, ScoreBar } from './MatchParts';
import { jobNeedHash, needMatchesHash } from '../app/routes';
import { MAX_MATCH_ROWS, useMatchLimits } from './useMatchLimits';
import { usePresent } from './usePresent';
import './matching.css';

/** The open job needs ranked for one candidate, the same way candidates are ranked for a need, each with "Present". */
export function CandidateNeedMatches({ candidateId }: { candidateId: string }) {
  const { t } = useTranslation();
  const limits = useMatchLimits();
  const { state } = useApiValue('matching.forCandidate', { candidateId, limit: limits.limit, excludedLimit: limits.excludedLimit });
  const presenting = usePresent();

  if (state.status === 'loading') return <p className="muted" aria-busy="true">{t('matching.ui.matches.loading')}</p>;
  if (state.status === 'error') return <ErrorAlert messageKey={state.messageKey} />;
  const matches = state.value;
  const busy = limits.pending(matches);

  return (
    <div className="candidate-need-matches" data-testid="candidate-need-matches">
      <MatchList
        texts="matching.ui.matches.forCandidate"
        eligible={matches.eligible}
        excluded={matches.excluded}
        eligibleTotal={matches.eligibleTotal}
        excludedTotal={matches.excludedTotal}
        rowKey={(match) => match.need.id}
        onMore={limits.more}
        busy={busy}
        maxRows={MAX_MATCH_ROWS}
        renderRow={(match, eligible) => (
          <NeedRow
            match={match}
            eligible={eligible}
            presentation={presenting.presentationOf(match.need.id, match.presentation)}
            busy={presenting.isPending(match.need.id)}
            error={presenting.errorOf(match.need.id)}
            onPresent={() => void presenting.present(match.need.id, candidateId, match.need.id)}
          />
        )}
      />
    </div>
  );
}

interface NeedRowProps {
  match: MatchedNeed;
  eligible: boolean;
  presentation: MatchedNeed['presentation'];
  busy: boolean;
  error: string | null;
  onPresent(): void;
}

function NeedRow({ match, eligible, presentation, busy, error, onPresent }: NeedRowProps) {
  const { t, i18n } = useTranslation();
  const { need } = match;
  const titleId = `need-match-${need.id}`;
  const details = [
    need.employerName,
    t(`employers.values.contractTypes.${need.contractType}`),
    need.startDate && t('matching.ui.matches.startsOn', { date: formatDate(need.startDate, i18n.language) }),
  ].filter(Boolean);
  return (
    <>
      <div className="match-who">
        <a id={titleId} className="match-name" href={jobNeedHash(need.employerId, need.id)}>
          {need.occupation}
        </a>
        <span className="cell-secondary">{details.join(' · ')}</span>
        <a className="cell-secondary" href={needMatchesHash(need.id)}>
          {t('matching.ui.matches.otherCandidates')}
        </a>
      </div>
      <ScoreBar score={match.score} />
      <MatchReasons reasons={match.reasons} />
      <div className="match-distance">
        <Distance km={match.distanceKm} />
      </div>
      <div className="match-action">
        <PresentCell presentation={presentation} presentable={eligible} busy={busy} describedBy={titleId} onPresent={onPresent} />
        <ErrorAlert messageKey={error} />
      </div>
    </>
  );
}
