import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CandidateProgramme } from '../../../shared/programmes';
import { today } from '../../../shared/validation';
import { call } from '../api/client';
import { formatDate } from '../app/format';
import { useNotices } from '../app/notices';
import { useMay } from '../session/useMay';
import { useApiValue } from '../ui/useApiValue';

/** The programmes and funders the file is in, each with the day the person joined; saved at each change. */
export function CandidateProgrammes({ candidateId, readOnly }: { candidateId: string; readOnly: boolean }) {
  const { t, i18n } = useTranslation();
  const showNotice = useNotices((state) => state.showNotice);
  const mayEdit = useMay('programmes.setForCandidate') && !readOnly;
  const all = useApiValue('programmes.list', { includeArchived: true });
  const mine = useApiValue('programmes.ofCandidate', { id: candidateId });
  const [chosen, setChosen] = useState('');
  const [joinedOn, setJoinedOn] = useState(today());
  const [error, setError] = useState<string | null>(null);

  if (all.state.status !== 'ready' || mine.state.status !== 'ready') return null;
  const programmes = all.state.value;
  const current = mine.state.value;
  const nameOf = (id: string) => programmes.find((programme) => programme.id === id)?.name ?? '—';
  const addable = programmes.filter((programme) => programme.archivedAt === null && !current.some((item) => item.programmeId === programme.id));

  async function save(next: CandidateProgramme[]) {
    const result = await call('programmes.setForCandidate', { id: candidateId, programmes: next });
    if (!result.ok) {
      setError(Object.values(result.error.fields ?? {})[0] ?? result.error.message);
      return;
    }
    setError(null);
    setChosen('');
    mine.replace(result.value);
    showNotice('programmes.ui.file.saved');
  }

  return (
    <section className="card candidate-programmes" aria-labelledby="candidate-programmes-title" data-testid="candidate-programmes">
      <h2 id="candidate-programmes-title">{t('programmes.ui.file.title')}</h2>
      {current.length === 0 ? (
        <p className="muted">{t(programmes.length === 0 ? 'programmes.ui.file.noneDefined' : 'programmes.ui.file.none')}</p>
      ) : (
        <ul className="sector-list">
          {current.map((item) => (
            <li key={item.programmeId} className="sector-row">
              <div className="sector-name">
                <span className="strong">{nameOf(item.programmeId)}</span>
                <span className="muted sector-original">{t('programmes.ui.file.joinedOn', { date: formatDate(item.joinedOn, i18n.language) })}</span>
              </div>
              {mayEdit && (
                <div className="sector-actions">
                  <button
                    type="button"
                    className="button button-quiet"
                    aria-label={t('programmes.ui.file.removeLabel', { name: nameOf(item.programmeId) })}
                    onClick={() => void save(current.filter((other) => other.programmeId !== item.programmeId))}
                  >
                    {t('programmes.ui.file.remove')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {mayEdit && addable.length > 0 && (
        <form
          className="inline-form-row candidate-programmes-add"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (chosen !== '') void save([...current, { programmeId: chosen, joinedOn }]);
          }}
        >
          <label className="compact-field">
            <span>{t('programmes.ui.file.programme')}</span>
            <select value={chosen} onChange={(event) => setChosen(event.target.value)}>
              <option value="">{t('programmes.ui.file.choose')}</option>
              {addable.map((programme) => (
                <option key={programme.id} value={programme.id}>
                  {programme.name}
                </option>
              ))}
            </select>
          </label>
          <label className="compact-field">
            <span>{t('programmes.ui.file.joined')}</span>
            <input type="date" value={joinedOn} onChange={(event) => setJoinedOn(event.target.value)} />
          </label>
          <button type="submit" className="button button-secondary" disabled={chosen === ''}>
            {t('programmes.ui.file.add')}
          </button>
        </form>
      )}
      {error && (
        <p className="field-error" role="alert">
          {t(error)}
        </p>
      )}
    </section>
  );
}
