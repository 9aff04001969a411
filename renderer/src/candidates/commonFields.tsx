import type { FieldValues, Path, RegisterOptions } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FRENCH_LEVELS } from '../../../shared/candidates';
import { AUTHORISATION_DOCUMENTS } from '../../../shared/domain';
import { type FormControls, InputField, SelectField } from './fields';
import { choices } from './options';

/** Fields both the new-candidate form and the record's sections show, bound to their own form. */
interface CommonFieldProps<T extends FieldValues> {
  form: FormControls<T>;
  wide?: boolean;
}

export function FrenchLevelField<T extends FieldValues & { frenchLevel?: unknown }>({ form, wide }: CommonFieldProps<T>) {
  const { t } = useTranslation();
  return (
    <SelectField
      form={form}
      name={'frenchLevel' as Path<T>}
      label={t('candidates.ui.fields.frenchLevel')}
      choices={choices(FRENCH_LEVELS, t, 'common.values.frenchLevels')}
      wide={wide}
    />
  );
}

export function AuthorisationDocumentField<T extends FieldValues & { authorisationDocument?: unknown }>({ form, wide }: CommonFieldProps<T>) {
  const { t } = useTranslation();
  return (
    <SelectField
      form={form}
      name={'authorisationDocument' as Path<T>}
      label={t('candidates.ui.fields.authorisationDocument')}
      choices={choices(AUTHORISATION_DOCUMENTS, t, 'candidates.values.documents')}
      emptyLabel={t('candidates.ui.form.notKnown')}
      wide={wide}
    />
  );
}

/** How each common input is typed; its label is `candidates.fields.<name>`. */
const COMMON_INPUTS = {
  firstName: { required: true },
  lastName: { required: true },
  birthDate: { type: 'date', min: '1900-01-01' },
  phone: { type: 'tel', hint: 'candidates.ui.form.phoneHint' },
  email: { type: 'email', spellCheck: false },
  commune: {},
  authorisationExpiry: { type: 'date' },
} as const satisfies Record<string, { type?: string; required?: boolean; hint?: string; min?: string; spellCheck?: boolean }>;

type CommonInput = keyof typeof COMMON_INPUTS;

type CommonInputProps<T extends FieldValues> = CommonFieldProps<T> & {
  name: CommonInput & Path<T>;
  options?: RegisterOptions<T, Path<T>>;
};

/** Names, birth date, phone, e-mail, commune: the same field on the new-candidate form and in the record. */
export function CommonInputField<T extends FieldValues>({ form, name, wide, options }: CommonInputProps<T>) {
  const { t } = useTranslation();
  const key: CommonInput = name;
  const { hint, ...input }: { hint?: string; type?: string; required?: boolean } = COMMON_INPUTS[key];
  return (
    <InputField form={form} name={name} label={t(`candidates.ui.fields.${key}`)} hint={hint && t(hint)} wide={wide} options={options} {...input} />
  );
}
