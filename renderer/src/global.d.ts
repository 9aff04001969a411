import type { TremplinBridge } from '../../shared/ipc';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the browser preview. */
    tremplin?: TremplinBridge;
  }
}
