import { useTranslation } from 'react-i18next';
import { useNavigation } from '../app/navigation';
import { useNotices } from '../app/notices';
import { BackLink } from '../ui/BackLink';
import { SessionForm } from './SessionForm';

/** Opening a session: then straight to its page, where people are received. */
export function NewSessionScreen() {
  const { t } = useTranslation();
  const navigate = useNavigation((state) => state.navigate);
  const showNotice = useNotices((state) => state.showNotice);
  return (
    <div className="screen screen-narrow">
      <BackLink section="sessions" label={t('sessions.ui.backToList')} />
      <header className="screen-header">
        <h1>{t('sessions.ui.new')}</h1>
      </header>
      <SessionForm
        session={null}
        onSaved={(session) => {
          showNotice('sessions.ui.form.created');
          navigate({ section: 'sessions', id: session.id }, { replace: true });
        }}
        onCancel={() => navigate({ section: 'sessions' })}
      />
    </div>
  );
}
