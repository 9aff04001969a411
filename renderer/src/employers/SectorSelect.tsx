import { useController, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { FieldA11y } from '../ui/Field';
import { sectorLabel, useSectors } from '../ui/sectors';

interface SectorSelectProps {
  a11y: FieldA11y;
  /** The sector the saved record names: offered even when it has been archived since. */
  saved: string | null;
}

/**
 * The `sectorId` of the surrounding form (a FormProvider): "not specified", then the sectors.
 * Controlled, so the choice shows once the sectors arrive.
 */
export function SectorSelect({ a11y, saved }: SectorSelectProps) {
  const { t } = useTranslation();
  const { sectors } = useSectors(true);
  const { control } = useFormContext<{ sectorId: string | null }>();
  const { field } = useController({ control, name: 'sectorId' });
  const offered = sectors.filter((sector) => sector.archivedAt === null || sector.id === saved || sector.id === field.value);
  return (
    <select
      {...a11y}
      name={field.name}
      ref={field.ref}
      value={field.value ?? ''}
      disabled={field.disabled}
      onBlur={field.onBlur}
      onChange={(event) => field.onChange(event.target.value === '' ? null : event.target.value)}
    >
      <option value="">{t('employers.ui.form.noSector')}</option>
      {offered.map((sector) => (
        <option key={sector.id} value={sector.id}>
          {sector.archivedAt ? t('employers.ui.form.archivedSector', { name: sectorLabel(sector, t) }) : sectorLabel(sector, t)}
        </option>
      ))}
    </select>
  );
}
