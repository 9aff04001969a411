import { useTranslation } from 'react-i18next';
import { FOLLOW_UP_STATUSES, PUBLIC_CATEGORIES } from '../../../../shared/domain';
import { SelectField } from '../fields';
import { choices, offered, usePairOptions, useVolunteerOptions } from '../options';
import { SectionFrame, useSectionForm } from '../sectionForm';
import type { SectionProps } from './props';
import { sectionSchema } from './schema';

const schema = sectionSchema('publicCategory', 'status', 'assignedPairId', 'assignedVolunteerId');

/** Where the person stands, and who follows them. */
export function FollowUpSection(props: SectionProps) {
  const { t } = useTranslation();
  const pairs = usePairOptions();
  const volunteers = useVolunteerOptions();
  const { candidate } = props;
  const section = useSectionForm(props, {
    schema,
    toValues: ({ publicCategory, status, assignedPairId, assignedVolunteerId }) => ({
      publicCategory,
      status,
      assignedPairId,
      assignedVolunteerId,
    }),
  });

  return (
    <SectionFrame name="followUp" intro={<p>{t('candidates.ui.form.followUpIntro')}</p>} section={section}>
      <div className="form-grid">
        <SelectField
          form={section}
          name="status"
          label={t('candidates.ui.fields.status')}
          choices={choices(FOLLOW_UP_STATUSES, t, 'candidates.values.statuses')}
        />
        <SelectField
          form={section}
          name="publicCategory"
          label={t('candidates.ui.fields.publicCategory')}
          hint={t('candidates.ui.form.publicCategoryHint')}
          choices={choices(PUBLIC_CATEGORIES, t, 'candidates.values.publicCategories')}
          emptyLabel={t('candidates.ui.form.notKnown')}
        />
        <SelectField
          form={section}
          name="assignedPairId"
          label={t('candidates.ui.fields.assignedPair')}
          choices={offered(pairs, [candidate.assignedPairId])}
          emptyLabel={t('candidates.ui.form.nobody')}
        />
        <SelectField
          form={section}
          name="assignedVolunteerId"
          label={t('candidates.ui.fields.assignedVolunteer')}
          choices={offered(volunteers, [candidate.assignedVolunteerId])}
          emptyLabel={t('candidates.ui.form.nobody')}
        />
      </div>
    </SectionFrame>
  );
}
