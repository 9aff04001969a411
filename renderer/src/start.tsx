import type { Resource } from 'i18next';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Language } from '../../shared/i18n/languages';
import { App } from './app/App';
import { syncNavigationWithHash } from './app/navigation';
import { startI18n } from './i18n';
import { installLeaveGuard } from './ui/leaveGuard';

/** The frame: React, the sidebar and the router, started once the catalogues are here. */
export function start(root: HTMLElement, language: Language, resources: Resource): void {
  startI18n(language, resources);
  syncNavigationWithHash();
  installLeaveGuard();
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
