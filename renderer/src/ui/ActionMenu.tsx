import { type FocusEvent, type KeyboardEvent, type ReactNode, type RefObject, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';

/** One action of a record's header: a button, or a link to another screen. */
export interface HeaderAction {
  key: string;
  label: string;
  /** The id the focus rule finds it by (e.g. Archive's, focused again after a Restore). */
  id?: string;
  onSelect?: () => void;
  href?: string;
  disabled?: boolean;
  danger?: boolean;
}

/**
 * A record header's actions: the primary ones always shown, the others as buttons while there
 * is room for them and, when the space left to them is narrower than `menuBelow` pixels (an
 * old laptop, 200% zoom), behind one "More actions" menu button.
 */
export function HeaderActions({ primary, secondary, menuLabel, menuBelow }: { primary: ReactNode; secondary: HeaderAction[]; menuLabel: string; menuBelow: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const narrow = useNarrowerThan(ref, menuBelow);
  return (
    <div ref={ref} className="record-actions">
      {primary}
      {narrow ? (
        secondary.length > 0 && <ActionMenu label={menuLabel} actions={secondary} />
      ) : (
        secondary.map((action) =>
          action.href ? (
            <a key={action.key} id={action.id} className="button button-secondary" href={action.href}>
              {action.label}
            </a>
          ) : (
            <button
              key={action.key}
              id={action.id}
              type="button"
              className={`button ${action.danger ? 'button-danger' : 'button-secondary'}`}
              disabled={action.disabled}
              onClick={action.onSelect}
            >
              {action.label}
            </button>
          ),
        )
      )}
    </div>
  );
}

/** Whether the box around this element (the header it sits in) is narrower than `width` pixels, following its resizes. */
function useNarrowerThan(ref: RefObject<HTMLElement | null>, width: number): boolean {
  const [narrow, setNarrow] = useState(false);
  useLayoutEffect(() => {
    const box = ref.current?.parentElement;
    if (!box) return;
    const measure = () => setNarrow(box.clientWidth < width);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    return () => observer.disconnect();
  }, [ref, width]);
  return narrow;
}

/** The items a keyboard moves between (a disabled one is skipped). */
function menuItems(menu: HTMLElement | null): HTMLElement[] {
  return [...(menu?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([disabled])') ?? [])];
}

/**
 * A menu button (WAI-ARIA's pattern): Enter, Space or the arrows open it on its first (or last)
 * item, the arrows, Home and End move, Escape closes it and gives the focus back to the button,
 * Tab or a click elsewhere closes it. Closed, its items stay in the page, hidden, so the focus
 * rule (ui/focus.ts) can find an item's id and fall back on this button.
 */
export function ActionMenu({ label, actions }: { label: string; actions: HeaderAction[] }) {
  const menuId = useId();
  const [open, setOpen] = useState(false);
  const [alignRight, setAlignRight] = useState(true);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<'first' | 'last' | null>(null);


  useEffect(() => {
    if (!open || pendingFocus.current === null) return;
    const all = menuItems(menuRef.current);
    (pendingFocus.current === 'first' ? all[0] : all.at(-1))?.focus();
    pendingFocus.current = null;
  }, [open]);

  function show(focus: 'first' | 'last') {
    const button = buttonRef.current;
    // The menu opens towards the side of the window that has room for it.
    if (button) setAlignRight(button.getBoundingClientRect().left > document.documentElement.clientWidth / 2);
    pendingFocus.current = focus;
    setOpen(true);
  }

  function close(focusButton: boolean) {
    setOpen(false);
    if (focusButton) buttonRef.current?.focus();
  }

  function onButtonKey(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      show(event.key === 'ArrowDown' ? 'first' : 'last');
    }
  }

  function onMenuKey(event: KeyboardEvent<HTMLDivElement>) {
    const all = menuItems(menuRef.current);
    const index = all.indexOf(document.activeElement as HTMLElement);
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: all.length - 1 };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      all[(target + all.length) % all.length]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.key === 'Tab') {
      close(false);
    } else if (event.key === ' ' && document.activeElement instanceof HTMLAnchorElement) {
      // Space follows a link item as Enter does (a link alone only scrolls the page on Space).
      event.preventDefault();
      document.activeElement.click();
    }
  }

  function choose(action: HeaderAction) {
    // The button keeps the focus while the action runs: a dialog it opens gives the focus back to it when it closes.
    close(true);
    action.onSelect?.();
  }

  /** Focus leaving the button and its menu for elsewhere (a Tab, a click outside) closes the menu. */
  function closeOnLeave(event: FocusEvent) {
    const wrapper = buttonRef.current?.parentElement;
    if (open && !wrapper?.contains(event.relatedTarget as Node | null)) setOpen(false);
  }

  return (
    <div className="action-menu">
      <button
        ref={buttonRef}
        type="button"
        className="button button-secondary"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => (open ? close(true) : show('first'))}
        onKeyDown={onButtonKey}
        onBlur={closeOnLeave}
      >
        {label}
        <span className="action-menu-caret" aria-hidden="true" />
      </button>
      <div
        ref={menuRef}
        id={menuId}
        role="menu"
        aria-label={label}
        hidden={!open}
        className={`action-menu-items ${alignRight ? 'align-right' : 'align-left'}`}
        onKeyDown={onMenuKey}
        onBlur={closeOnLeave}
      >
        {actions.map((action) =>
          action.href ? (
            <a key={action.key} id={action.id} role="menuitem" tabIndex={-1} className="action-menu-item" href={action.href} onClick={() => close(false)}>
              {action.label}
            </a>
          ) : (
            <button
              key={action.key}
              id={action.id}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className={`action-menu-item${action.danger ? ' action-menu-item-danger' : ''}`}
              disabled={action.disabled}
              onClick={() => choose(action)}
            >
              {action.label}
            </button>
          ),
        )}
      </div>
    </div>
  );
}
