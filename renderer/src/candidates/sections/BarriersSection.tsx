import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { type Candidate, candidateFieldShapes } from '../../../../shared/candidates';
import { BARRIER_STATUSES, BARRIER_THEMES, type BarrierTheme } from '../../../../shared/domain';
import { today } from '../../../../shared/validation';
import { InfoIcon } from '../../app/icons';
import { useCurrentAuthor } from '../../ui/currentAuthor';
import { inputId } from '../fields';
import { SectionFrame, useSectionForm } from '../sectionForm';
import { BarrierHistory } from './BarrierHistory';
import type { SectionProps } from './props';
import { DateInput } from '../../ui/DateInput';
import { TableScroll } from '../../ui/TableScroll';

/** Each theme is a row: "not concerned" writes nothing; open or lifted writes the barrier. */
const ROW_STATUSES = ['none', ...BARRIER_STATUSES] as const;
type RowStatus = (typeof ROW_STATUSES)[number];

interface BarrierRow {
  theme: BarrierTheme;
  status: RowStatus;
  action: string;
  changedOn: string;
}

/** The rows, always all ten themes in their order, become the API's list of barriers. */
const schema = z.strictObject({
  rows: z
    .array(z.object({ theme: z.enum(BARRIER_THEMES), status: z.enum(ROW_STATUSES), action: z.string().nullish(), changedOn: z.string().nullish() }))
    .transform((rows) => rows.flatMap(({ status, ...row }) => (status === 'none' ? [] : [{ ...row, status }])))
    .pipe(candidateFieldShapes.barriers),
});

function toRows(candidate: Candidate): BarrierRow[] {
  return BARRIER_THEMES.map((theme) => {
    const barrier = candidate.barriers.find((item) => item.theme === theme);
    return {
      theme,
      status: barrier?.status ?? 'none',
      action: barrier?.action ?? '',
      changedOn: barrier?.changedOn ?? '',
    };
  });
}

export function BarriersSection(props: SectionProps) {
  const { t } = useTranslation();
  const { author } = useCurrentAuthor();
  const section = useSectionForm(props, {
    schema,
    toValues: (record) => ({ rows: toRows(record) }),
    // Who saves is kept in the barriers' history.
    toPatch: ({ rows }) => ({ barriers: rows, author }),
    // The API numbers the barriers it received; the form numbers all ten themes.
    formPath: (path, values) => {
      const [field, index, ...rest] = path.split('.');
      if (field !== 'barriers') return null;
      const sent = values.rows.filter((row) => row.status !== 'none');
      const theme = sent[Number(index)]?.theme;
      return theme === undefined ? null : ['rows', BARRIER_THEMES.indexOf(theme), ...rest].join('.');
    },
  });
  const { register, control, errorOf } = section;
  const { setValue, getValues } = section.form;
  const rows = useWatch({ control, name: 'rows' }) as BarrierRow[] | undefined;

  /** A new status is dated today unless a date is already typed. */
  function statusChanged(index: number) {
    if (getValues(`rows.${index}.changedOn`) === '') setValue(`rows.${index}.changedOn`, today(), { shouldDirty: true });
  }

  return (
    <SectionFrame name="barriers" intro={<p>{t('candidates.ui.barriers.intro')}</p>} section={section}>
      <TableScroll>
        <table className="barrier-table">
          <caption className="visually-hidden">{t('candidates.ui.barriers.caption')}</caption>
          <colgroup>
            <col className="barrier-col-theme" />
            <col className="barrier-col-status" />
            <col />
            <col className="barrier-col-date" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{t('candidates.ui.barriers.theme')}</th>
              <th scope="col">{t('candidates.ui.barriers.status')}</th>
              <th scope="col">{t('candidates.ui.barriers.action')}</th>
              <th scope="col">{t('candidates.ui.barriers.changedOn')}</th>
            </tr>
          </thead>
          <tbody>
            {BARRIER_THEMES.map((theme, index) => {
              const status = rows?.[index]?.status ?? 'none';
              const themeLabel = t(`candidates.values.barrierThemes.${theme}`);
              const actionError = errorOf(`rows.${index}.action`);
              const dateError = errorOf(`rows.${index}.changedOn`);
              const row = (
                <tr key={theme} className={`barrier-row barrier-${status}`} data-testid={`barrier-${theme}`}>
                  <th scope="row">{themeLabel}</th>
                  <td>
                    <fieldset className="segmented filter barrier-status">
                      <legend className="visually-hidden">{t('candidates.ui.barriers.statusOf', { theme: themeLabel })}</legend>
                      {ROW_STATUSES.map((option) => (
                        <label key={option}>
                          <input
                            type="radio"
                            value={option}
                            {...register(`rows.${index}.status`, { onChange: () => statusChanged(index) })}
                          />
                          <span>{t(`candidates.values.barrierStatuses.${option}`)}</span>
                        </label>
                      ))}
                    </fieldset>
                  </td>
                  {status === 'none' ? (
                    <td colSpan={2} className="barrier-none-cell">
                      <span className="visually-hidden">{t('candidates.ui.barriers.notConcerned')}</span>
                    </td>
                  ) : (
                    <>
                      <td>
                        <input
                          id={inputId(`barriers-${theme}-action`)}
                          type="text"
                          maxLength={500}
                          autoComplete="off"
                          aria-label={t('candidates.ui.barriers.actionOf', { theme: themeLabel })}
                          aria-invalid={Boolean(actionError)}
                          aria-describedby={theme === 'health' ? inputId('health-note') : undefined}
                          placeholder={t(theme === 'health' ? 'candidates.ui.barriers.healthPlaceholder' : 'candidates.ui.barriers.actionPlaceholder')}
                          {...register(`rows.${index}.action`)}
                        />
                        {actionError && <p className="field-error">{actionError}</p>}
                      </td>
                      <td>
                        <DateInput
                          id={inputId(`barriers-${theme}-date`)}
                          aria-label={t('candidates.ui.barriers.changedOnOf', { theme: themeLabel })}
                          aria-invalid={Boolean(dateError)}
                          {...register(`rows.${index}.changedOn`)}
                        />
                        {dateError && <p className="field-error">{dateError}</p>}
                      </td>
                    </>
                  )}
                </tr>
              );
              if (theme !== 'health') return row;
              // Health is sensitive: the rule sits right under its row, where it is filled in.
              return [
                row,
                <tr key="health-note" className={`barrier-note-row barrier-${status}`}>
                  <td colSpan={4}>
                    <p className="barrier-health-note" id={inputId('health-note')}>
                      <InfoIcon />
                      <span>{t('candidates.ui.barriers.healthNote')}</span>
                    </p>
                  </td>
                </tr>,
              ];
            })}
          </tbody>
        </table>
      </TableScroll>
      {/* Read again after each save of the file (a new updatedAt). */}
      <BarrierHistory key={props.candidate.updatedAt} candidateId={props.candidate.id} />
    </SectionFrame>
  );
}
