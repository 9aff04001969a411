import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Candidate } from '../../../shared/candidates';
import { RIGHTS_REQUESTERS, RIGHTS_REQUEST_CHANNELS, RIGHTS_REQUEST_KINDS, type RightsRequest } from '../../../shared/rights';
import { call } from '../api/client';
import { DateInput } from '../ui/DateInput';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Field } from '../ui/Field';
import { fullName } from '../ui/names';
import { useModal } from '../ui/useModal';
import { today } from '../../../shared/validation';
import { ChoiceSelect } from '../ui/ChoiceSelect';

interface RightsRequestDialogProps {
  candidate: Candidate;
  onSaved(request: RightsRequest): void;
  onClose(): void;
}

/** A person's request about their data, in the register: what, when it came, how and from whom. */
export function RightsRequestDialog({ candidate, onSaved, onClose }: RightsRequestDialogProps) {
  const { t } = useTranslation();
  const ref = useModal();
  const [kind, setKind] = useState<RightsRequest['kind']>('access');
  const [receivedOn, setReceivedOn] = useState(today);
  const [channel, setChannel] = useState<RightsRequest['channel']>('inPerson');
  const [requester, setRequester] = useState<RightsRequest['requester']>('person');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await call('rights.recordRequest', { candidateId: candidate.id, kind, receivedOn, channel, requester });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      setFields(result.error.fields ?? {});
      return;
    }
    onSaved(result.value);
  }

  const fieldError = (name: string) => (fields[name] ? t(fields[name]) : undefined);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="rights-request-title" onCancel={onClose} data-testid="rights-request-dialog">
      <form noValidate onSubmit={(event) => void save(event)}>
        <h2 id="rights-request-title">{t('rights.ui.requests.title', { name: fullName(candidate) })}</h2>
        <div className="dialog-body">
          <p className="muted">{t('rights.ui.requests.intro')}</p>
          <ChoiceSelect
            id="rights-request-kind"
            label={t('rights.ui.requests.kind')}
            choices={RIGHTS_REQUEST_KINDS}
            value={kind}
            onChange={setKind}
            choiceLabel={(value) => t(`rights.values.kinds.${value}`)}
            error={fieldError('kind')}
          />
          <Field id="rights-request-received" label={t('rights.ui.requests.receivedOn')} error={fieldError('receivedOn')}>
            {(a11y) => <DateInput {...a11y} value={receivedOn} max={today()} onChange={(event) => setReceivedOn(event.target.value)} />}
          </Field>
          <ChoiceSelect
            id="rights-request-channel"
            label={t('rights.ui.requests.channel')}
            choices={RIGHTS_REQUEST_CHANNELS}
            value={channel}
            onChange={setChannel}
            choiceLabel={(value) => t(`rights.values.channels.${value}`)}
            error={fieldError('channel')}
          />
          <ChoiceSelect
            id="rights-request-requester"
            label={t('rights.ui.requests.requester')}
            choices={RIGHTS_REQUESTERS}
            value={requester}
            onChange={setRequester}
            choiceLabel={(value) => t(`rights.values.requesters.${value}`)}
            error={fieldError('requester')}
          />
        </div>
        <ErrorAlert messageKey={error} />
        <div className="dialog-buttons">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('rights.ui.requests.save')}
          </button>
          <button type="button" className="button button-secondary" disabled={busy} onClick={onClose}>
            {t('rights.ui.requests.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
