import './styles.css';
import './ui/kit.css';
import { loadStartingCatalogues, storedLanguage } from './app/catalogues';
import { hashToRoute } from './app/routes';
import { loadSection } from './app/sections';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Four fetches at once, before anything heavy is evaluated: the screen the window opens on,
// the language it is shown in, the frame (React, the sidebar, the router) and the session
// (whether the sign-in screen stands before the app). The first render waits for all four, so it
// shows the screen rather than its loading status. A section's chunk is code only: its data is
// fetched once it is shown, behind the sign-in.
const { section } = hashToRoute(window.location.hash);
const language = storedLanguage();
void Promise.all([
  import('./start'),
  loadStartingCatalogues(language),
  // The client is in the kit chunk, which imports this entry's routes: imported statically it
  // would run before them (and before the fetches start).
  import('./api/client').then(({ call }) => call('session.status', {})),
  loadSection(section),
]).then(([{ start }, resources, session]) => start(root, language, resources, session));
