import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf, OutputOf } from '../../../../shared/api';
import type { Candidate } from '../../../../shared/candidates';
import type { Placement, Recruitment } from '../../../../shared/pipeline';
import type { ApiResult } from '../../../../shared/errors';
import { BackIcon, PlusIcon } from '../../app/icons';
import { useNavigation } from '../../app/navigation';
import { useNotices } from '../../app/notices';
import { CandidateNeedMatches } from '../CandidateNeedMatches';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { focusWhenShown } from '../../ui/focus';
import { useApiValue } from '../../ui/useApiValue';
import { CandidatePlacements, placementItemId } from '../placements/CandidatePlacements';
import { PlacementForm } from '../placements/PlacementForm';
import { PresentationList } from '../presentations/PresentationList';
import { usePresentationChanges } from '../presentations/presentationChanges';
import { CandidateRecruitments, recruitmentItemId } from '../recruitments/CandidateRecruitments';
import { RecruitmentForm } from '../recruitments/RecruitmentForm';
import { placementAfter, recruitmentAfterPlacement, recruitmentFromPresentation } from './drafts';
import { type JourneyPlace, journeyHash, journeyPlace, journeyRoute } from '../../app/routes';
import './journey.css';

interface JourneyPanelProps {
  candidate: Candidate;
  readOnly: boolean;
}

/**
 * The candidate's "Parcours" tab: presentations to employers, placements, recruitments with
 * their follow-ups, and the open job needs that suit her. Its forms are addresses of their
 * own (`#/candidates/ID/journey/recruit/PRESENTATION_ID`…), so other screens link to them.
 */
export function JourneyPanel({ candidate, readOnly }: JourneyPanelProps) {
  const rest = useNavigation((state) => state.route.rest);
  const place = journeyPlace(rest?.[0] === 'journey' ? rest.slice(1) : []);
  if (place.view === 'overview') return <JourneyOverview candidate={candidate} readOnly={readOnly} />;
  // A form is keyed by its address, so going from one to another starts afresh.
  return <JourneyForm key={journeyHash(candidate.id, place)} candidateId={candidate.id} place={place} readOnly={readOnly} />;
}

function JourneyOverview({ candidate, readOnly }: JourneyPanelProps) {
  const { t } = useTranslation();
  const matchable = !readOnly && candidate.status !== 'left';
  return (
    <div className="journey" data-testid="journey">
      <JourneySection
        id="journey-presentations"
        title={t('matching.ui.journey.presentations')}
        intro={t('matching.ui.journey.presentationsIntro')}
      >
        <PresentationList candidateId={candidate.id} />
      </JourneySection>
      <JourneySection
        id="journey-placements"
        title={t('matching.ui.journey.placements')}
        intro={t('matching.ui.journey.placementsIntro')}
        action={!readOnly && <NewLink href={journeyHash(candidate.id, { view: 'newPlacement' })} label={t('matching.ui.placements.new')} />}
      >
        <CandidatePlacements candidateId={candidate.id} readOnly={readOnly} />
      </JourneySection>
      <JourneySection
        id="journey-recruitments"
        title={t('matching.ui.journey.recruitments')}
        intro={t('matching.ui.journey.recruitmentsIntro')}
        action={!readOnly && <NewLink href={journeyHash(candidate.id, { view: 'newRecruitment' })} label={t('matching.ui.recruitments.new')} />}
      >
        <CandidateRecruitments candidateId={candidate.id} readOnly={readOnly} />
      </JourneySection>
      {matchable && (
        // The ranked needs bring their own headings (those that suit, those not possible for now).
        <section className="card journey-section" aria-label={t('matching.ui.journey.matches')} data-testid="journey-matches">
          <CandidateNeedMatches candidateId={candidate.id} />
        </section>
      )}
    </div>
  );
}

interface JourneySectionProps {
  id: string;
  title: string;
  intro: string;
  action?: ReactNode;
  children: ReactNode;
}

function JourneySection({ id, title, intro, action, children }: JourneySectionProps) {
  return (
    <section className="card journey-section" aria-labelledby={`${id}-title`} data-testid={id}>
      <header className="journey-section-header">
        <div>
          <h2 id={`${id}-title`}>{title}</h2>
          <p className="muted">{intro}</p>
        </div>
        {action}
      </header>
      {children}
    </section>
  );
}

function NewLink({ href, label }: { href: string; label: string }) {
  return (
    <a className="button button-secondary button-small" href={href}>
      <PlusIcon />
      <span>{label}</span>
    </a>
  );
}

interface JourneyFormProps {
  candidateId: string;
  place: Exclude<JourneyPlace, { view: 'overview' }>;
  readOnly: boolean;
}

/** One of the journey's forms, titled, with the way back to the overview. */
function JourneyForm({ candidateId, place, readOnly }: JourneyFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigation((state) => state.navigate);
  const showNotice = useNotices((state) => state.showNotice);
  const presentationsChanged = usePresentationChanges((state) => state.changed);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // After the record's own focus on the person's name, when the form is the address opened.
  useEffect(() => {
    const frame = requestAnimationFrame(() => headingRef.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);
  const back = () => navigate(journeyRoute(candidateId));
  /** Back to the overview, where the saved record takes the focus (the form it came from is gone). */
  const saved = (notice: string, resultId: string) => {
    showNotice(notice);
    navigate(journeyRoute(candidateId), { replace: true });
    focusWhenShown(resultId);
  };
  const placementSaved = (placement: Placement) =>
    saved(place.view === 'editPlacement' ? 'common.ui.notices.saved' : 'matching.ui.placements.notices.created', placementItemId(placement.id));
  const recruitmentSaved = (recruitment: Recruitment) => {
    // A new hire closes the person's other open presentations: the lists showing them must know.
    if (place.view !== 'editRecruitment') presentationsChanged();
    saved(place.view === 'editRecruitment' ? 'common.ui.notices.saved' : 'matching.ui.recruitments.notices.created', recruitmentItemId(recruitment.id));
  };

  let title: string;
  let body: ReactNode;
  switch (place.view) {
    case 'newPlacement':
      title = t('matching.ui.placements.new');
      body = <PlacementForm candidateId={candidateId} placement={null} readOnly={readOnly} onSaved={placementSaved} onCancel={back} />;
      break;
    case 'editPlacement':
      title = t('matching.ui.placements.editTitle');
      body = (
        <Loaded method="placements.get" input={{ id: place.placementId }}>
          {(placement) => <PlacementForm candidateId={candidateId} placement={placement} readOnly={readOnly} onSaved={placementSaved} onCancel={back} />}
        </Loaded>
      );
      break;
    case 'nextPlacement':
      title = t('matching.ui.placements.nextTitle');
      body = (
        <Drafted load={() => placementAfter(place.placementId)}>
          {(draft) => <PlacementForm candidateId={candidateId} placement={null} draft={draft} readOnly={readOnly} onSaved={placementSaved} onCancel={back} />}
        </Drafted>
      );
      break;
    case 'newRecruitment':
      title = t('matching.ui.recruitments.new');
      body = <RecruitmentForm candidateId={candidateId} recruitment={null} readOnly={readOnly} onSaved={recruitmentSaved} onCancel={back} />;
      break;
    case 'editRecruitment':
      title = t('matching.ui.recruitments.editTitle');
      body = (
        <Loaded method="recruitments.get" input={{ id: place.recruitmentId }}>
          {(recruitment) => (
            <RecruitmentForm candidateId={candidateId} recruitment={recruitment} readOnly={readOnly} onSaved={recruitmentSaved} onCancel={back} />
          )}
        </Loaded>
      );
      break;
    case 'recruitFromPresentation':
    case 'recruitAfterPlacement':
      title = t('matching.ui.recruitments.new');
      body = (
        <Drafted
          load={() =>
            place.view === 'recruitFromPresentation'
              ? recruitmentFromPresentation(candidateId, place.presentationId)
              : recruitmentAfterPlacement(place.placementId)
          }
        >
          {(draft) => (
            <>
              <p className="alert alert-info">{t('matching.ui.recruitments.form.prefilled')}</p>
              {draft.jobNeedId && <HiredAlready candidateId={candidateId} jobNeedId={draft.jobNeedId} />}
              <RecruitmentForm candidateId={candidateId} recruitment={null} draft={draft} readOnly={readOnly} onSaved={recruitmentSaved} onCancel={back} />
            </>
          )}
        </Drafted>
      );
      break;
  }

  return (
    <div className="journey journey-form-page">
      <a className="back-link" href={journeyHash(candidateId)}>
        <BackIcon />
        <span>{t('matching.ui.journey.backToJourney')}</span>
      </a>
      <h2 ref={headingRef} tabIndex={-1} className="journey-form-title">
        {title}
      </h2>
      {readOnly && <p className="alert alert-info">{t('matching.ui.journey.readOnly')}</p>}
      {body}
    </div>
  );
}

/** A hire for this need already recorded for the person (a link followed twice): said before a second is made. */
function HiredAlready({ candidateId, jobNeedId }: { candidateId: string; jobNeedId: string }) {
  const { t } = useTranslation();
  const { state } = useApiValue('recruitments.list', { candidateId, jobNeedId, limit: 1 });
  if (state.status !== 'ready' || state.value.total === 0) return null;
  return (
    <p className="alert alert-error" role="status" data-testid="hired-already">
      {t('matching.ui.recruitments.form.hiredAlready')}
    </p>
  );
}

/** A record to edit, once loaded. */
function Loaded<M extends 'placements.get' | 'recruitments.get'>({
  method,
  input,
  children,
}: {
  method: M;
  input: { id: string };
  children(value: OutputOf<M>): ReactNode;
}) {
  const { state } = useApiValue(method, input as InputOf<M>);
  if (state.status === 'loading') return <p className="muted" aria-busy="true" />;
  if (state.status === 'error') return <ErrorAlert messageKey={state.messageKey} />;
  return children(state.value);
}

/** A form's starting values, worked out from the records before it. */
function Drafted<T>({ load, children }: { load(): Promise<ApiResult<T>>; children(draft: T): ReactNode }) {
  const [result, setResult] = useState<ApiResult<T> | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: loaded once; the form is keyed by its address
  useEffect(() => {
    let current = true;
    void load().then((answer) => {
      if (current) setResult(answer);
    });
    return () => {
      current = false;
    };
  }, []);
  if (result === null) return <p className="muted" aria-busy="true" />;
  if (!result.ok) return <ErrorAlert messageKey={result.error.message} />;
  return children(result.value);
}
