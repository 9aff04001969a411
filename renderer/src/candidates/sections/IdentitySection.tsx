import { useController } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MAX_OTHER_NAMES, candidateFieldShapes } from '../../../../shared/candidates';
import { GENDERS } from '../../../../shared/domain';
import { formatPhone } from '../../app/phone';
import { CommonInputField } from '../commonFields';
import { ChipPicker, CheckboxField, ListEditor, RowInput } from '../controls';
import { InputField, SelectField, inputId } from '../fields';
import { choices, useCountryOptions, useLanguageOptions } from '../options';
import { SectionFrame, useSectionForm } from '../sectionForm';
import type { SectionProps } from './props';
import { isBlankText, sectionSchema, withoutBlankRows } from './schema';

const schema = sectionSchema(
  'firstName',
  'lastName',
  'gender',
  'birthDate',
  'nationality',
  'languages',
  'phone',
  'phoneWhatsapp',
  'secondPhone',
  'email',
  'address',
  'postalCode',
  'commune',
).extend({ otherNames: withoutBlankRows(candidateFieldShapes.otherNames, isBlankText) });

export function IdentitySection(props: SectionProps) {
  const { t } = useTranslation();
  const countries = useCountryOptions();
  const languages = useLanguageOptions();
  const section = useSectionForm(props, {
    schema,
    toValues: (record) => ({
      firstName: record.firstName,
      lastName: record.lastName,
      otherNames: record.otherNames,
      gender: record.gender,
      birthDate: record.birthDate ?? '',
      nationality: record.nationality,
      languages: record.languages,
      phone: record.phone ? formatPhone(record.phone) : '',
      phoneWhatsapp: record.phoneWhatsapp,
      secondPhone: record.secondPhone ? formatPhone(record.secondPhone) : '',
      email: record.email ?? '',
      address: record.address ?? '',
      postalCode: record.postalCode ?? '',
      commune: record.commune ?? '',
    }),
  });
  const { register, control, errorOf, readOnly } = section;
  const otherNames = useController({ control, name: 'otherNames' });
  const otherNamesValue = otherNames.field.value ?? [];
  const chosenLanguages = useController({ control, name: 'languages' });

  return (
    <SectionFrame name="identity" section={section}>
      <fieldset className="form-section">
        <legend>{t('candidates.form.identity')}</legend>
        <div className="form-grid">
          <CommonInputField form={section} name="firstName" />
          <CommonInputField form={section} name="lastName" />
          <SelectField
            form={section}
            name="gender"
            label={t('candidates.fields.gender')}
            choices={choices(GENDERS, t, 'candidates.genders')}
            emptyLabel={t('candidates.form.notSaid')}
          />
          <CommonInputField form={section} name="birthDate" />
          <SelectField
            form={section}
            name="nationality"
            label={t('candidates.fields.nationality')}
            hint={t('candidates.form.selectHint')}
            choices={countries}
            emptyLabel={t('candidates.form.notSaid')}
          />
          <ChipPicker
            id={inputId('languages')}
            label={t('candidates.fields.languages')}
            hint={t('candidates.form.languagesHint')}
            options={languages}
            value={chosenLanguages.field.value ?? []}
            onChange={chosenLanguages.field.onChange}
            noneText={t('candidates.form.noLanguage')}
            disabled={readOnly}
            error={errorOf('languages')}
          />
          <ListEditor
            legend={t('candidates.fields.otherNames')}
            hint={t('candidates.form.otherNamesHint')}
            items={otherNamesValue}
            rowKey={(_name, index) => String(index)}
            max={MAX_OTHER_NAMES}
            disabled={readOnly}
            emptyText={t('candidates.form.otherNamesEmpty')}
            addLabel={t('candidates.form.addOtherName')}
            removeLabel={(index) => t('candidates.form.removeOtherName', { number: index + 1 })}
            onAdd={() => otherNames.field.onChange([...otherNamesValue, ''])}
            onRemove={(index) => otherNames.field.onChange(otherNamesValue.filter((_name, at) => at !== index))}
            renderRow={(name, index) => (
              <RowInput
                id={inputId(`otherNames.${index}`)}
                label={t('candidates.form.otherName', { number: index + 1 })}
                error={errorOf(`otherNames.${index}`)}
                value={name}
                maxLength={100}
                onChange={(event) =>
                  otherNames.field.onChange(otherNamesValue.map((item, at) => (at === index ? event.target.value : item)))
                }
              />
            )}
          />
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('candidates.form.contact')}</legend>
        <div className="form-grid">
          <div className="field-stack">
            <CommonInputField form={section} name="phone" />
            <CheckboxField id={inputId('phoneWhatsapp')} label={t('candidates.fields.phoneWhatsapp')} {...register('phoneWhatsapp')} />
          </div>
          <InputField form={section} name="secondPhone" type="tel" label={t('candidates.fields.secondPhone')} />
          <CommonInputField form={section} name="email" />
          <InputField form={section} name="address" label={t('candidates.fields.address')} />
          <InputField form={section} name="postalCode" inputMode="numeric" maxLength={10} label={t('candidates.fields.postalCode')} />
          <CommonInputField form={section} name="commune" />
        </div>
      </fieldset>
    </SectionFrame>
  );
}
