import './styles.css';
import './ui/kit.css';
import { call } from './api/client';
import { loadStartingCatalogues, storedLanguage } from './app/catalogues';
import { hashToRoute } from './app/routes';
import { DEFAULT_FILTERS, toListInput } from './candidates/listInput';
import { callFirstPageEarly } from './ui/listPages';
import { dateFormat } from '../../shared/dateFormat';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Four fetches at once, before anything heavy is evaluated: the screen the window opens on,
// the language it is shown in, the frame (React, the sidebar, the router) and the session
// (whether the sign-in screen stands before the app). The first render waits for all four, so it
// shows the screen rather than its loading status. The client is in this entry, which imports
// no other chunk (React, the sections' table: they come in with the frame), so the calls leave
// as soon as this file is here, not once React's chunk has come too (25-75 ms later in traces of
// a loaded machine, where the host sends the files one after the other).
const route = hashToRoute(window.location.hash);
const session = call('session.status', {});
// The candidate list's first page, asked for beside the session rather than after the first
// render (signed out, the answer is a refusal nobody takes). The first render waits for it too:
// it shows the rows at once, where a render of the list without them (the frame, the toolbar,
// the table's head: 70 ms of the main thread in a trace at 100,000 files) was followed by a
// second one with them.
const candidateList = route.section === 'candidates' && route.id === undefined;
const firstPage = candidateList ? callFirstPageEarly('candidates.list', toListInput(DEFAULT_FILTERS)) : undefined;
// Read once both calls have left: a page's first read of its localStorage waits for the browser
// process (17-38 ms in a trace on a loaded machine), and the calls waited behind it.
const language = storedLanguage();
// The candidate list starts with its own strings and the frame's, the rest after its first paint.
const part = candidateList ? 'first screen' : 'whole';
const section = import('./app/sections').then(({ loadSection }) => loadSection(route.section));
void Promise.all([import('./start'), loadStartingCatalogues(language, part), session, section, firstPage]).then(([{ start }, resources, status]) =>
  start(root, language, resources, status, part === 'first screen'),
);

// The first Intl formatter a window makes costs it 40-80 ms (Chromium, loaded machine: ICU sets up
// its locale data once per renderer process, then 5-15 ms more for each kind of formatter), and the
// first render of a list made two: the count's number (i18next) and the rows' dates. Made in tasks
// of their own once the entry has sent its calls, they run while the window waits for the answers
// and chunks (never later than the render, which needs them: an idle callback often was): the
// render finds ICU ready, its own NumberFormat then takes 0.1 ms, and the rows' date formatter is
// the one kept here. It writes a date here too: the first date a formatter writes reads the time
// zone's rules (the rows' dates are local), 17 ms of the rows' render in a trace on a loaded machine.
setTimeout(() => new Intl.NumberFormat(language).format(0));
setTimeout(() => dateFormat(language, { dateStyle: 'medium' }).format(Date.now()));
