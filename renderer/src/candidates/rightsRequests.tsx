import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RightsRequest } from '../../../shared/rights';
import { today } from '../../../shared/validation';
import { call } from '../api/client';
import { formatDate } from '../app/format';
import { useNotices } from '../app/notices';
import { useMay } from '../session/useMay';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useApiValue } from '../ui/useApiValue';

/** How long before the deadline a request reads as "due": the days left, or late (in red) once past. */
export function useDeadlineText() {
  const { t } = useTranslation();
  return (request: RightsRequest) =>
    request.late
      ? t('rights.ui.requests.late', { count: -request.daysLeft })
      : request.daysLeft === 0
        ? t('rights.ui.requests.dueToday')
        : t('rights.ui.requests.daysLeft', { count: request.daysLeft });
}

/** "Answered today" on a request: closes it, says so, and reloads the list it was in. */
export function useAnswerRequest(reload: () => Promise<void>) {
  const showNotice = useNotices((state) => state.showNotice);
  const [error, setError] = useState<string | null>(null);
  async function answered(request: RightsRequest) {
    const result = await call('rights.answerRequest', { id: request.id, answeredOn: today() });
    setError(result.ok ? null : result.error.message);
    if (result.ok) {
      showNotice('rights.ui.requests.answered');
      await reload();
    }
  }
  return { answered, error };
}

/**
 * One person's requests about their data, on their file: the open ones with the days the law
 * leaves, the answered ones with their date. Shown once there is one; `version` reloads it.
 */
export function FileRightsRequests({ candidateId, name, version }: { candidateId: string; name: string; version: number }) {
  const may = useMay('rights.listRequests');
  return may ? <RequestsOfPerson key={version} candidateId={candidateId} name={name} /> : null;
}

function RequestsOfPerson({ candidateId, name }: { candidateId: string; name: string }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const deadline = useDeadlineText();
  const { state, reload } = useApiValue('rights.listRequests', { candidateId });
  const { answered, error } = useAnswerRequest(reload);
  if (state.status !== 'ready' || state.value.length === 0) return null;
  return (
    <section className="card file-rights" aria-labelledby={titleId} data-testid="file-rights-requests">
      <h2 id={titleId} className="file-rights-title">
        {t('rights.ui.requests.fileTitle')}
      </h2>
      <ul className="file-rights-list">
        {state.value.map((request) => (
          <li key={request.id} className="file-rights-item">
            <span className="file-rights-text">
              {t(`rights.values.kinds.${request.kind}`)} — {t('rights.ui.requests.received', { date: formatDate(request.receivedOn, i18n.language) })}
            </span>
            {request.answeredOn ? (
              <span className="file-rights-when">{t('rights.ui.requests.answeredOn', { date: formatDate(request.answeredOn, i18n.language) })}</span>
            ) : (
              <>
                <span className={request.late ? 'file-rights-late' : 'file-rights-when'}>{deadline(request)}</span>
                <button type="button" className="button button-quiet" aria-label={t('rights.ui.requests.markAnsweredLabel', { name })} onClick={() => void answered(request)}>
                  {t('rights.ui.requests.markAnswered')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      <ErrorAlert messageKey={error} />
    </section>
  );
}
