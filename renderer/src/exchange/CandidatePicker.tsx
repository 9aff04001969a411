import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CloseIcon, PlusIcon } from '../app/icons';
import { formatDate } from '../app/format';
import { fullName } from '../ui/names';
import { useDebounced } from '../ui/useDebounced';
import { useApiValue } from '../ui/useApiValue';

export interface ChosenCandidate {
  id: string;
  name: string;
}

/** How many matches the search shows: the staffer types more to narrow it. */
const MATCHES_SHOWN = 8;

/** The files to send: found by name (accents ignored), added one by one, removed as chips. */
export function CandidatePicker({ chosen, onChange }: { chosen: ChosenCandidate[]; onChange(chosen: ChosenCandidate[]): void }) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const settled = useDebounced(query.trim());
  const { state } = useApiValue('candidates.list', settled === '' ? null : { query: settled, limit: MATCHES_SHOWN });
  const matches = settled !== '' && state.status === 'ready' ? state.value.items : [];
  const isChosen = (id: string) => chosen.some((candidate) => candidate.id === id);

  return (
    <div className="candidate-picker">
      <ul className="chips" aria-label={t('exchange.ui.export.chosen')} data-testid="chosen-candidates">
        {chosen.length === 0 && <li className="muted">{t('exchange.ui.export.noneChosen')}</li>}
        {chosen.map((candidate) => (
          <li key={candidate.id} className="chip">
            <span>{candidate.name}</span>
            <button
              type="button"
              className="chip-remove"
              aria-label={t('exchange.ui.export.remove', { name: candidate.name })}
              onClick={() => onChange(chosen.filter((item) => item.id !== candidate.id))}
            >
              <CloseIcon />
            </button>
          </li>
        ))}
      </ul>
      <div className="field">
        <label htmlFor="export-search" className="strong">
          {t('exchange.ui.export.search')}
        </label>
        <input
          id="export-search"
          type="search"
          autoComplete="off"
          spellCheck={false}
          maxLength={100}
          value={query}
          placeholder={t('exchange.ui.export.searchPlaceholder')}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      {settled !== '' && state.status === 'ready' && matches.length === 0 && <p className="muted">{t('exchange.ui.export.noMatch')}</p>}
      {matches.length > 0 && (
        <ul className="picker-matches" aria-label={t('exchange.ui.export.matches')}>
          {matches.map((candidate) => (
            <li key={candidate.id}>
              <span>
                <span className="strong">{fullName(candidate)}</span>
                {candidate.birthDate && <span className="muted"> · {formatDate(candidate.birthDate, i18n.language)}</span>}
                {candidate.commune && <span className="muted"> · {candidate.commune}</span>}
              </span>
              <button
                type="button"
                className="button button-quiet"
                disabled={isChosen(candidate.id)}
                aria-label={t('exchange.ui.export.add', { name: fullName(candidate) })}
                onClick={() => onChange([...chosen, { id: candidate.id, name: fullName(candidate) }])}
              >
                <PlusIcon />
                {t(isChosen(candidate.id) ? 'exchange.ui.export.added' : 'exchange.ui.export.addShort')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
