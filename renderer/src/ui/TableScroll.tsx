import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';

/**
 * A table wider than the window scrolls sideways inside this box, never the page (WCAG 1.4.10
 * reflow at 200% zoom). A table whose cells hold controls is reached by them; one of text only
 * names itself with `label` and, while it is cut, takes a Tab stop so the arrows can scroll it.
 */
export function TableScroll({ label, children }: { label?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [cut, setCut] = useState(false);
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box || label === undefined) return;
    const measure = () => setCut(box.scrollWidth > box.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    return () => observer.disconnect();
  }, [label]);
  const scrollable = cut ? { role: 'region', 'aria-label': label, tabIndex: 0 } : {};
  return (
    <div ref={ref} className="table-scroll" {...scrollable}>
      {children}
    </div>
  );
}
