import { create } from 'zustand';

/**
 * Below this window width (CSS pixels: a 1024-pixel laptop, or 1280 at 150% zoom and more) the
 * sidebar starts as a rail of icons, leaving the width to the screen; its labels stay the
 * links' names. The person's own choice, once made, is kept on this computer.
 */
export const WIDE_WINDOW = '(min-width: 1100px)';
/** Below this one an open sidebar lies over the screen instead of beside it (200% zoom). */
export const NARROW_WINDOW = '(max-width: 900px)';
const STORAGE_KEY = 'tremplin.sidebar';

function initiallyExpanded(): boolean {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'expanded' || stored === 'collapsed') return stored === 'expanded';
  } catch {
    // Storage may be unavailable: the window's width decides.
  }
  return window.matchMedia(WIDE_WINDOW).matches;
}

interface SidebarState {
  expanded: boolean;
  /** The toggle button: remembered. */
  toggle(): void;
  /** Closing the sidebar that lies over the screen (a link chosen, Escape): not a choice to remember. */
  closeOverlay(): void;
}

export const useSidebar = create<SidebarState>((set, get) => ({
  expanded: initiallyExpanded(),
  toggle() {
    const expanded = !get().expanded;
    try {
      localStorage.setItem(STORAGE_KEY, expanded ? 'expanded' : 'collapsed');
    } catch {
      // The choice then lasts until the window closes.
    }
    set({ expanded });
  },
  closeOverlay() {
    if (get().expanded && window.matchMedia(NARROW_WINDOW).matches) set({ expanded: false });
  },
}));
