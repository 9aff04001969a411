import './styles.css';
import './ui/kit.css';
import { loadStartingCatalogues, storedLanguage } from './app/catalogues';
import { hashToRoute } from './app/routes';
import { loadSection } from './app/sections';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Three fetches at once, before anything heavy is evaluated: the screen the window opens on,
// the language it is shown in, and the frame (React, the sidebar, the router).
// The first render waits for all three, so it shows the screen rather than its loading status.
const { section } = hashToRoute(window.location.hash);
const language = storedLanguage();
void Promise.all([import('./start'), loadStartingCatalogues(language), loadSection(section)]).then(
  ([{ start }, resources]) => start(root, language, resources),
);
