import type { Route } from '../app/routes';
import { NewSessionScreen } from './NewSessionScreen';
import { SessionListScreen } from './SessionListScreen';
import { SessionScreen } from './SessionScreen';
import './sessions.css';

/** `#/sessions` the list, `#/sessions/new` a new one, `#/sessions/<id>` the session's page. */
export function SessionsSection({ route }: { route: Route }) {
  if (route.id === undefined) return <SessionListScreen />;
  if (route.id === 'new') return <NewSessionScreen />;
  return <SessionScreen key={route.id} id={route.id} />;
}
