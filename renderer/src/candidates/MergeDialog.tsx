import type { TFunction } from 'i18next';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Barrier, Candidate, CandidateSummary } from '../../../shared/candidates';
import { MAX_PHONES, MERGE_GROUPS, type MergeChoices, type MergeGroup, type MergeSide, mergePlan } from '../../../shared/merge';
import { countryName } from '../../../shared/reference';
import { call } from '../api/client';
import { formatDate } from '../app/format';
import { formatPhone } from '../app/phone';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useApiValue } from '../ui/useApiValue';
import { fullName } from '../ui/names';
import { type Option, usePartnerOptions } from '../ui/options';
import { usePairOptions, useVolunteerOptions } from './options';
import { CANDIDATE_DATE_FIELDS, CANDIDATE_VALUE_PREFIXES } from '../ui/candidateValues';
import { useModal } from '../ui/useModal';
import './merge.css';

interface MergeDialogProps {
  /** The file on screen: it is kept. */
  keep: Candidate;
  /** The other file: its history and details move to the kept one, and it is archived. */
  other: CandidateSummary;
  onMerged(kept: Candidate): void;
  onClose(): void;
}

/**
 * Says plainly what a merge does before doing it, and shows field by field which value is
 * kept where the two files differ (the most recent unless the person chooses). The merge is
 * logged by the server and can be undone.
 */
export function MergeDialog({ keep, other, onMerged, onClose }: MergeDialogProps) {
  const { t } = useTranslation();
  const cancelRef = useRef<HTMLButtonElement>(null);
  // The safe way out first: the merge is one deliberate click away, never one Enter.
  const ref = useModal(cancelRef);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { state } = useApiValue('candidates.get', { id: other.id });
  /** What the person ticked; nothing ticked means the defaults. */
  const choices = useRef<MergeChoices>({ fields: {}, barriers: {} });
  const remember = useCallback((chosen: MergeChoices) => {
    choices.current = chosen;
  }, []);

  async function merge() {
    setBusy(true);
    setError(null);
    const result = await call('candidates.merge', { keepId: keep.id, mergeId: other.id, choices: choices.current });
    setBusy(false);
    if (!result.ok) {
      setError(Object.values(result.error.fields ?? {})[0] ?? result.error.message);
      return;
    }
    onMerged(result.value);
  }

  const names = { kept: fullName(keep), other: fullName(other) };
  return (
    // Escape closes it like Cancel.
    <dialog ref={ref} className="dialog dialog-merge" aria-labelledby="merge-title" aria-describedby="merge-what" onCancel={onClose}>
      <h2 id="merge-title">{t('candidates.ui.merge.title', names)}</h2>
      <div id="merge-what" className="dialog-body">
        <p>{t('candidates.ui.merge.intro', names)}</p>
        <ul className="merge-effects">
          <li>{t('candidates.ui.merge.effects.kept', names)}</li>
          <li>{t('candidates.ui.merge.effects.moved', names)}</li>
          <li>{t('candidates.ui.merge.effects.filled', names)}</li>
          <li>{t('candidates.ui.merge.effects.archived', names)}</li>
          <li>{t('candidates.ui.merge.effects.consent', names)}</li>
        </ul>
        <p className="muted">{t('candidates.ui.merge.logged')}</p>
      </div>
      {state.status === 'ready' ? (
        <MergeChoicesForm
          keep={keep}
          other={state.value}
          onChange={remember}
        />
      ) : (
        <ErrorAlert messageKey={state.status === 'error' ? state.messageKey : null} />
      )}
      <ErrorAlert messageKey={error} />
      <div className="dialog-buttons">
        {/* Not a form's submit button: Enter on a choice never merges. */}
        <button type="button" className="button button-primary" disabled={busy || state.status !== 'ready'} onClick={() => void merge()}>
          {t('candidates.ui.merge.confirm')}
        </button>
        <button ref={cancelRef} type="button" className="button button-secondary" disabled={busy} onClick={onClose}>
          {t('candidates.ui.merge.cancel')}
        </button>
      </div>
    </dialog>
  );
}

interface ChoicesProps {
  keep: Candidate;
  other: Candidate;
  onChange(choices: MergeChoices): void;
}

/** The differences, one row each: what this file says, what the other says, and which is kept. */
function MergeChoicesForm({ keep, other, onChange }: ChoicesProps) {
  const { t } = useTranslation();
  const plan = useMemo(() => mergePlan(keep, other), [keep, other]);
  const [fields, setFields] = useState<Partial<Record<MergeGroup, MergeSide>>>({});
  const [barriers, setBarriers] = useState<MergeChoices['barriers']>({});
  const [phones, setPhones] = useState(plan.phones.kept);
  const show = useValueFormatter();
  const files = { keep, other };

  useEffect(() => {
    onChange({ fields, barriers, ...(phones.length > 0 ? { phones } : {}) });
  }, [fields, barriers, phones, onChange]);

  function togglePhone(phone: string) {
    // Kept in the order offered (the most recent file's first): the first is the main number.
    setPhones((current) => plan.phones.options.filter((option) => (option === phone ? !current.includes(phone) : current.includes(option))));
  }

  const nothing = plan.fields.length === 0 && plan.barriers.length === 0 && plan.phones.options.length <= 1 && !plan.consent.differs;
  return (
    <div className="merge-choices">
      {nothing ? (
        <p>{t('candidates.ui.merge.noDifference')}</p>
      ) : (
        <table className="merge-table">
          <caption>{t('candidates.ui.merge.differences')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('candidates.ui.merge.field')}</th>
              <th scope="col">{t('candidates.ui.merge.thisFile', { name: fullName(keep) })}</th>
              <th scope="col">{t('candidates.ui.merge.otherFile', { name: fullName(other) })}</th>
            </tr>
          </thead>
          <tbody>
            {plan.fields.map((row) => (
              <ChoiceRow
                key={row.key}
                name={`merge-${row.key}`}
                label={t(`candidates.ui.merge.groups.${row.key}`)}
                values={{ keep: show.group(row.key, keep), other: show.group(row.key, other) }}
                kept={fields[row.key] ?? row.default}
                choosable={row.choosable}
                onChoose={(side) => setFields((current) => ({ ...current, [row.key]: side }))}
              />
            ))}
            {plan.barriers.map((row) => {
              const of = (candidate: Candidate) => candidate.barriers.find((barrier) => barrier.theme === row.key);
              return (
                <ChoiceRow
                  key={row.key}
                  name={`merge-barrier-${row.key}`}
                  label={t('candidates.ui.merge.barrier', { theme: t(`candidates.values.barrierThemes.${row.key}`) })}
                  values={{ keep: show.barrier(of(keep)), other: show.barrier(of(other)) }}
                  kept={barriers[row.key] ?? row.default}
                  choosable={row.choosable}
                  onChoose={(side) => setBarriers((current) => ({ ...current, [row.key]: side }))}
                />
              );
            })}
            {plan.consent.differs && (
              <ChoiceRow
                name="merge-consent"
                label={t('candidates.ui.merge.groups.consent')}
                values={{ keep: show.consent(keep), other: show.consent(other) }}
                kept={plan.consent.side}
                choosable={false}
                onChoose={() => undefined}
              />
            )}
          </tbody>
        </table>
      )}
      {plan.phones.options.length > 1 && (
        <fieldset className="merge-phones">
          <legend>{t('candidates.ui.merge.phones', { count: MAX_PHONES })}</legend>
          {plan.phones.options.map((phone) => {
            const checked = phones.includes(phone);
            const from = (['keep', 'other'] as const).filter((side) => [files[side].phone, files[side].secondPhone].includes(phone));
            return (
              <label key={phone} className="merge-phone">
                <input
                  type="checkbox"
                  checked={checked}
                  // At least one number, at most two.
                  disabled={checked ? phones.length === 1 : phones.length >= MAX_PHONES}
                  onChange={() => togglePhone(phone)}
                />
                <span>
                  {formatPhone(phone)} <span className="muted">({from.map((side) => fullName(files[side])).join(', ')})</span>
                </span>
                {phones[0] === phone && <span className="tag">{t('candidates.ui.merge.mainPhone')}</span>}
              </label>
            );
          })}
        </fieldset>
      )}
    </div>
  );
}

interface ChoiceRowProps {
  name: string;
  label: string;
  values: Record<MergeSide, string>;
  kept: MergeSide;
  choosable: boolean;
  onChoose(side: MergeSide): void;
}

function ChoiceRow({ name, label, values, kept, choosable, onChoose }: ChoiceRowProps) {
  const { t } = useTranslation();
  return (
    <tr>
      <th scope="row">{label}</th>
      {(['keep', 'other'] as const).map((side) => {
        const text = (
          <span>
            {values[side] || t('candidates.ui.merge.empty')}
            {kept === side && values[side] !== '' && <span className="tag">{t('candidates.ui.merge.kept')}</span>}
          </span>
        );
        return (
          <td key={side} className={kept === side ? 'merge-kept' : 'merge-dropped'}>
            {choosable ? (
              <label className="merge-option">
                <input type="radio" name={name} checked={kept === side} onChange={() => onChoose(side)} />
                {text}
              </label>
            ) : (
              text
            )}
          </td>
        );
      })}
    </tr>
  );
}

/** Field labels (`candidates.fields.*`) of the fields that link to another record. */
const LINK_LABELS: Partial<Record<keyof Candidate, string>> = {
  referralPartnerId: 'referralPartner',
  assignedPairId: 'assignedPair',
  assignedVolunteerId: 'assignedVolunteer',
};

/** A file's values in words, in the interface language: a group's first value alone, the others with their label. */
function useValueFormatter() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const linked: Record<string, Option[]> = { referralPartnerId: usePartnerOptions(), assignedPairId: usePairOptions(), assignedVolunteerId: useVolunteerOptions() };
  const date = (value: string) => formatDate(value, language);

  function value(field: keyof Candidate, raw: unknown): string {
    if (raw === null || raw === false || raw === '') return '';
    if (raw === true) return t(`candidates.ui.fields.${field}`);
    if (CANDIDATE_DATE_FIELDS.has(field)) return date(String(raw));
    const prefix = CANDIDATE_VALUE_PREFIXES[field];
    if (prefix) return t(`${prefix}.${String(raw)}`);
    if (field === 'nationality') return countryName(String(raw), language);
    if (field in linked) return linked[field]?.find((option) => option.value === raw)?.label ?? '…';
    return String(raw);
  }

  return {
    group(group: MergeGroup, candidate: Candidate): string {
      return MERGE_GROUPS[group]
        .flatMap((field, index) => {
          const text = value(field, candidate[field]);
          if (text === '') return [];
          const label = LINK_LABELS[field] ?? field;
          return [index === 0 || typeof candidate[field] === 'boolean' ? text : labelled(t, `candidates.ui.fields.${label}`, text)];
        })
        .join(' · ');
    },
    barrier(barrier: Barrier | undefined): string {
      if (!barrier) return '';
      return [t(`candidates.values.barrierStatuses.${barrier.status}`), barrier.changedOn && date(barrier.changedOn), barrier.action].filter(Boolean).join(' · ');
    },
    consent(candidate: Candidate): string {
      const given = [
        candidate.consentRecording && t('candidates.ui.merge.consent.recording'),
        candidate.consentContact && t('candidates.ui.merge.consent.contact'),
        candidate.sharingPartnerIds.length > 0 && t('candidates.ui.merge.consent.sharing', { count: candidate.sharingPartnerIds.length }),
      ].filter(Boolean);
      return [
        given.join(', '),
        candidate.consentDate && labelled(t, 'candidates.ui.fields.consentDate', date(candidate.consentDate)),
        candidate.consentWithdrawnOn && labelled(t, 'candidates.ui.fields.consentWithdrawnOn', date(candidate.consentWithdrawnOn)),
      ]
        .filter(Boolean)
        .join(' · ');
    },
  };
}

function labelled(t: TFunction, labelKey: string, value: string): string {
  return t('candidates.ui.merge.labelled', { label: t(labelKey), value });
}
