import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnerErasureRequest } from '../../../shared/rights';
import { call } from '../api/client';
import { formatDate } from '../app/format';
import { CheckIcon } from '../app/icons';
import { routeToHash } from '../app/routes';
import { useNotices } from '../app/notices';
import { useMay } from '../session/useMay';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useApiValue } from '../ui/useApiValue';
import { formatCount } from './format';
import './rights.css';
import { useAnswerRequest, useDeadlineText } from '../candidates/rightsRequests';

/** People's requests about their data still unanswered, the oldest first, with the days the law leaves. */
export function RightsRequestsCard() {
  const may = useMay('rights.listRequests');
  return may ? <OpenRequests /> : null;
}

function OpenRequests() {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const deadline = useDeadlineText();
  const { state, reload } = useApiValue('rights.listRequests', {});
  const { answered, error } = useAnswerRequest(reload);
  if (state.status !== 'ready') return null;
  const requests = state.value;

  return (
    <section className="card due-card" aria-labelledby={titleId} data-testid="rights-requests">
      <h2 id={titleId} className="due-title">
        <span>{t('rights.ui.requests.homeTitle')}</span>
        <span className={requests.length > 0 ? 'due-count' : 'due-count due-count-none'}>{formatCount(requests.length, i18n.language)}</span>
      </h2>
      {requests.length === 0 ? (
        <p className="due-empty">
          <CheckIcon />
          <span>
            <span className="strong">{t('dashboard.ui.nothingDue')}</span> {t('rights.ui.requests.homeIntro')}
          </span>
        </p>
      ) : (
        <ul className="due-list">
          {requests.map((request) => {
            const name = request.candidateName ?? t('rights.ui.requests.erasedPerson');
            return (
              <li key={request.id} className="rights-item">
                <a className="due-item" href={request.candidateName ? routeToHash({ section: 'candidates', id: request.candidateId }) : undefined}>
                  <span className="due-name">{name}</span>
                  <span className="due-detail">
                    {t(`rights.values.kinds.${request.kind}`)} — {t('rights.ui.requests.received', { date: formatDate(request.receivedOn, i18n.language) })}
                  </span>
                  <span className={request.late ? 'due-when due-late' : 'due-when'}>{deadline(request)}</span>
                </a>
                <button type="button" className="button button-quiet" aria-label={t('rights.ui.requests.markAnsweredLabel', { name })} onClick={() => void answered(request)}>
                  {t('rights.ui.requests.markAnswered')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <ErrorAlert messageKey={error} />
    </section>
  );
}

/** Partners' requests to erase someone, for the staffer to decide; shown only when there is one to decide. */
export function PartnerErasureCard() {
  const may = useMay('rights.partnerErasureRequests');
  return may ? <PartnerRequests /> : null;
}

function PartnerRequests() {
  const { t } = useTranslation();
  const titleId = useId();
  const { state, replace, reload } = useApiValue('rights.partnerErasureRequests', {});
  if (state.status !== 'ready') return null;
  const undecided = state.value.filter((request) => request.decision === null);
  if (undecided.length === 0) return null;
  return (
    <section className="card due-card partner-erasure-card" aria-labelledby={titleId} data-testid="partner-erasure-requests">
      <h2 id={titleId} className="due-title">
        <span>{t('rights.ui.partnerRequests.homeTitle')}</span>
        <span className="due-count">{undecided.length}</span>
      </h2>
      <ul className="due-list">
        {undecided.map((request) => (
          <PartnerRequestItem
            key={request.id}
            request={request}
            onDecided={(decided) => {
              replace(state.value.map((item) => (item.id === decided.id ? decided : item)));
              void reload();
            }}
          />
        ))}
      </ul>
    </section>
  );
}

function PartnerRequestItem({ request, onDecided }: { request: PartnerErasureRequest; onDecided(request: PartnerErasureRequest): void }) {
  const { t, i18n } = useTranslation();
  const showNotice = useNotices((state) => state.showNotice);
  const [declining, setDeclining] = useState(false);
  const [confirmingErase, setConfirmingErase] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const names = request.files.map((file) => file.name).join(', ');
  const reasonId = `decline-reason-${request.id}`;

  async function decide(decision: 'erase' | 'decline') {
    setBusy(true);
    const result = await call('rights.answerPartnerErasure', decision === 'erase' ? { id: request.id, decision } : { id: request.id, decision, reason });
    setBusy(false);
    setConfirmingErase(false);
    setError(result.ok ? null : (result.error.fields?.reason ?? result.error.message));
    if (!result.ok) return;
    showNotice(decision === 'erase' ? 'rights.ui.erased' : 'rights.ui.partnerRequests.declinedNotice');
    onDecided(result.value);
  }

  return (
    <li className="partner-request">
      <p className="partner-request-text">
        {request.files.length > 0 ? (
          <>
            {t('rights.ui.partnerRequests.asks', { partner: request.associationName, name: '' })}
            {request.files.map((file, index) => (
              <span key={file.id}>
                {index > 0 && ', '}
                <a href={routeToHash({ section: 'candidates', id: file.id })}>{file.name}</a>
              </span>
            ))}
          </>
        ) : (
          t('rights.ui.partnerRequests.noFile', { partner: request.associationName })
        )}
      </p>
      <p className="due-detail">{t('rights.ui.partnerRequests.erasedOn', { date: formatDate(request.erasedOn, i18n.language) })}</p>
      {declining ? (
        <div className="partner-request-decline">
          <label htmlFor={reasonId}>{t('rights.ui.partnerRequests.reason')}</label>
          <textarea id={reasonId} rows={2} maxLength={500} value={reason} onChange={(event) => setReason(event.target.value)} />
          <div className="partner-request-actions">
            <button type="button" className="button button-secondary" disabled={busy} onClick={() => void decide('decline')}>
              {t('rights.ui.partnerRequests.confirmDecline')}
            </button>
            <button type="button" className="button button-quiet" disabled={busy} onClick={() => setDeclining(false)}>
              {t('rights.ui.partnerRequests.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="partner-request-actions">
          {request.files.length > 0 && (
            <button type="button" className="button button-danger" disabled={busy} onClick={() => setConfirmingErase(true)}>
              {t('rights.ui.partnerRequests.erase')}
            </button>
          )}
          <button type="button" className="button button-secondary" disabled={busy} onClick={() => setDeclining(true)}>
            {t('rights.ui.partnerRequests.decline')}
          </button>
        </div>
      )}
      <ErrorAlert messageKey={error} />
      {confirmingErase && (
        <ConfirmDialog
          title={t('rights.ui.eraseTitle', { name: names })}
          text={t('rights.ui.eraseWhat')}
          confirmLabel={t('rights.ui.confirm')}
          cancelLabel={t('rights.ui.cancel')}
          busy={busy}
          onConfirm={() => void decide('erase')}
          onCancel={() => setConfirmingErase(false)}
        />
      )}
    </li>
  );
}
