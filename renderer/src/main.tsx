import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './styles.css';
import { App } from './app/App';
import { syncNavigationWithHash, useNavigation } from './app/navigation';
import { isComingSection } from './app/routes';
import { loadSection } from './app/sections';
import { installLeaveGuard } from './ui/leaveGuard';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The screen the window opens on is fetched first, while React starts.
const { section } = useNavigation.getState().route;
if (!isComingSection(section)) void loadSection(section);

syncNavigationWithHash();
installLeaveGuard();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
