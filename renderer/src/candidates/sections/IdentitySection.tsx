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
        <legend>{t('candidates.ui.form.identity')}</legend>
        <div className="form-grid">
          <CommonInputField form={section} name="firstName" />
          <CommonInputField form={section} name="lastName" />
          <SelectField
            form={section}
            name="gender"
            label={t('candidates.ui.fields.gender')}
            choices={choices(GENDERS, t, 'candidates.values.genders')}
            emptyLabel={t('candidates.ui.form.notSaid')}
          />
          <CommonInputField form={section} name="birthDate" />
          <SelectField
            form={section}
            name="nationality"
            label={t('candidates.ui.fields.nationality')}
            hint={t('candidates.ui.form.selectHint')}
            choices={countries}
            emptyLabel={t('candidates.ui.form.notSaid')}
          />
          <ChipPicker
            id={inputId('languages')}
            label={t('candidates.ui.fields.languages')}
            hint={t('candidates.ui.form.languagesHint')}
            options={languages}
            value={chosenLanguages.field.value ?? []}
            onChange={chosenLanguages.field.onChange}
            noneText={t('candidates.ui.form.noLanguage')}
            disabled={readOnly}
            error={errorOf('languages')}
          />
          <ListEditor
            legend={t('candidates.ui.fields.otherNames')}
            hint={t('candidates.ui.form.otherNamesHint')}
            items={otherNamesValue}
            rowKey={(_name, index) => String(index)}
            max={MAX_OTHER_NAMES}
            disabled={readOnly}
            emptyText={t('candidates.ui.form.otherNamesEmpty')}
            addLabel={t('candidates.ui.form.addOtherName')}
            removeLabel={(index) => t('candidates.ui.form.removeOtherName', { number: index + 1 })}
            onAdd={() => otherNames.field.onChange([...otherNamesValue, ''])}
            onRemove={(index) => otherNames.field.onChange(otherNamesValue.filter((_name, at) => at !== index))}
            renderRow={(name, index) => (
              <RowInput
                id={inputId(`otherNames.${index}`)}
                label={t('candidates.ui.form.otherName', { number: index + 1 })}
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
        <legend>{t('candidates.ui.form.contact')}</legend>
        <div className="form-grid">
          <div className="field-stack">
            <CommonInputField form={section} name="phone" />
            <CheckboxField id={inputId('phoneWhatsapp')} label={t('candidates.ui.fields.phoneWhatsapp')} {...register('phoneWhatsapp')} />
          </div>
          <InputField form={section} name="secondPhone" type="tel" label={t('candidates.ui.fields.secondPhone')} />
          <CommonInputField form={section} name="email" />
          <InputField form={section} name="address" label={t('candidates.ui.fields.address')} />
          <InputField form={section} name="postalCode" inputMode="numeric" maxLength={10} label={t('candidates.ui.fields.postalCode')} />
          <CommonInputField form={section} name="commune" />
        </div>
      </fieldset>
    </SectionFrame>
  );
}
