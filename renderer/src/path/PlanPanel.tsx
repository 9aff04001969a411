import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Objective, OBJECTIVE_STATUSES, type ObjectiveStatus, type Plan, type PlanStep, RESPONSIBLES, type Responsible, STEP_KINDS, STEP_STATUSES, type StepKind, type StepStatus } from '../../../shared/plans';
import { call } from '../api/client';
import { formatDate } from '../app/format';
import { DateInput } from '../ui/DateInput';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useCurrentAuthor } from '../ui/currentAuthor';
import { AppointmentsPanel } from './AppointmentsPanel';
import { formatWhen, translatedFields, usePartnerChoices, useVolunteerChoices } from './labels';
import './path.css';
import { TableScroll } from '../ui/TableScroll';

/** "What is next" at the top of a person's file: the next appointments and steps, and a way to book one. */
export function NextUp({ plan, readOnly, onBook }: { plan: Plan | null; readOnly: boolean; onBook(): void }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="card next-up" aria-labelledby="next-up-title" data-testid="next-up">
      <h2 id="next-up-title">{t('plans.ui.next.title')}</h2>
      {plan && plan.next.length === 0 && <p className="muted">{t('plans.ui.next.none')}</p>}
      {plan && plan.next.length > 0 && (
        <ul className="next-up-list">
          {plan.next.map((item) => (
            <li key={`${item.kind}-${item.id}`}>
              <span className="path-when">{item.on ? formatWhen(item.on, i18n.language) : t('plans.ui.next.undated')}</span>
              <span className="strong">{item.kind === 'appointment' ? t(`appointments.values.kinds.${item.appointmentKind}`) : item.label}</span>
              {item.kind === 'appointment' && item.label && <span className="muted">{item.label}</span>}
              {item.kind === 'step' && <span className="muted">{t(`plans.values.stepKinds.${item.stepKind}`)}</span>}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <button type="button" className="button button-primary" onClick={onBook}>
          {t('plans.ui.next.book')}
        </button>
      )}
    </section>
  );
}

interface PlanPanelProps {
  candidateId: string;
  plan: Plan | null;
  readOnly: boolean;
  booking: boolean;
  onChanged(): void;
}

/** The person's path: diagnosis at entry beside now, objectives with their steps, barriers as steps, appointments. */
export function PlanPanel({ candidateId, plan, readOnly, booking, onChanged }: PlanPanelProps) {
  const { author } = useCurrentAuthor();
  const [error, setError] = useState<string | null>(null);

  async function recordDiagnosis() {
    const result = await call('plans.recordDiagnosis', { candidateId, author });
    setError(result.ok ? null : result.error.message);
    onChanged();
  }

  return (
    <div className="path-panel">
      <ErrorAlert messageKey={error} />
      {plan && <DiagnosisCard plan={plan} readOnly={readOnly} onRecord={() => void recordDiagnosis()} />}
      <AppointmentsPanel candidateId={candidateId} readOnly={readOnly} booking={booking} onChanged={onChanged} />
      {plan && <ObjectivesCard candidateId={candidateId} plan={plan} readOnly={readOnly} onChanged={onChanged} />}
      {plan && <BarrierStepsCard plan={plan} />}
      {plan && <StepHistory plan={plan} />}
    </div>
  );
}

function DiagnosisCard({ plan, readOnly, onRecord }: { plan: Plan; readOnly: boolean; onRecord(): void }) {
  const { t, i18n } = useTranslation();
  const themes = (list: readonly string[]) => (list.length === 0 ? t('plans.ui.diagnosis.noBarrier') : list.map((theme) => t(`candidates.values.barrierThemes.${theme}`)).join(', '));
  const level = (value: string) => t(`candidates.values.frenchLevelsShort.${value}`);
  return (
    <section className="card path-card" aria-labelledby="diagnosis-title">
      <h2 id="diagnosis-title">{t('plans.ui.diagnosis.title')}</h2>
      {plan.diagnosis ? (
        <TableScroll label={t('plans.ui.diagnosis.title')}>
          <table className="compact-table path-progress">
            <thead>
              <tr>
                <td />
                <th scope="col">{t('plans.ui.diagnosis.atEntry', { date: formatDate(plan.diagnosis.recordedOn, i18n.language) })}</th>
                <th scope="col">{t('plans.ui.diagnosis.now')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t('plans.ui.diagnosis.frenchLevel')}</th>
                <td>{level(plan.diagnosis.frenchLevel)}</td>
                <td className={plan.now.frenchLevel !== plan.diagnosis.frenchLevel ? 'strong' : undefined}>{level(plan.now.frenchLevel)}</td>
              </tr>
              <tr>
                <th scope="row">{t('plans.ui.diagnosis.barriers')}</th>
                <td>{themes(plan.diagnosis.openBarriers)}</td>
                <td>{themes(plan.now.openBarriers)}</td>
              </tr>
              <tr>
                <th scope="row">{t('plans.ui.diagnosis.project')}</th>
                <td colSpan={2}>{plan.diagnosis.project ?? t('plans.ui.diagnosis.noProject')}</td>
              </tr>
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p className="muted">
          {t('plans.ui.diagnosis.none')}{' '}
          {!readOnly && (
            <button type="button" className="button button-secondary" onClick={onRecord}>
              {t('plans.ui.diagnosis.record')}
            </button>
          )}
        </p>
      )}
      {plan.now.liftedSinceEntry.length > 0 && <p className="tag tag-ok">{t('plans.ui.diagnosis.lifted', { themes: themes(plan.now.liftedSinceEntry) })}</p>}
    </section>
  );
}

function ObjectivesCard({ candidateId, plan, readOnly, onChanged }: { candidateId: string; plan: Plan; readOnly: boolean; onChanged(): void }) {
  const { t } = useTranslation();
  const { author } = useCurrentAuthor();
  const [adding, setAdding] = useState(false);
  const [label, setLabel] = useState('');
  const [targetDate, setTargetDate] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function add(event: FormEvent) {
    event.preventDefault();
    const result = await call('plans.addObjective', { candidateId, label, targetDate, author });
    if (!result.ok) return setErrors(translatedFields(result.error.fields, t));
    setAdding(false);
    setLabel('');
    setTargetDate('');
    setErrors({});
    onChanged();
  }

  return (
    <section className="card path-card" aria-labelledby="objectives-title">
      <header className="path-card-header">
        <h2 id="objectives-title">{t('plans.ui.objectives.title')}</h2>
        {!readOnly && !adding && (
          <button type="button" className="button button-secondary" onClick={() => setAdding(true)}>
            {t('plans.ui.objectives.add')}
          </button>
        )}
      </header>
      {adding && (
        <form className="path-form" onSubmit={(event) => void add(event)} aria-label={t('plans.ui.objectives.add')}>
          <div className="path-form-grid">
            <label className="field field-wide">
              <span className="field-label">{t('plans.ui.objectives.label')}</span>
              {/* biome-ignore lint/a11y/noAutofocus: the form opens on the button's request, on its only text */}
              <input autoFocus value={label} onChange={(event) => setLabel(event.target.value)} placeholder={t('plans.ui.objectives.labelHint')} maxLength={200} aria-invalid={Boolean(errors.label)} />
              {errors.label && <span className="field-error">{errors.label}</span>}
            </label>
            <label className="field">
              <span className="field-label">{t('plans.ui.objectives.targetDate')}</span>
              <DateInput value={targetDate} onChange={(event) => setTargetDate(event.target.value)} />
              {errors.targetDate && <span className="field-error">{errors.targetDate}</span>}
            </label>
          </div>
          <div className="path-form-buttons">
            <button type="submit" className="button button-primary">
              {t('plans.ui.objectives.save')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setAdding(false)}>
              {t('plans.ui.objectives.cancel')}
            </button>
          </div>
        </form>
      )}
      {plan.objectives.length === 0 && !adding && <p className="muted">{t('plans.ui.objectives.none')}</p>}
      {plan.objectives.map((objective) => (
        <ObjectiveBlock key={objective.id} objective={objective} readOnly={readOnly} onChanged={onChanged} />
      ))}
    </section>
  );
}

function ObjectiveBlock({ objective, readOnly, onChanged }: { objective: Objective; readOnly: boolean; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const { author } = useCurrentAuthor();
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function setStatus(status: ObjectiveStatus) {
    const result = await call('plans.updateObjective', { id: objective.id, label: objective.label, targetDate: objective.targetDate, status, outcome: objective.outcome, author });
    setError(result.ok ? null : result.error.message);
    onChanged();
  }

  async function remove() {
    const result = await call('plans.removeObjective', { id: objective.id, author });
    setError(result.ok ? null : result.error.message);
    onChanged();
  }

  return (
    <article className="objective" aria-label={objective.label}>
      <header className="objective-header">
        <h3>{objective.label}</h3>
        {objective.targetDate && <span className="muted">{t('plans.ui.objectives.targetOn', { date: formatDate(objective.targetDate, i18n.language) })}</span>}
        {readOnly ? (
          <span className="tag">{t(`plans.values.objectiveStatuses.${objective.status}`)}</span>
        ) : (
          <select aria-label={t('plans.ui.objectives.status')} value={objective.status} onChange={(event) => void setStatus(event.target.value as ObjectiveStatus)}>
            {OBJECTIVE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`plans.values.objectiveStatuses.${status}`)}
              </option>
            ))}
          </select>
        )}
        {!readOnly && (
          <button type="button" className="button button-quiet" onClick={() => void remove()}>
            {t('plans.ui.objectives.remove')}
          </button>
        )}
      </header>
      <ErrorAlert messageKey={error} />
      {objective.steps.length === 0 ? (
        <p className="muted">{t('plans.ui.steps.none')}</p>
      ) : (
        <ol className="step-list">
          {objective.steps.map((step) => (
            <StepRow key={step.id} step={step} readOnly={readOnly} onChanged={onChanged} />
          ))}
        </ol>
      )}
      {!readOnly &&
        (adding ? (
          <StepForm
            objectiveId={objective.id}
            onDone={() => {
              setAdding(false);
              onChanged();
            }}
            onCancel={() => setAdding(false)}
          />
        ) : (
          <button type="button" className="button button-quiet" onClick={() => setAdding(true)}>
            + {t('plans.ui.steps.add')}
          </button>
        ))}
    </article>
  );
}

function responsibleName(step: PlanStep, t: (key: string) => string): string {
  if (step.responsible === 'volunteer') return step.volunteerName ?? t('plans.values.responsibles.volunteer');
  if (step.responsible === 'partner') return step.partnerName ?? t('plans.values.responsibles.partner');
  return t('plans.values.responsibles.person');
}

function StepRow({ step, readOnly, onChanged }: { step: PlanStep; readOnly: boolean; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const { author } = useCurrentAuthor();
  const [editing, setEditing] = useState(false);

  async function setStatus(status: StepStatus) {
    const { kind, label, dueOn, responsible, volunteerId, partnerId, outcome } = step;
    await call('plans.updateStep', { id: step.id, kind, label, dueOn, responsible, volunteerId, partnerId, status, outcome, author });
    onChanged();
  }

  if (editing)
    return (
      <li>
        <StepForm
          step={step}
          onDone={() => {
            setEditing(false);
            onChanged();
          }}
          onCancel={() => setEditing(false)}
        />
      </li>
    );
  return (
    <li className={`step step-${step.status}`}>
      <span className="path-when">{step.dueOn ? formatDate(step.dueOn, i18n.language) : t('plans.ui.next.undated')}</span>
      <span className="step-label">
        <span className="strong">{step.label}</span> <span className="muted">· {t(`plans.values.stepKinds.${step.kind}`)} · {responsibleName(step, t)}</span>
        {step.outcome && <span className="path-outcome">{step.outcome}</span>}
      </span>
      {readOnly ? (
        <span className="tag">{t(`plans.values.stepStatuses.${step.status}`)}</span>
      ) : (
        <span className="step-actions">
          <select aria-label={t('plans.ui.steps.status')} value={step.status} onChange={(event) => void setStatus(event.target.value as StepStatus)}>
            {STEP_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`plans.values.stepStatuses.${status}`)}
              </option>
            ))}
          </select>
          <button type="button" className="button button-quiet" onClick={() => setEditing(true)}>
            {t('plans.ui.steps.edit')}
          </button>
        </span>
      )}
    </li>
  );
}

function StepForm({ objectiveId, step, onDone, onCancel }: { objectiveId?: string; step?: PlanStep; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const { author } = useCurrentAuthor();
  const volunteers = useVolunteerChoices();
  const partners = usePartnerChoices();
  const [kind, setKind] = useState<StepKind>(step?.kind ?? 'french_course');
  const [label, setLabel] = useState(step?.label ?? '');
  const [dueOn, setDueOn] = useState(step?.dueOn ?? '');
  const [responsible, setResponsible] = useState<Responsible>(step?.responsible ?? 'person');
  const [volunteerId, setVolunteerId] = useState(step?.volunteerId ?? '');
  const [partnerId, setPartnerId] = useState(step?.partnerId ?? '');
  const [outcome, setOutcome] = useState(step?.outcome ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    const fields = {
      kind,
      label,
      dueOn,
      responsible,
      volunteerId: responsible === 'volunteer' ? volunteerId || null : null,
      partnerId: responsible === 'partner' ? partnerId || null : null,
      author,
    };
    const result = step
      ? await call('plans.updateStep', { id: step.id, ...fields, status: step.status, outcome })
      : await call('plans.addStep', { objectiveId: objectiveId ?? '', ...fields });
    if (result.ok) return onDone();
    setErrors(translatedFields(result.error.fields, t));
    setError(result.error.fields ? null : result.error.message);
  }

  const fieldError = (field: string) => (errors[field] ? <span className="field-error">{errors[field]}</span> : null);
  return (
    <form className="path-form step-form" onSubmit={(event) => void save(event)} aria-label={step ? t('plans.ui.steps.edit') : t('plans.ui.steps.add')}>
      <ErrorAlert messageKey={error} />
      <div className="path-form-grid">
        <label className="field">
          <span className="field-label">{t('plans.ui.steps.kind')}</span>
          <select value={kind} onChange={(event) => setKind(event.target.value as StepKind)}>
            {STEP_KINDS.map((value) => (
              <option key={value} value={value}>
                {t(`plans.values.stepKinds.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">{t('plans.ui.steps.dueOn')}</span>
          <DateInput value={dueOn} onChange={(event) => setDueOn(event.target.value)} />
          {fieldError('dueOn')}
        </label>
        <label className="field field-wide">
          <span className="field-label">{t('plans.ui.steps.label')}</span>
          <input value={label} onChange={(event) => setLabel(event.target.value)} placeholder={t('plans.ui.steps.labelHint')} maxLength={200} aria-invalid={Boolean(errors.label)} />
          {fieldError('label')}
        </label>
        <label className="field">
          <span className="field-label">{t('plans.ui.steps.responsible')}</span>
          <select value={responsible} onChange={(event) => setResponsible(event.target.value as Responsible)}>
            {RESPONSIBLES.map((value) => (
              <option key={value} value={value}>
                {t(`plans.values.responsibles.${value}`)}
              </option>
            ))}
          </select>
        </label>
        {responsible === 'volunteer' && (
          <label className="field">
            <span className="field-label">{t('plans.ui.steps.volunteer')}</span>
            <select value={volunteerId} onChange={(event) => setVolunteerId(event.target.value)} aria-invalid={Boolean(errors.volunteerId)}>
              <option value="">{t('plans.ui.steps.choose')}</option>
              {volunteers.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </select>
            {fieldError('volunteerId')}
          </label>
        )}
        {responsible === 'partner' && (
          <label className="field">
            <span className="field-label">{t('plans.ui.steps.partner')}</span>
            <select value={partnerId} onChange={(event) => setPartnerId(event.target.value)} aria-invalid={Boolean(errors.partnerId)}>
              <option value="">{t('plans.ui.steps.choose')}</option>
              {partners.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </select>
            {fieldError('partnerId')}
          </label>
        )}
        {step && (
          <label className="field field-wide">
            <span className="field-label">{t('plans.ui.steps.outcome')}</span>
            <textarea rows={2} value={outcome} onChange={(event) => setOutcome(event.target.value)} maxLength={1000} />
          </label>
        )}
      </div>
      <div className="path-form-buttons">
        <button type="submit" className="button button-primary">
          {t('plans.ui.objectives.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('plans.ui.objectives.cancel')}
        </button>
        {step && (
          <button
            type="button"
            className="button button-quiet"
            onClick={() => void call('plans.removeStep', { id: step.id, author }).then(onDone)}
          >
            {t('plans.ui.steps.remove')}
          </button>
        )}
      </div>
    </form>
  );
}

function BarrierStepsCard({ plan }: { plan: Plan }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="card path-card" aria-labelledby="barrier-steps-title">
      <h2 id="barrier-steps-title">{t('plans.ui.barriers.title')}</h2>
      <p className="muted">{t('plans.ui.barriers.intro')}</p>
      {plan.barrierSteps.length === 0 ? (
        <p className="muted">{t('plans.ui.barriers.none')}</p>
      ) : (
        <ul className="step-list">
          {plan.barrierSteps.map((barrier) => (
            <li key={barrier.theme} className={`step step-${barrier.status === 'lifted' ? 'done' : 'planned'}`}>
              <span className="path-when">{barrier.changedOn ? formatDate(barrier.changedOn, i18n.language) : ''}</span>
              <span className="step-label">
                <span className="strong">{t(`candidates.values.barrierThemes.${barrier.theme}`)}</span>{' '}
                <span className="muted">· {barrier.action ?? t('plans.ui.barriers.noAction')}</span>
              </span>
              <span className="step-actions">
                <span className={barrier.status === 'lifted' ? 'tag tag-ok' : 'tag'}>{t(`candidates.values.barrierStatuses.${barrier.status}`)}</span>
                <span className="muted">{t('plans.ui.barriers.changes', { count: barrier.history.length })}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function StepHistory({ plan }: { plan: Plan }) {
  const { t, i18n } = useTranslation();
  const labels = new Map(plan.objectives.flatMap((objective) => objective.steps.map((step) => [step.id, step.label] as const)));
  return (
    <details className="card path-card path-history">
      <summary>{t('plans.ui.history.title', { count: plan.history.length })}</summary>
      {plan.history.length === 0 ? (
        <p className="muted">{t('plans.ui.history.none')}</p>
      ) : (
        <ul className="timeline-list">
          {plan.history.map((event) => (
            <li key={event.id} className="timeline-item">
              <span className="timeline-meta">
                {formatDate(event.createdAt, i18n.language)} · {event.author ?? t('plans.ui.history.noAuthor')}
              </span>
              <span>
                {(event.changed?.label as string | undefined) ?? labels.get(event.stepId) ?? ''} — {t(`plans.values.stepChanges.${event.change}`)}
                {event.changed?.status ? ` (${t(`plans.values.stepStatuses.${event.changed.status}`)})` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
