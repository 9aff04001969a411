import { type KeyboardEvent, type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Candidate, type CandidateSummary, type DuplicateCandidate, consentWithdrawn, erasureProposed, isRestricted, mayBeContacted, presentationBlock, shareable } from '../../../shared/candidates';
import { call } from '../api/client';
import { formatDate } from '../app/format';
import { useNavigation } from '../app/navigation';
import { useNotices } from '../app/notices';
import { type HeaderAction, HeaderActions } from '../ui/ActionMenu';
import { ArchivedBanner } from '../ui/ArchivedBanner';
import { ARCHIVE_BUTTON_ID, focusWhenShown } from '../ui/focus';
import { useRecordTitle } from '../ui/recordTitle';
import { BackLink as UiBackLink } from '../ui/BackLink';
import { ErrorAlert } from '../ui/ErrorAlert';
import { TimelinePanel } from '../ui/TimelinePanel';
import { useApiValue } from '../ui/useApiValue';
import { useArchiveToggle } from '../ui/useArchiveToggle';
import { DuplicatesPanel } from './DuplicatesPanel';
import { ExpiryDate } from './ExpiryDate';
import { AccessDialog } from './AccessDialog';
import { ConsentBanners, RestrictDialog } from './ConsentBanners';
import { EraseDialog } from './EraseDialog';
import { RightsRequestDialog } from './RightsRequestDialog';
import { FileRightsRequests } from './rightsRequests';
import { MergeDialog } from './MergeDialog';
import { PrintDocuments } from './PrintDocuments';
import { findDuplicates } from './duplicates';
import { MergeIcon } from '../app/icons';
import { fullName } from '../ui/names';
import { BarriersSection } from './sections/BarriersSection';
import { ConsentSection } from './sections/ConsentSection';
import { FollowUpSection } from './sections/FollowUpSection';
import { IdentitySection } from './sections/IdentitySection';
import { MobilitySection } from './sections/MobilitySection';
import { ProjectSection } from './sections/ProjectSection';
import { ReferralSection } from './sections/ReferralSection';
import type { SectionProps } from './sections/props';
import { WorkSection } from './sections/WorkSection';
import { JourneyPanel } from '../matching/journey/JourneyPanel';
import { NextUp, PlanPanel } from '../path/PlanPanel';
import { routeToHash } from '../app/routes';
import { useMay } from '../session/useMay';

/** The record's tabs, in the order of a first interview; each is an address (`#/candidates/<id>/consent`). */
export const RECORD_TABS = ['identity', 'follow-up', 'work', 'mobility', 'project', 'referral', 'consent', 'barriers', 'plan', 'journey', 'history'] as const;
export type RecordTab = (typeof RECORD_TABS)[number];
/** The tabs that are a section of the file's own form; the plan, the journey and the history are lists of records. */
type SectionTab = Exclude<RecordTab, 'plan' | 'journey' | 'history'>;

const SECTIONS: Record<SectionTab, (props: SectionProps) => ReactNode> = {
  identity: IdentitySection,
  'follow-up': FollowUpSection,
  work: WorkSection,
  mobility: MobilitySection,
  project: ProjectSection,
  referral: ReferralSection,
  consent: ConsentSection,
  barriers: BarriersSection,
};

/** The way back to the candidates' list. */
export function BackLink() {
  const { t } = useTranslation();
  return <UiBackLink section="candidates" label={t('candidates.ui.backToList')} />;
}

interface CandidateRecordProps {
  candidate: Candidate;
  tab: RecordTab;
  onChange(candidate: Candidate): void;
}

type DuplicateSearch = { status: 'searching' } | { status: 'done'; matches: DuplicateCandidate[] };

const SEARCH_DUPLICATES_ID = 'duplicates-search';
const NO_DUPLICATES_ID = 'no-duplicates';
const JUST_MERGED_ID = 'just-merged';
const mergeButtonId = (candidateId: string) => `merge-${candidateId}`;
/** Under this width (CSS pixels) of the header, the secondary actions go behind one menu button: 1024 px windows and 200% zoom. */
const ACTIONS_MENU_BELOW = 1000;

/** The file of one person: header, banners, the sections as tabs, and the history. */
export function CandidateRecord({ candidate, tab, onChange }: CandidateRecordProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigation((state) => state.navigate);
  const showNotice = useNotices((state) => state.showNotice);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // An anonymised file has no name left (electron/store/retention.ts): it reads as what it is.
  const title = candidate.firstName === '' && candidate.lastName === '' ? t('retention.ui.anonymisedFile') : fullName(candidate);
  useRecordTitle(title);
  const mayLookForDuplicates = useMay('candidates.findDuplicates');
  const mayExport = useMay('exchange.previewExport');
  const mayArchive = useMay('candidates.archive');
  const mayErase = useMay('rights.erase');
  const mayExportAll = useMay('rights.accessExport');
  const mayPrint = useMay('documents.cv');
  const mayRecordRequest = useMay('rights.recordRequest');
  const [rightsDialog, setRightsDialog] = useState<'erase' | 'access' | 'request' | null>(null);
  // Bumped when a request is recorded or answered by a copy: the file's list of requests reloads.
  const [requestsVersion, setRequestsVersion] = useState(0);
  const mayRestrict = useMay('candidates.restrict');
  const [restricting, setRestricting] = useState(false);
  const archiving = useArchiveToggle(
    (archived) => call(archived ? 'candidates.archive' : 'candidates.restore', { id: candidate.id }),
    (saved) => onChange(saved),
  );
  const [duplicates, setDuplicates] = useState<DuplicateSearch | null>(null);
  const [merging, setMerging] = useState<CandidateSummary | null>(null);
  /** The file just merged into this one, while its merge can be undone from here. */
  const [justMerged, setJustMerged] = useState<CandidateSummary | null>(null);
  /** Bumped after a merge, so the history shows what moved here, and when a withdrawal of consent is recorded or cleared (noted there). */
  const [historyVersion, setHistoryVersion] = useState(0);
  const [dirtyTabs, setDirtyTabs] = useState<ReadonlySet<RecordTab>>(new Set());
  const tabRefs = useRef(new Map<RecordTab, HTMLButtonElement>());
  const plan = useApiValue('plans.get', { candidateId: candidate.id });
  /** Set by "book an appointment": the plan's tab opens on the booking form. */
  const [booking, setBooking] = useState(false);

  // The screen opens on the person's name, for screen readers and keyboard users.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const dirtyHandlers = useMemo(
    () =>
      Object.fromEntries(
        RECORD_TABS.map((name) => [
          name,
          (dirty: boolean) =>
            setDirtyTabs((current) => {
              if (current.has(name) === dirty) return current;
              const next = new Set(current);
              if (dirty) next.add(name);
              else next.delete(name);
              return next;
            }),
        ]),
      ) as Record<RecordTab, (dirty: boolean) => void>,
    [],
  );

  // A restricted file (art. 18) is frozen: shown, but only the restriction's lifting and erasure change it.
  const readOnly = candidate.archivedAt !== null || candidate.mergedIntoId !== null || isRestricted(candidate);

  const selectTab = useCallback(
    (next: RecordTab, focus = false) => {
      navigate({ section: 'candidates', id: candidate.id, ...(next === 'identity' ? {} : { rest: [next] }) }, { replace: true });
      if (focus) tabRefs.current.get(next)?.focus();
    },
    [navigate, candidate.id],
  );

  function onTabKey(event: KeyboardEvent) {
    const index = RECORD_TABS.indexOf(tab);
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: RECORD_TABS.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = RECORD_TABS[(target + RECORD_TABS.length) % RECORD_TABS.length];
    if (next) selectTab(next, true);
  }

  /** Run by "Search for duplicates" (its result takes the focus) and again after a merge or its undoing. */
  async function searchDuplicates(focusResult = false) {
    setDuplicates({ status: 'searching' });
    const matches = await findDuplicates({
      firstName: candidate.firstName,
      lastName: candidate.lastName,
      birthDate: candidate.birthDate ?? '',
      phone: candidate.phone ?? '',
      email: candidate.email ?? '',
      excludeId: candidate.id,
    });
    setDuplicates({ status: 'done', matches });
    if (focusResult) focusWhenShown(matches.length === 0 ? NO_DUPLICATES_ID : 'duplicates-title');
  }

  function closeDuplicates() {
    setDuplicates(null);
    focusWhenShown(SEARCH_DUPLICATES_ID);
  }

  const undoing = useUndoMerge(async (kept) => {
    setJustMerged(null);
    setHistoryVersion((version) => version + 1);
    // On the merged file, this file is back as it was; on the kept one, the merged file is back in the list.
    if (kept.id === candidate.id) {
      onChange(kept);
      await searchDuplicates();
    } else {
      const self = await call('candidates.get', { id: candidate.id });
      if (self.ok) onChange(self.value);
    }
  });

  async function merged(kept: Candidate) {
    setJustMerged(merging);
    setMerging(null);
    focusWhenShown(JUST_MERGED_ID);
    onChange(kept);
    setHistoryVersion((version) => version + 1);
    showNotice('candidates.ui.notices.merged');
    await searchDuplicates();
  }

  function sectionSaved(saved: Candidate) {
    const consentMoved = (['consentWithdrawnOn', 'consentRecording', 'consentContact', 'consentPresentation'] as const).some((field) => saved[field] !== candidate[field]);
    if (consentMoved) setHistoryVersion((version) => version + 1);
    onChange(saved);
  }

  /** The header's less frequent actions, behind "More actions" when the window is narrow. */
  function secondaryActions(): HeaderAction[] {
    const actions: HeaderAction[] = [];
    if (!readOnly && mayExport) {
      actions.push({ key: 'send', label: t('candidates.ui.record.sendToPartner'), href: routeToHash({ section: 'exchange', id: 'export', rest: [candidate.id] }) });
    }
    if (!readOnly && mayArchive) {
      actions.push({ key: 'archive', id: ARCHIVE_BUTTON_ID, label: t('candidates.ui.record.archive'), disabled: archiving.busy, onSelect: () => archiving.setArchived(true) });
    }
    if (candidate.mergedIntoId) return actions;
    if (mayRecordRequest) actions.push({ key: 'request', label: t('rights.ui.recordRequest'), onSelect: () => setRightsDialog('request') });
    if (mayExportAll) actions.push({ key: 'access', label: t('rights.ui.download'), onSelect: () => setRightsDialog('access') });
    if (mayRestrict && !isRestricted(candidate)) actions.push({ key: 'restrict', label: t('candidates.ui.restriction.restrict'), onSelect: () => setRestricting(true) });
    if (mayErase) actions.push({ key: 'erase', label: t('rights.ui.erase'), danger: true, onSelect: () => setRightsDialog('erase') });
    return actions;
  }

  const sectionProps = (name: SectionTab): SectionProps => ({
    candidate,
    readOnly,
    onSaved: sectionSaved,
    onDirtyChange: dirtyHandlers[name],
  });

  return (
    <div className="screen candidate-record">
      <BackLink />
      <header className="screen-header record-header">
        <div>
          <h1 ref={headingRef} tabIndex={-1}>
            {title}
          </h1>
          <p className="screen-subtitle">
            {t('candidates.ui.record.dates', {
              created: formatDate(candidate.createdAt, i18n.language, 'long'),
              updated: formatDate(candidate.updatedAt, i18n.language, 'long'),
            })}
          </p>
          <RecordFacts candidate={candidate} />
        </div>
        {/* One group, so the buttons wrap as one row under the name on a narrow window. */}
        {(!readOnly || !candidate.mergedIntoId) && (
          <HeaderActions
            menuLabel={t('candidates.ui.record.moreActions')}
            menuBelow={ACTIONS_MENU_BELOW}
            primary={
              !readOnly && (
                <>
                  {mayLookForDuplicates && (
                    <button
                      id={SEARCH_DUPLICATES_ID}
                      type="button"
                      className="button button-secondary"
                      disabled={duplicates?.status === 'searching'}
                      onClick={() => void searchDuplicates(true)}
                    >
                      {t('candidates.ui.duplicates.search')}
                    </button>
                  )}
                  {mayPrint && <PrintDocuments candidate={candidate} />}
                </>
              )
            }
            secondary={secondaryActions()}
          />
        )}
      </header>
      <ConsentBanners candidate={candidate} onChange={onChange} onErase={() => setRightsDialog('erase')} />
      <FileRightsRequests candidateId={candidate.id} name={title} version={requestsVersion} />

      {candidate.mergedIntoId ? (
        <MergedBanner keptId={candidate.mergedIntoId} busy={undoing.busy} onUndo={() => void undoing.undo(candidate.id)} />
      ) : (
        candidate.archivedAt && (
          <ArchivedBanner
            title={t('candidates.ui.record.archivedOn', { date: formatDate(candidate.archivedAt, i18n.language, 'long') })}
            explanation={t('candidates.ui.record.archivedExplanation')}
            restoreLabel={t('candidates.ui.record.restore')}
            busy={archiving.busy}
            onRestore={() => archiving.setArchived(false)}
          />
        )
      )}

      <ErrorAlert messageKey={archiving.error} />

      {justMerged && (
        <p id={JUST_MERGED_ID} tabIndex={-1} className="alert alert-info alert-row" role="status" data-testid="just-merged">
          <span>{t('candidates.ui.merge.justMerged', { other: fullName(justMerged) })}</span>
          <button type="button" className="button button-secondary" disabled={undoing.busy} onClick={() => void undoing.undo(justMerged.id)}>
            {t('candidates.ui.merge.undo')}
          </button>
        </p>
      )}
      <ErrorAlert messageKey={undoing.error} />

      {duplicates?.status === 'done' &&
        (duplicates.matches.length === 0 ? (
          <p id={NO_DUPLICATES_ID} tabIndex={-1} className="alert alert-info alert-row" role="status" data-testid="no-duplicates">
            <span>{t('candidates.ui.duplicates.none')}</span>
            <button type="button" className="button button-link" onClick={closeDuplicates}>
              {t('candidates.ui.duplicates.close')}
            </button>
          </p>
        ) : (
          <DuplicatesPanel
            matches={duplicates.matches}
            title={t('candidates.ui.duplicates.recordTitle', { count: duplicates.matches.length })}
            intro={t('candidates.ui.duplicates.recordIntro')}
            actions={(match, describedBy) => (
              <button
                id={mergeButtonId(match.candidate.id)}
                type="button"
                className="button button-primary"
                aria-describedby={describedBy}
                onClick={() => setMerging(match.candidate)}
              >
                <MergeIcon />
                <span>{t('candidates.ui.duplicates.mergeHere')}</span>
              </button>
            )}
            onClose={closeDuplicates}
          />
        ))}

      <NextUp
        plan={plan.state.status === 'ready' ? plan.state.value : null}
        readOnly={readOnly}
        onBook={() => {
          setBooking(true);
          selectTab('plan');
        }}
      />

      <div className="record-layout">
        <div className="record-tabs" role="tablist" aria-orientation="vertical" aria-label={t('candidates.ui.record.tabsLabel')} onKeyDown={onTabKey}>
          {RECORD_TABS.map((name) => (
            <button
              key={name}
              ref={(element) => {
                if (element) tabRefs.current.set(name, element);
                else tabRefs.current.delete(name);
              }}
              type="button"
              role="tab"
              id={`tab-${name}`}
              aria-selected={tab === name}
              aria-controls={`panel-${name}`}
              tabIndex={tab === name ? 0 : -1}
              className="record-tab"
              onClick={() => selectTab(name)}
            >
              <span>{name === 'journey' ? t('matching.ui.journey.tab') : name === 'plan' ? t('plans.ui.tab') : t(`candidates.ui.tabs.${name}`)}</span>
              {dirtyTabs.has(name) && (
                <>
                  <span className="record-tab-dirty" title={t('candidates.ui.form.unsaved')} aria-hidden="true" />
                  <span className="visually-hidden">{t('candidates.ui.form.unsaved')}</span>
                </>
              )}
            </button>
          ))}
        </div>
        <div className="record-panels">
          {/* Every section stays mounted, so what is typed in one survives a look at another. */}
          {(Object.keys(SECTIONS) as SectionTab[]).map((name) => {
            const Component = SECTIONS[name];
            return (
              <div key={name} role="tabpanel" id={`panel-${name}`} aria-labelledby={`tab-${name}`} hidden={tab !== name}>
                <Component {...sectionProps(name)} />
              </div>
            );
          })}
          <div role="tabpanel" id="panel-plan" aria-labelledby="tab-plan" hidden={tab !== 'plan'}>
            {tab === 'plan' && (
              <PlanPanel
                candidateId={candidate.id}
                plan={plan.state.status === 'ready' ? plan.state.value : null}
                readOnly={readOnly}
                booking={booking}
                onChanged={() => {
                  setBooking(false);
                  void plan.reload();
                }}
              />
            )}
          </div>
          <div role="tabpanel" id="panel-journey" aria-labelledby="tab-journey" hidden={tab !== 'journey'}>
            {/* Mounted when shown: its lists are worth loading fresh each time. */}
            {tab === 'journey' && <JourneyPanel candidate={candidate} readOnly={readOnly} />}
          </div>
          <div role="tabpanel" id="panel-history" aria-labelledby="tab-history" hidden={tab !== 'history'}>
            <TimelinePanel key={historyVersion} subjectType="candidate" subjectId={candidate.id} readOnly={readOnly} />
          </div>
        </div>
      </div>

      {restricting && (
        <RestrictDialog
          candidate={candidate}
          onRestricted={(saved) => {
            setRestricting(false);
            showNotice('candidates.ui.notices.restricted');
            onChange(saved);
          }}
          onClose={() => setRestricting(false)}
        />
      )}
      {rightsDialog === 'erase' && (
        <EraseDialog
          candidate={candidate}
          initialReason={erasureProposed(candidate) ? 'consentWithdrawn' : 'request'}
          onErased={() => {
            setRightsDialog(null);
            showNotice('rights.ui.erased');
            navigate({ section: 'candidates' });
          }}
          onClose={() => setRightsDialog(null)}
        />
      )}
      {rightsDialog === 'access' && (
        <AccessDialog
          candidate={candidate}
          onDone={(answered) => {
            setRightsDialog(null);
            if (answered) {
              showNotice('rights.ui.access.answered');
              setRequestsVersion((version) => version + 1);
            }
          }}
          onClose={() => setRightsDialog(null)}
        />
      )}
      {rightsDialog === 'request' && (
        <RightsRequestDialog
          candidate={candidate}
          onSaved={() => {
            setRightsDialog(null);
            showNotice('rights.ui.requests.saved');
            setRequestsVersion((version) => version + 1);
          }}
          onClose={() => setRightsDialog(null)}
        />
      )}
      {merging && (
        <MergeDialog keep={candidate} other={merging} onMerged={(kept) => void merged(kept)} onClose={() => {
            // Escape or Cancel: back on the Merge button that opened the dialog.
            focusWhenShown(mergeButtonId(merging.id));
            setMerging(null);
          }}
        />
      )}
    </div>
  );
}

/** A few facts at a glance under the name: where the person stands, French, papers, consent. */
function RecordFacts({ candidate }: { candidate: Candidate }) {
  const { t } = useTranslation();
  return (
    <ul className="record-facts">
      <li>
        <span className={`status status-${candidate.status}`}>{t(`candidates.values.statuses.${candidate.status}`)}</span>
      </li>
      {candidate.publicCategory && <li>{t(`candidates.values.publicCategories.${candidate.publicCategory}`)}</li>}
      <li>{t('candidates.ui.record.french', { level: t(`candidates.values.frenchLevelsShort.${candidate.frenchLevel}`) })}</li>
      {candidate.authorisationExpiry && (
        <li>
          {t('candidates.ui.record.authorisationUntil')} <ExpiryDate date={candidate.authorisationExpiry} />
        </li>
      )}
      {(!candidate.consentRecording || candidate.consentWithdrawnOn) && (
        <li className="fact-warning">
          {t(erasureProposed(candidate) ? 'candidates.ui.record.consentWithdrawn' : 'candidates.ui.record.consentMissing')}
        </li>
      )}
      {candidate.consentRecording && !consentWithdrawn(candidate) && !isRestricted(candidate) && !mayBeContacted(candidate) && (
        <li className="fact-warning">{t('candidates.ui.record.noContact')}</li>
      )}
      {isRestricted(candidate) && (
        <li className="fact-warning" data-testid="fact-restricted">
          {t('candidates.ui.record.restricted')}
        </li>
      )}
      {/* Information rather than a warning: most files are shared with no one. */}
      {!shareable(candidate) && (
        <li className="fact-muted" data-testid="fact-not-shareable">
          {t('candidates.ui.record.notShareable')}
        </li>
      )}
      {presentationBlock(candidate) === 'presentation_consent_withdrawn' && (
        <li className="fact-warning" data-testid="fact-not-presentable">
          {t('candidates.ui.record.notPresentable')}
        </li>
      )}
    </ul>
  );
}

/** Undoes the merge of a file (named by the merged file); `onUndone` receives the file that was kept. */
function useUndoMerge(onUndone: (kept: Candidate) => Promise<void>) {
  const showNotice = useNotices((state) => state.showNotice);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function undo(mergedId: string) {
    setBusy(true);
    setError(null);
    const result = await call('candidates.undoMerge', { mergedId });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    showNotice('candidates.ui.notices.unmerged');
    await onUndone(result.value);
  }
  return { undo, busy, error };
}

/** A file merged into another: read-only, with the way to the file that was kept, and the merge's undo. */
function MergedBanner({ keptId, busy, onUndo }: { keptId: string; busy: boolean; onUndo(): void }) {
  const { t } = useTranslation();
  const { state } = useApiValue('candidates.get', { id: keptId });
  return (
    <div className="banner banner-merged" data-testid="merged-banner">
      <div>
        <p className="banner-title">{t('candidates.ui.record.mergedTitle')}</p>
        <p>{t('candidates.ui.record.mergedExplanation')}</p>
      </div>
      <a className="button button-secondary" href={routeToHash({ section: 'candidates', id: keptId })}>
        {state.status === 'ready' ? t('candidates.ui.record.openKept', { name: fullName(state.value) }) : t('candidates.ui.record.openKeptUnnamed')}
      </a>
      <button type="button" className="button button-secondary" disabled={busy} onClick={onUndo}>
        {t('candidates.ui.merge.undo')}
      </button>
    </div>
  );
}
