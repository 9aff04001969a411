import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CloseIcon } from '../app/icons';
import { formatDate } from '../app/format';
import { fullName } from '../ui/names';
import { useDebounced } from '../ui/useDebounced';
import { useApiValue } from '../ui/useApiValue';
import type { ChosenPerson } from './auditFilters';

const MATCHES_SHOWN = 6;

/** The audit log's "about a person" filter: a candidate found by name, shown as one chip once chosen. */
export function AuditPersonFilter({ chosen, onChange }: { chosen: ChosenPerson | null; onChange(person: ChosenPerson | null): void }) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const settled = useDebounced(query.trim());
  const { state } = useApiValue('candidates.list', chosen === null && settled !== '' ? { query: settled, limit: MATCHES_SHOWN } : null);
  const matches = chosen === null && settled !== '' && state.status === 'ready' ? state.value.items : [];

  if (chosen) {
    return (
      <span className="chip audit-person-chip" data-testid="audit-person">
        <span>{chosen.name}</span>
        <button type="button" className="chip-remove" aria-label={t('accounts.ui.audit.anyPerson')} onClick={() => onChange(null)}>
          <CloseIcon />
        </button>
      </span>
    );
  }
  return (
    <div className="audit-person">
      <input
        id="audit-person"
        type="search"
        autoComplete="off"
        spellCheck={false}
        maxLength={100}
        value={query}
        placeholder={t('accounts.ui.audit.personPlaceholder')}
        onChange={(event) => setQuery(event.target.value)}
      />
      {settled !== '' && state.status === 'ready' && matches.length === 0 && <p className="muted audit-person-none">{t('accounts.ui.audit.noPerson')}</p>}
      {matches.length > 0 && (
        <ul className="audit-person-matches">
          {matches.map((candidate) => (
            <li key={candidate.id}>
              <button
                type="button"
                onClick={() => {
                  setQuery('');
                  onChange({ id: candidate.id, name: fullName(candidate) });
                }}
              >
                <span className="strong">{fullName(candidate)}</span>
                {candidate.birthDate && <span className="muted"> · {formatDate(candidate.birthDate, i18n.language)}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
