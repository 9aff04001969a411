import type { ReactNode } from 'react';

/**
 * A table wider than the window scrolls sideways inside this box, never the page (WCAG 1.4.10
 * reflow at 200% zoom). Its cells hold the controls a keyboard reaches it by.
 */
export function TableScroll({ children }: { children: ReactNode }) {
  return <div className="table-scroll">{children}</div>;
}
