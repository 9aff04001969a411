import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type Candidate, type DuplicateCandidate, candidateFieldsSchema } from '../../../shared/candidates';
import { parseOptions } from '../../../shared/validation';
import { call } from '../api/client';
import { FormActions } from '../ui/FormActions';
import { showServerError } from '../ui/serverErrors';
import { DuplicatesPanel } from './DuplicatesPanel';
import { AuthorisationDocumentField, CommonInputField, FrenchLevelField } from './commonFields';
import { type DuplicateProbe, findDuplicates, probeKey } from './duplicates';
import { type FormControls, inputId } from './fields';
import { useLeaveGuard } from '../ui/leaveGuard';

/**
 * What a volunteer types at a drop-in session to open a file, in under a minute; the rest of
 * the file is filled in later, section by section. Validated by the API's own schema.
 */
const formSchema = candidateFieldsSchema.pick({
  firstName: true,
  lastName: true,
  birthDate: true,
  frenchLevel: true,
  phone: true,
  email: true,
  commune: true,
  authorisationDocument: true,
  authorisationExpiry: true,
});
type FormInput = z.input<typeof formSchema>;
type FormOutput = z.output<typeof formSchema>;
type FieldName = keyof FormInput;
const FIELD_NAMES = Object.keys(formSchema.shape) as FieldName[];

const EMPTY: FormInput = {
  firstName: '',
  lastName: '',
  birthDate: '',
  phone: '',
  email: '',
  commune: '',
  frenchLevel: 'not_assessed',
  authorisationDocument: null,
  authorisationExpiry: '',
};

function probeOf(values: FormInput): DuplicateProbe {
  return {
    firstName: values.firstName,
    lastName: values.lastName,
    birthDate: values.birthDate ?? '',
    phone: values.phone ?? '',
    email: values.email ?? '',
  };
}

interface CandidateFormProps {
  onCreated(candidate: Candidate): void;
  onCancel(): void;
}

/** The new-candidate form, which first checks that the person has no file yet. */
export function CandidateForm({ onCreated, onCancel }: CandidateFormProps) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const [duplicates, setDuplicates] = useState<{ key: string; matches: DuplicateCandidate[] } | null>(null);
  /** The probe the person chose to create anyway despite the matches. */
  const acknowledged = useRef<string | null>(null);
  const panelHeading = useRef<HTMLHeadingElement>(null);
  const {
    register,
    handleSubmit,
    getValues,
    setError,
    setFocus,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(formSchema, parseOptions),
    defaultValues: EMPTY,
  });
  useLeaveGuard(isDirty);

  useEffect(() => {
    setFocus('firstName');
  }, [setFocus]);

  /** Asks for files like this one; the answer for what is typed now, or none when too little is typed. */
  async function check(): Promise<DuplicateCandidate[]> {
    const probe = probeOf(getValues());
    const key = probeKey(probe);
    if (key === null) {
      setDuplicates(null);
      return [];
    }
    if (duplicates?.key === key) return duplicates.matches;
    const matches = await findDuplicates(probe);
    setDuplicates({ key, matches });
    return matches;
  }

  const save = handleSubmit(async (fields) => {
    setFormError(null);
    const matches = await check();
    if (matches.length > 0 && acknowledged.current !== probeKey(probeOf(getValues()))) {
      panelHeading.current?.focus();
      panelHeading.current?.scrollIntoView({ block: 'nearest' });
      return;
    }
    const result = await call('candidates.create', fields);
    if (!result.ok) {
      setFormError(showServerError(result.error, FIELD_NAMES, setError, inputId));
      return;
    }
    onCreated(result.value);
  });

  function createAnyway() {
    acknowledged.current = duplicates?.key ?? null;
    void save();
  }

  /** The fields' way to their form, with messages in the interface language. */
  const controls: FormControls<FormInput> = {
    register,
    errorOf: (name) => {
      const key = errors[name as FieldName]?.message;
      return key ? t(key) : undefined;
    },
  };

  /** Checking as soon as a name, birth date, phone or e-mail is left, before the rest is typed. */
  const probing = { onBlur: () => void check() };
  const matches = duplicates?.matches ?? [];

  return (
    <form className="card form" noValidate onSubmit={(event) => void save(event)}>
      <div className="form-body">
        <fieldset className="form-section">
          <legend>{t('candidates.ui.form.identity')}</legend>
          <div className="form-grid">
            <CommonInputField form={controls} name="firstName" options={probing} />
            <CommonInputField form={controls} name="lastName" options={probing} />
            <CommonInputField form={controls} name="birthDate" options={probing} />
            <FrenchLevelField form={controls} />
          </div>
        </fieldset>

        {/* Right under the names, where the eyes are when a match is found; announced as it appears. */}
        <div className="duplicates-slot" aria-live="polite">
          {matches.length > 0 && (
            <DuplicatesPanel
              matches={matches}
              headingRef={panelHeading}
              title={t('candidates.ui.duplicates.createTitle', { count: matches.length })}
              intro={t('candidates.ui.duplicates.createIntro')}
            >
              <div className="duplicates-footer">
                <button type="button" className="button button-secondary" disabled={isSubmitting} onClick={createAnyway}>
                  {t('candidates.ui.duplicates.createAnyway')}
                </button>
              </div>
            </DuplicatesPanel>
          )}
        </div>

        <fieldset className="form-section">
          <legend>{t('candidates.ui.form.contact')}</legend>
          <div className="form-grid form-grid-3">
            <CommonInputField form={controls} name="phone" options={probing} />
            <CommonInputField form={controls} name="email" options={probing} />
            <CommonInputField form={controls} name="commune" />
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend>{t('candidates.ui.form.authorisationIfKnown')}</legend>
          <div className="form-grid">
            <AuthorisationDocumentField form={controls} />
            <CommonInputField form={controls} name="authorisationExpiry" />
          </div>
          <p className="form-note">{t('candidates.ui.form.restLater')}</p>
        </fieldset>
      </div>

      <FormActions
        error={formError}
        submitLabel={t('candidates.ui.form.create')}
        submitting={isSubmitting}
        cancel={{ label: t('candidates.ui.form.cancel'), onCancel }}
      />
    </form>
  );
}
