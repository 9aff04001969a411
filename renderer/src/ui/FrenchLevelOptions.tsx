import { useTranslation } from 'react-i18next';
import { FRENCH_LEVELS } from '../../../shared/candidates';

/** The options of a French level select, from "not assessed" to C2. */
export function FrenchLevelOptions() {
  const { t } = useTranslation();
  return FRENCH_LEVELS.map((level) => (
    <option key={level} value={level}>
      {t(`common.values.frenchLevels.${level}`)}
    </option>
  ));
}
