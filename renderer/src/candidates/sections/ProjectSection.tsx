import { useController, useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MAX_OCCUPATIONS, MAX_QUALIFICATIONS, candidateFieldShapes } from '../../../../shared/candidates';
import { CheckboxGroup } from '../../ui/CheckboxGroup';
import { sectorLabel, useSectors } from '../../ui/sectors';
import { ListEditor, RowInput } from '../controls';
import { InputField, TextAreaField, inputId } from '../fields';
import { SectionFrame, useSectionForm } from '../sectionForm';
import type { SectionProps } from './props';
import { isBlankText, sectionSchema, withoutBlankRows } from './schema';

const schema = sectionSchema('sectorIds', 'experience', 'availability', 'availableFrom').extend({
  occupations: withoutBlankRows(candidateFieldShapes.occupations, (row) => isBlankText(row.label) && isBlankText(row.romeCode)),
  qualifications: withoutBlankRows(candidateFieldShapes.qualifications, (row) => isBlankText(row.label)),
});

export function ProjectSection(props: SectionProps) {
  const { t } = useTranslation();
  const { sectors } = useSectors(true);
  const section = useSectionForm(props, {
    schema,
    toValues: (record) => ({
      sectorIds: record.sectorIds,
      occupations: record.occupations.map((occupation) => ({ label: occupation.label, romeCode: occupation.romeCode ?? '' })),
      experience: record.experience ?? '',
      qualifications: record.qualifications,
      availability: record.availability ?? '',
      availableFrom: record.availableFrom ?? '',
    }),
  });
  const { register, control, errorOf, readOnly } = section;
  const chosenSectors = useController({ control, name: 'sectorIds' });
  const sectorIds = chosenSectors.field.value ?? [];
  const occupations = useFieldArray({ control, name: 'occupations' });
  const qualifications = useFieldArray({ control, name: 'qualifications' });
  // Archived sectors stay visible on a file that already names them.
  const sectorOptions = sectors
    .filter((sector) => sector.archivedAt === null || sectorIds.includes(sector.id))
    .map((sector) => ({ value: sector.id, label: sectorLabel(sector, t) }));

  return (
    <SectionFrame name="project" section={section}>
      <div className="form-section">
        <CheckboxGroup
          id={inputId('sectorIds')}
          legend={t('candidates.ui.fields.sectors')}
          options={sectorOptions}
          value={sectorIds}
          onChange={chosenSectors.field.onChange}
          disabled={readOnly}
        />
        {errorOf('sectorIds') && <p className="field-error">{errorOf('sectorIds')}</p>}
      </div>
      <div className="form-grid form-section">
        <ListEditor
          legend={t('candidates.ui.fields.occupations')}
          hint={t('candidates.ui.form.occupationsHint')}
          items={occupations.fields}
          rowKey={(row) => row.id}
          max={MAX_OCCUPATIONS}
          disabled={readOnly}
          emptyText={t('candidates.ui.form.occupationsEmpty')}
          addLabel={t('candidates.ui.form.addOccupation')}
          removeLabel={(index) => t('candidates.ui.form.removeRow', { number: index + 1 })}
          onAdd={() => occupations.append({ label: '', romeCode: '' })}
          onRemove={occupations.remove}
          renderRow={(_row, index) => (
            <div className="row-fields row-fields-occupation">
              <RowInput
                id={inputId(`occupations.${index}.label`)}
                label={t('candidates.ui.form.occupationLabel', { number: index + 1 })}
                placeholder={t('candidates.ui.form.occupationPlaceholder')}
                error={errorOf(`occupations.${index}.label`)}
                maxLength={150}
                {...register(`occupations.${index}.label`)}
              />
              <RowInput
                id={inputId(`occupations.${index}.romeCode`)}
                label={t('candidates.ui.form.romeCode', { number: index + 1 })}
                placeholder={t('candidates.ui.form.romePlaceholder')}
                error={errorOf(`occupations.${index}.romeCode`)}
                maxLength={5}
                className="rome-code"
                {...register(`occupations.${index}.romeCode`)}
              />
            </div>
          )}
        />
        <TextAreaField
          form={section}
          name="experience"
          label={t('candidates.ui.fields.experience')}
          hint={t('candidates.ui.form.experienceHint')}
          maxLength={2000}
          wide
        />
        <ListEditor
          legend={t('candidates.ui.fields.qualifications')}
          hint={t('candidates.ui.form.qualificationsHint')}
          items={qualifications.fields}
          rowKey={(row) => row.id}
          max={MAX_QUALIFICATIONS}
          disabled={readOnly}
          emptyText={t('candidates.ui.form.qualificationsEmpty')}
          addLabel={t('candidates.ui.form.addQualification')}
          removeLabel={(index) => t('candidates.ui.form.removeRow', { number: index + 1 })}
          onAdd={() => qualifications.append({ label: '', recognised: false })}
          onRemove={qualifications.remove}
          renderRow={(_row, index) => (
            <div className="row-fields row-fields-qualification">
              <RowInput
                id={inputId(`qualifications.${index}.label`)}
                label={t('candidates.ui.form.qualificationLabel', { number: index + 1 })}
                placeholder={t('candidates.ui.form.qualificationPlaceholder')}
                error={errorOf(`qualifications.${index}.label`)}
                maxLength={200}
                {...register(`qualifications.${index}.label`)}
              />
              <label className="checkbox" htmlFor={inputId(`qualifications.${index}.recognised`)}>
                <input id={inputId(`qualifications.${index}.recognised`)} type="checkbox" {...register(`qualifications.${index}.recognised`)} />
                <span>{t('candidates.ui.fields.recognised')}</span>
              </label>
            </div>
          )}
        />
        <InputField
          form={section}
          name="availability"
          label={t('candidates.ui.fields.availability')}
          hint={t('candidates.ui.form.availabilityHint')}
          maxLength={500}
        />
        <InputField form={section} name="availableFrom" type="date" label={t('candidates.ui.fields.availableFrom')} />
      </div>
    </SectionFrame>
  );
}
