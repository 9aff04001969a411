import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KEEP_REASONS, type KeepReason, type RetentionDueItem } from '../../../shared/retention';
import { call } from '../api/client';
import { formatDate } from '../app/format';
import { useNotices } from '../app/notices';
import { routeToHash } from '../app/routes';
import { EraseDialog } from '../candidates/EraseDialog';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ErrorAlert } from '../ui/ErrorAlert';
import { fullName } from '../ui/names';
import { useApiValue } from '../ui/useApiValue';
import { formatCount } from './format';
import { today } from '../../../shared/validation';
import { ChoiceSelect } from '../ui/ChoiceSelect';

/** How many files the card shows; the others wait for these to be decided. */
const SHOWN = 5;
const INPUT = { limit: SHOWN };

/**
 * Files near the end of their retention period (shared/retention.ts), for an administrator to
 * decide on each: keep one more period (with a reason), anonymise, or erase. With no decision by
 * the date, the next start anonymises the file.
 */
export function RetentionCard() {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const { state, reload } = useApiValue('retention.due', INPUT);
  if (state.status === 'loading') return null;
  if (state.status === 'error') return <ErrorAlert messageKey={state.messageKey} />;
  const { items, total, candidateDays } = state.value;
  return (
    <section className="card due-card retention-card" aria-labelledby={titleId} data-testid="due-retention">
      <h2 id={titleId} className="due-title">
        <span>{t('retention.ui.card.title')}</span>
        <span className={total > 0 ? 'due-count' : 'due-count due-count-none'}>{formatCount(total, i18n.language)}</span>
      </h2>
      <p className="due-note muted">{t('retention.ui.card.explain', { days: formatCount(candidateDays, i18n.language) })}</p>
      {total === 0 ? (
        <p className="due-empty">{t('retention.ui.card.empty')}</p>
      ) : (
        <ul className="due-list">
          {items.map((item) => (
            <RetentionItem key={item.candidateId} item={item} candidateDays={candidateDays} onDecided={reload} />
          ))}
        </ul>
      )}
      {total > items.length && <p className="due-note muted">{t('retention.ui.card.more', { count: total - items.length })}</p>}
    </section>
  );
}

function RetentionItem({ item, candidateDays, onDecided }: { item: RetentionDueItem; candidateDays: number; onDecided(): void }) {
  const { t, i18n } = useTranslation();
  const showNotice = useNotices((store) => store.showNotice);
  const [mode, setMode] = useState<'idle' | 'keep' | 'anonymise' | 'erase'>('idle');
  const [reason, setReason] = useState<KeepReason>('supportOngoing');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reasonId = useId();
  const late = item.dueOn <= today();
  const name = fullName(item);

  async function keep() {
    setBusy(true);
    const result = await call('retention.keep', { candidateId: item.candidateId, reason });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    showNotice('retention.ui.card.kept');
    onDecided();
  }

  async function anonymise() {
    setBusy(true);
    const result = await call('retention.anonymise', { candidateId: item.candidateId });
    setBusy(false);
    setMode('idle');
    if (!result.ok) return setError(result.error.message);
    showNotice('retention.ui.card.anonymised');
    onDecided();
  }

  return (
    <li className="retention-item">
      <a className="due-item" href={routeToHash({ section: 'candidates', id: item.candidateId })}>
        <span className="due-name">{name}</span>
        <span className="due-detail">{t('retention.ui.card.lastContact', { date: formatDate(item.lastContactOn, i18n.language, 'long') })}</span>
        <span className={late ? 'due-when due-late' : 'due-when'}>
          {t(late ? 'retention.ui.card.overdue' : 'retention.ui.card.dueOn', { date: formatDate(item.dueOn, i18n.language, 'long') })}
        </span>
      </a>
      {mode === 'keep' ? (
        <div className="retention-keep">
          <ChoiceSelect
            id={reasonId}
            label={t('retention.ui.card.reason')}
            choices={KEEP_REASONS}
            value={reason}
            onChange={setReason}
            choiceLabel={(value) => t(`retention.values.keepReasons.${value}`)}
          />
          <div className="retention-actions">
            <button type="button" className="button button-primary button-small" disabled={busy} onClick={() => void keep()}>
              {t('retention.ui.card.confirmKeep', { days: formatCount(candidateDays, i18n.language) })}
            </button>
            <button type="button" className="button button-secondary button-small" disabled={busy} onClick={() => setMode('idle')}>
              {t('retention.ui.card.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="retention-actions">
          <button type="button" className="button button-secondary button-small" disabled={busy} onClick={() => setMode('keep')}>
            {t('retention.ui.card.keep')}
          </button>
          <button type="button" className="button button-secondary button-small" disabled={busy} onClick={() => setMode('anonymise')}>
            {t('retention.ui.card.anonymise')}
          </button>
          <button type="button" className="button button-quiet button-small" disabled={busy} onClick={() => setMode('erase')}>
            {t('retention.ui.card.erase')}
          </button>
        </div>
      )}
      <ErrorAlert messageKey={error} />
      {mode === 'anonymise' && (
        <ConfirmDialog
          title={t('retention.ui.card.anonymiseTitle', { name })}
          text={t('retention.ui.card.anonymiseWhat')}
          confirmLabel={t('retention.ui.card.anonymise')}
          cancelLabel={t('retention.ui.card.cancel')}
          busy={busy}
          onConfirm={() => void anonymise()}
          onCancel={() => setMode('idle')}
        />
      )}
      {mode === 'erase' && (
        <EraseDialog
          candidate={{ id: item.candidateId, firstName: item.firstName, lastName: item.lastName }}
          onErased={() => {
            setMode('idle');
            showNotice('retention.ui.card.erased');
            onDecided();
          }}
          onClose={() => setMode('idle')}
        />
      )}
    </li>
  );
}
