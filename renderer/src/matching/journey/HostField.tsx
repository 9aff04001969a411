import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useController, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { EmployerSummary } from '../../../../shared/employers';
import { call } from '../../api/client';
import { Field } from '../../ui/Field';

const DEBOUNCE_MS = 250;
const MAX_SHOWN = 5;

/** The part of a placement's or recruitment's form that says where it happens. */
interface HostValues {
  employerId: string | null;
  organisation: string | null | undefined;
}

interface HostFieldProps {
  /** The form's control ids start with it (`placement-employerId`). */
  inputId(path: string): string;
  /** The chosen employer's name, when the form opens on one (editing, or filled from a presentation). */
  employerName: string | null;
  label: string;
  hint: string;
  error: string | undefined;
  required?: boolean;
}

/**
 * One of our employers, found by typing part of its name, or else the name of another
 * organisation (a temp agency, a training body) kept as typed. Choosing an employer links the
 * record to its page; "Change" goes back to typing.
 */
export function HostField({ inputId, employerName, label, hint, error, required = false }: HostFieldProps) {
  const { t } = useTranslation();
  const { control, register, watch, setValue } = useFormContext<HostValues>();
  const { field: employerField } = useController({ control, name: 'employerId' });
  const [chosenName, setChosenName] = useState(employerName);
  const typed = watch('organisation') ?? '';
  const chosen = employerField.value !== null;
  const suggestions = useEmployerSuggestions(typed, !chosen);
  const listRef = useRef<HTMLUListElement>(null);
  const id = inputId('employerId');
  const organisation = register('organisation');

  useEffect(() => setChosenName(employerName), [employerName]);

  function choose(employer: EmployerSummary) {
    employerField.onChange(employer.id);
    setChosenName(employer.name);
    setValue('organisation', '', { shouldDirty: true });
  }

  function change() {
    employerField.onChange(null);
    setValue('organisation', chosenName ?? '', { shouldDirty: true });
    requestAnimationFrame(() => document.getElementById(id)?.focus());
  }

  function moveInList(event: KeyboardEvent<HTMLElement>) {
    const buttons = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'ArrowDown') buttons[Math.min(index + 1, buttons.length - 1)]?.focus();
    else if (event.key === 'ArrowUp') (index <= 0 ? document.getElementById(id) : buttons[index - 1])?.focus();
    else if (event.key === 'Escape') document.getElementById(id)?.focus();
    else return;
    event.preventDefault();
  }

  return (
    <Field id={id} label={label} hint={hint} error={error} required={required} wide>
      {(a11y) =>
        chosen ? (
          <div className="host-chosen" data-testid="host-chosen">
            <span className="strong">{chosenName ?? t('matching.ui.journey.host.unnamed')}</span>
            <span className="muted">{t('matching.ui.journey.host.ourEmployer')}</span>
            <button
              ref={employerField.ref}
              id={a11y.id}
              type="button"
              className="button button-link"
              aria-describedby={a11y['aria-describedby']}
              onClick={change}
            >
              {t('matching.ui.journey.host.change')}
            </button>
          </div>
        ) : (
          <div className="host-search">
            <input
              type="text"
              autoComplete="off"
              maxLength={200}
              placeholder={t('matching.ui.journey.host.placeholder')}
              {...a11y}
              {...organisation}
              onKeyDown={moveInList}
              ref={(element) => {
                organisation.ref(element);
                employerField.ref(element);
              }}
            />
            {suggestions.length > 0 && (
              <ul ref={listRef} className="host-suggestions" aria-label={t('matching.ui.journey.host.suggestions')}>
                {suggestions.map((employer) => (
                  <li key={employer.id}>
                    <button type="button" className="host-suggestion" onClick={() => choose(employer)} onKeyDown={moveInList}>
                      <span className="strong">{employer.name}</span>
                      {employer.commune && <span className="muted">{employer.commune}</span>}
                      <span className="host-pick">{t('matching.ui.journey.host.pick')}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )
      }
    </Field>
  );
}

/** Our employers whose name (or SIRET, commune) matches what is typed, after a pause in typing. */
function useEmployerSuggestions(typed: string, enabled: boolean): EmployerSummary[] {
  const [found, setFound] = useState<EmployerSummary[]>([]);
  const query = typed.trim();
  useEffect(() => {
    if (!enabled || query.length < 2) {
      setFound([]);
      return;
    }
    let current = true;
    const timer = setTimeout(async () => {
      const result = await call('employers.list', { query, limit: MAX_SHOWN });
      if (current) setFound(result.ok ? result.value.items : []);
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, enabled]);
  return found;
}
