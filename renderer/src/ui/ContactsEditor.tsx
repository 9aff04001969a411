import { useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type Contact, MAX_CONTACTS } from '../../../shared/employers';
import { formatPhone } from '../app/phone';
import { PlusIcon } from '../app/icons';
import { Field } from './Field';

/** A contact as the form holds it: texts, and the id of one already saved. */
export interface ContactRow {
  id?: string;
  name: string;
  role: string;
  phone: string;
  email: string;
}

interface ContactsForm {
  contacts: ContactRow[];
}

export function contactRows(contacts: readonly Contact[]): ContactRow[] {
  return contacts.map((contact) => ({
    id: contact.id,
    name: contact.name,
    role: contact.role ?? '',
    phone: contact.phone ? formatPhone(contact.phone) : '',
    email: contact.email ?? '',
  }));
}

interface ContactsEditorProps {
  inputId(path: string): string;
  errorOf(path: string): string | undefined;
  readOnly: boolean;
  /** Already translated: who these people are ("Les personnes à joindre dans l'entreprise"). */
  hint: string;
}

/**
 * The people to reach at an employer or a partner: rows added, edited and removed here, all
 * saved with the record. Used inside a form given by a FormProvider whose values hold `contacts`.
 */
export function ContactsEditor({ inputId, errorOf, readOnly, hint }: ContactsEditorProps) {
  const { t } = useTranslation();
  const { control, register } = useFormContext<ContactsForm>();
  const { fields, append, remove } = useFieldArray({ control, name: 'contacts', keyName: 'key' });

  return (
    <fieldset className="form-section contacts-editor">
      <legend>{t('employers.ui.contacts.title')}</legend>
      <p className="field-hint contacts-hint">{hint}</p>
      {fields.length === 0 && <p className="muted contacts-empty">{t('employers.ui.contacts.empty')}</p>}
      {fields.length > 0 && (
        <ol className="contact-rows" data-testid="contact-rows">
          {fields.map((field, index) => {
            const number = index + 1;
            const path = (name: keyof ContactRow) => `contacts.${index}.${name}` as const;
            return (
              <li key={field.key}>
                <fieldset className="contact-row">
                  <legend className="contact-legend">{t('employers.ui.contacts.legend', { number })}</legend>
                  {!readOnly && (
                    <button
                      type="button"
                      className="button button-link contact-remove"
                      aria-label={t('employers.ui.contacts.removeLabel', { number })}
                      onClick={() => remove(index)}
                    >
                      {t('employers.ui.contacts.remove')}
                    </button>
                  )}
                  <div className="form-grid contact-grid">
                    <Field id={inputId(path('name'))} label={t('employers.ui.contacts.name')} error={errorOf(path('name'))} required>
                      {(a11y) => <input type="text" autoComplete="off" maxLength={150} {...a11y} {...register(path('name'))} />}
                    </Field>
                    <Field id={inputId(path('role'))} label={t('employers.ui.contacts.role')} error={errorOf(path('role'))}>
                      {(a11y) => (
                        <input
                          type="text"
                          autoComplete="off"
                          maxLength={100}
                          placeholder={t('employers.ui.contacts.rolePlaceholder')}
                          {...a11y}
                          {...register(path('role'))}
                        />
                      )}
                    </Field>
                    <Field id={inputId(path('phone'))} label={t('employers.ui.contacts.phone')} error={errorOf(path('phone'))}>
                      {(a11y) => <input type="tel" autoComplete="off" maxLength={40} {...a11y} {...register(path('phone'))} />}
                    </Field>
                    <Field id={inputId(path('email'))} label={t('employers.ui.contacts.email')} error={errorOf(path('email'))}>
                      {(a11y) => <input type="email" autoComplete="off" spellCheck={false} maxLength={200} {...a11y} {...register(path('email'))} />}
                    </Field>
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
      )}
      {!readOnly && fields.length < MAX_CONTACTS && (
        <button
          type="button"
          className="button button-secondary contacts-add"
          onClick={() => append({ name: '', role: '', phone: '', email: '' })}
        >
          <PlusIcon />
          <span>{t('employers.ui.contacts.add')}</span>
        </button>
      )}
    </fieldset>
  );
}
