import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ARCHIVE_FILTERS } from '../../../shared/candidates';
import type { SessionSummary } from '../../../shared/sessions';
import { PlusIcon, SectionIcon } from '../app/icons';
import { useNavigation } from '../app/navigation';
import { useFocusOnMount } from '../app/useFocusOnMount';
import { EmptyState } from '../ui/EmptyState';
import { RecordListBody } from '../ui/RecordListBody';
import { SegmentedChoice } from '../ui/SegmentedChoice';
import { useRecordList } from '../ui/useRecordList';
import { type Column, VirtualTable } from '../ui/VirtualTable';
import { formatDay } from './format';
import { routeToHash } from '../app/routes';
import { useMay } from '../session/useMay';

type ArchiveFilter = (typeof ARCHIVE_FILTERS)[number];

/** The drop-in sessions, newest first. */
export function SessionListScreen() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigation((state) => state.navigate);
  const [archived, setArchived] = useState<ArchiveFilter>('active');
  const list = useRecordList('sessions.list', { archived });
  // Opening a session (or the next one) is what people come here for.
  const newRef = useFocusOnMount<HTMLButtonElement>();

  const columns: Column<SessionSummary>[] = [
    {
      key: 'date',
      header: t('sessions.ui.fields.date'),
      width: 'minmax(230px, 2fr)',
      rowHeader: true,
      render: (session) => (
        <a href={routeToHash({ section: 'sessions', id: session.id })}>
          <span className="strong first-letter-upper">{formatDay(session.date, i18n.language)}</span>
        </a>
      ),
    },
    { key: 'place', header: t('sessions.ui.fields.place'), width: 'minmax(180px, 2fr)', render: (session) => session.place },
    {
      key: 'visits',
      header: t('sessions.ui.list.visits'),
      width: '170px',
      render: (session) => <span className="number">{session.visitCount}</span>,
    },
    {
      key: 'volunteers',
      header: t('sessions.ui.list.volunteers'),
      width: '170px',
      render: (session) => (
        <>
          <span className="number">{session.volunteerCount}</span>
          {session.archivedAt && <span className="tag">{t('sessions.ui.record.archivedTag')}</span>}
        </>
      ),
    },
  ];

  const mayCreate = useMay('sessions.create');
  return (
    <div className="screen">
      <header className="screen-header">
        <h1>{t('sessions.ui.list.title')}</h1>
        {mayCreate && (
          <button ref={newRef} type="button" className="button button-primary" onClick={() => navigate({ section: 'sessions', id: 'new' })}>
            <PlusIcon />
            <span>{t('sessions.ui.new')}</span>
          </button>
        )}
      </header>

      <div className="toolbar">
        <SegmentedChoice<ArchiveFilter>
          name="session-archive-filter"
          legend={t('sessions.ui.list.filterLabel')}
          options={ARCHIVE_FILTERS}
          value={archived}
          label={(option) => t(`sessions.ui.list.filters.${option}`)}
          onChange={setArchived}
        />
        <p className="result-count" aria-live="polite" data-testid="session-count">
          {list.status === 'ready' &&
            list.total > 0 &&
            t(list.total === 1 ? 'sessions.ui.list.countOne' : 'sessions.ui.list.countMany', { count: list.total })}
        </p>
      </div>

      <RecordListBody
        list={list}
        empty={
          <EmptyState icon={<SectionIcon section="sessions" />} title={t(`sessions.ui.list.empty.${archived}.title`)}>
            <p>{t(`sessions.ui.list.empty.${archived}.body`)}</p>
          </EmptyState>
        }
      >
        <VirtualTable
          list={list}
          columns={columns}
          caption={t('sessions.ui.list.caption')}
          rowKey={(session) => session.id}
          onOpen={(session) => navigate({ section: 'sessions', id: session.id })}
          testId="session-row"
        />
      </RecordListBody>
    </div>
  );
}
