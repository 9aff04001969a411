import { useTranslation } from 'react-i18next';
import { CandidateProgrammes } from '../CandidateProgrammes';
import { InputField, SelectField } from '../fields';
import { usePartnerOptions } from '../../ui/options';
import { offered } from '../options';
import { SectionFrame, useSectionForm } from '../sectionForm';
import type { SectionProps } from './props';
import { sectionSchema } from './schema';

const schema = sectionSchema('referralPartnerId', 'referrerContact', 'referredOn');

/** Which partner association sent the person, who to call there, and the programmes the file is in. */
export function ReferralSection(props: SectionProps) {
  const { t } = useTranslation();
  const partners = usePartnerOptions();
  const section = useSectionForm(props, {
    schema,
    toValues: (record) => ({
      referralPartnerId: record.referralPartnerId,
      referrerContact: record.referrerContact ?? '',
      referredOn: record.referredOn ?? '',
    }),
  });

  return (
    <>
    <SectionFrame name="referral" intro={<p>{t('candidates.ui.form.referralIntro')}</p>} section={section}>
      <div className="form-grid">
        <SelectField
          form={section}
          name="referralPartnerId"
          label={t('candidates.ui.fields.referralPartner')}
          hint={partners.length === 0 ? t('candidates.ui.form.noPartners') : undefined}
          choices={offered(partners, [props.candidate.referralPartnerId])}
          emptyLabel={t('candidates.ui.form.noReferral')}
        />
        <InputField form={section} name="referredOn" type="date" label={t('candidates.ui.fields.referredOn')} />
        <InputField
          form={section}
          name="referrerContact"
          label={t('candidates.ui.fields.referrerContact')}
          hint={t('candidates.ui.form.referrerContactHint')}
          maxLength={200}
          wide
        />
      </div>
    </SectionFrame>
    <CandidateProgrammes candidateId={props.candidate.id} readOnly={props.readOnly} />
    </>
  );
}
