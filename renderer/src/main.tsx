import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './styles.css';
import { App } from './app/App';
import { syncNavigationWithHash } from './app/navigation';
import { installLeaveGuard } from './ui/leaveGuard';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

syncNavigationWithHash();
installLeaveGuard();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
