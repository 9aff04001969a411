import type { TFunction } from 'i18next';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ARCHIVE_FILTERS } from '../../../shared/candidates';
import type { Sector } from '../../../shared/sectors';
import type { Pair } from '../../../shared/volunteers';
import { call } from '../api/client';
import { PlusIcon } from '../app/icons';
import { routeToHash } from '../app/routes';
import { useNotices } from '../app/notices';
import { useFocusOnMount } from '../app/useFocusOnMount';
import { ErrorAlert } from '../ui/ErrorAlert';
import { sectorLabel, useSectors } from '../ui/sectors';
import { SegmentedChoice } from '../ui/SegmentedChoice';
import { useApiValue } from '../ui/useApiValue';
import { type PairDraft, PairForm } from './PairForm';
import { VolunteerTabs } from './VolunteerTabs';
import { TableScroll } from '../ui/TableScroll';

type ArchiveFilter = (typeof ARCHIVE_FILTERS)[number];

/** One line of the overview: a scope (a sector or the agencies) and its pairs, maybe none. */
interface Group {
  key: string;
  label: string;
  kind: Pair['kind'];
  sector: Sector | null;
  pairs: Pair[];
}

/**
 * Every sector with its pairs, then the temp-work agencies: the staffer sees at a glance which
 * sectors have nobody. Archived pairs show only when asked for.
 */
function groupPairs(pairs: Pair[], sectors: Sector[], archived: ArchiveFilter, t: TFunction): Group[] {
  const groups: Group[] = sectors
    .filter((sector) => sector.archivedAt === null || pairs.some((pair) => pair.sector?.id === sector.id))
    .map((sector) => ({
      key: sector.id,
      label: sectorLabel(sector, t),
      kind: 'sector',
      sector,
      pairs: pairs.filter((pair) => pair.kind === 'sector' && pair.sector?.id === sector.id),
    }));
  groups.push({
    key: 'temp_agencies',
    label: t('volunteers.ui.pairs.tempAgencies'),
    kind: 'temp_agencies',
    sector: null,
    pairs: pairs.filter((pair) => pair.kind === 'temp_agencies'),
  });
  return archived === 'active' ? groups : groups.filter((group) => group.pairs.length > 0);
}

export function PairsScreen() {
  const { t } = useTranslation();
  const showNotice = useNotices((state) => state.showNotice);
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const [archived, setArchived] = useState<ArchiveFilter>('active');
  const [draft, setDraft] = useState<PairDraft | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const newButtonRef = useRef<HTMLButtonElement>(null);
  const { sectors } = useSectors(true);
  const { state, reload } = useApiValue('pairs.list', { archived });
  const { state: volunteersState } = useApiValue('volunteers.list', { active: 'yes', archived: 'active', limit: 500 });
  const volunteers = volunteersState.status === 'ready' ? volunteersState.value.items : [];

  /** The button that opened the form (New, or a pair's Edit): focus goes back to it. */
  const openerRef = useRef<HTMLElement | null>(null);

  function open(next: PairDraft) {
    setActionError(null);
    openerRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setDraft(next);
  }

  function close() {
    setDraft(null);
    const opener = openerRef.current;
    (opener?.isConnected ? opener : newButtonRef.current)?.focus();
  }

  async function onSaved(_pair: Pair, created: boolean) {
    showNotice(created ? 'volunteers.ui.pairs.created' : 'common.ui.notices.saved');
    close();
    await reload();
  }

  async function setPairArchived(pair: Pair, archive: boolean) {
    setActionError(null);
    const result = await call(archive ? 'pairs.archive' : 'pairs.restore', { id: pair.id });
    if (!result.ok) {
      setActionError(result.error.message);
      return;
    }
    showNotice(archive ? 'volunteers.ui.pairs.archived' : 'volunteers.ui.pairs.restored');
    await reload();
  }

  const groups = state.status === 'ready' ? groupPairs(state.value, sectors, archived, t) : [];

  return (
    <div className="screen">
      <header className="screen-header">
        <h1 ref={headingRef} tabIndex={-1}>
          {t('volunteers.ui.pairs.title')}
        </h1>
        <button
          ref={newButtonRef}
          type="button"
          className="button button-primary"
          onClick={() => open({ kind: 'sector', sectorId: null })}
        >
          <PlusIcon />
          <span>{t('volunteers.ui.pairs.new')}</span>
        </button>
      </header>
      <VolunteerTabs current="pairs" />

      {draft && (
        <PairForm
          key={'pair' in draft ? draft.pair.id : `${draft.kind}-${draft.sectorId}`}
          draft={draft}
          sectors={sectors}
          volunteers={volunteers}
          onSaved={(pair, created) => void onSaved(pair, created)}
          onCancel={close}
        />
      )}
      {volunteersState.status === 'ready' && volunteers.length < 2 && <p className="alert alert-info">{t('volunteers.ui.pairs.notEnough')}</p>}

      <div className="toolbar">
        <SegmentedChoice<ArchiveFilter>
          name="pair-archive-filter"
          legend={t('volunteers.ui.pairs.filterLabel')}
          options={ARCHIVE_FILTERS}
          value={archived}
          label={(option) => t(`volunteers.ui.pairs.filters.${option}`)}
          onChange={setArchived}
        />
        <p className="result-count">{t('volunteers.ui.pairs.intro')}</p>
      </div>

      <ErrorAlert messageKey={actionError} />
      <ErrorAlert messageKey={state.status === 'error' ? state.messageKey : null} />
      {state.status === 'ready' && groups.length === 0 && <p className="empty-line">{t(`volunteers.ui.pairs.empty.${archived}`)}</p>}
      {groups.length > 0 && (
        <TableScroll>
          <table className="data-table pairs-table">
            <caption className="visually-hidden">{t('volunteers.ui.pairs.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('volunteers.ui.pairs.columns.scope')}</th>
                <th scope="col">{t('volunteers.ui.pairs.columns.volunteers')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('volunteers.ui.pairs.columns.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {groups.flatMap((group) =>
                group.pairs.length === 0
                  ? [
                      <tr key={group.key} className="pair-missing">
                        <th scope="row">{group.label}</th>
                        <td className="muted">{t('volunteers.ui.pairs.none')}</td>
                        <td className="cell-action">
                          <button
                            type="button"
                            className="button button-quiet"
                            aria-label={t('volunteers.ui.pairs.createForLabel', { scope: group.label })}
                            onClick={() => open({ kind: group.kind, sectorId: group.sector?.id ?? null })}
                          >
                            {t('volunteers.ui.pairs.createFor')}
                          </button>
                        </td>
                      </tr>,
                    ]
                  : group.pairs.map((pair) => <PairRow key={pair.id} pair={pair} scope={group.label} onEdit={() => open({ pair })} onArchive={setPairArchived} />),
              )}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}

interface PairRowProps {
  pair: Pair;
  scope: string;
  onEdit(): void;
  onArchive(pair: Pair, archive: boolean): Promise<void>;
}

function PairRow({ pair, scope, onEdit, onArchive }: PairRowProps) {
  const { t } = useTranslation();
  const members = [pair.firstVolunteer, pair.secondVolunteer];
  const names = members.map((member) => `${member.firstName} ${member.lastName}`).join(' · ');
  return (
    <tr data-testid="pair-row">
      <th scope="row">
        {scope}
        {pair.archivedAt && <span className="tag">{t('volunteers.ui.pairs.archivedTag')}</span>}
      </th>
      <td>
        <span className="pair-members">
          {members.map((member) => (
            <a key={member.id} href={routeToHash({ section: 'volunteers', id: member.id })}>
              {member.firstName} {member.lastName}
              {(!member.active || member.archivedAt) && <span className="tag tag-muted">{t('volunteers.ui.status.inactive')}</span>}
            </a>
          ))}
        </span>
      </td>
      <td className="cell-action">
        {pair.archivedAt === null && (
          <button type="button" className="button button-quiet" aria-label={t('volunteers.ui.pairs.editLabel', { scope, names })} onClick={onEdit}>
            {t('volunteers.ui.pairs.edit')}
          </button>
        )}
        <button
          type="button"
          className="button button-quiet"
          aria-label={t(pair.archivedAt ? 'volunteers.ui.pairs.restoreLabel' : 'volunteers.ui.pairs.archiveLabel', { scope, names })}
          onClick={() => void onArchive(pair, pair.archivedAt === null)}
        >
          {t(pair.archivedAt ? 'volunteers.ui.pairs.restore' : 'volunteers.ui.pairs.archive')}
        </button>
      </td>
    </tr>
  );
}
