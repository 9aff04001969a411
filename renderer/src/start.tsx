import type { Resource } from 'i18next';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { SessionState } from '../../shared/accounts';
import type { ApiResult } from '../../shared/errors';
import type { Language } from '../../shared/i18n/languages';
import { App } from './app/App';
import { syncNavigationWithHash } from './app/navigation';
import { catalogueCompleting } from './app/catalogues';
import { addRestOfCatalogues, startI18n } from './i18n';
import { useSession } from './session/sessionStore';
import { installLeaveGuard } from './ui/leaveGuard';

/**
 * The frame: React, the sidebar and the router, started once the catalogues are here (the first
 * screen's part of them when `restAfterPaint`: the rest is fetched once the first frame is painted).
 */
export function start(root: HTMLElement, language: Language, resources: Resource, session: ApiResult<SessionState>, restAfterPaint: boolean): void {
  startI18n(language, resources, !restAfterPaint);
  if (session.ok) useSession.getState().apply(session.value);
  else useSession.setState({ failure: session.error.message });
  syncNavigationWithHash();
  installLeaveGuard();
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  // A timer set in the frame's callback runs once that frame is painted.
  if (restAfterPaint) requestAnimationFrame(() => setTimeout(() => catalogueCompleting(addRestOfCatalogues(language))));
}
