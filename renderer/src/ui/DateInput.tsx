import { type FocusEvent, type InputHTMLAttributes, type Ref, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CalendarIcon } from '../app/icons';
import { datePartOrder, isoToTyped, typedToIso } from './dateText';

/** What `onChange` and `onBlur` receive: enough of an event for react-hook-form and for a `setState`. */
export interface DateInputEvent {
  type: 'change' | 'blur';
  target: { name: string; value: string; type: 'text' };
}

type DateInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'defaultValue' | 'onChange' | 'onBlur' | 'min' | 'max'> & {
  /** Ignored: kept so a `<input type="date">` becomes a DateInput by its name alone. */
  type?: string;
  name?: string;
  /** `YYYY-MM-DD` (or what was typed, when it is not a date yet): a controlled field. */
  value?: string;
  /** Bounds for the calendar (`YYYY-MM-DD`); the form's rules check what is typed. */
  min?: string | number;
  max?: string | number;
  onChange?(event: DateInputEvent): void;
  onBlur?(event: DateInputEvent): void;
  /** react-hook-form's `register` ref: it reads and writes `value` (the ISO date) and calls `focus()`. */
  ref?: Ref<unknown>;
};

/**
 * The date field of every form: typed and shown in the interface's language (31/01/2026 in
 * French and Italian), stored as `YYYY-MM-DD`, with the system's calendar a button away. It
 * works with `register(name)` like an input, or controlled with `value` and `onChange`.
 */
export function DateInput({ type: _type, name = '', value, min, max, onChange, onBlur, ref, className, disabled, ...input }: DateInputProps) {
  const { t, i18n } = useTranslation();
  const order = useMemo(() => datePartOrder(i18n.language), [i18n.language]);
  const stored = useRef(value ?? '');
  const [text, setText] = useState(() => isoToTyped(value, order));
  const textRef = useRef<HTMLInputElement>(null);
  const pickerRef = useRef<HTMLInputElement>(null);

  // A controlled value set elsewhere is shown, and every date again in a new language's order;
  // what is being typed stays as typed while it means the same date.
  const shownOrder = useRef(order);
  useEffect(() => {
    if (value !== undefined) stored.current = value;
    const reordered = shownOrder.current !== order;
    shownOrder.current = order;
    setText((shown) => (!reordered && typedToIso(shown, order) === stored.current ? shown : isoToTyped(stored.current, order)));
  }, [value, order]);

  // What react-hook-form registers: the ISO value it reads and resets, and the focus it moves to
  // an error. One object for the field's life: register's ref changes at every render, and a new
  // object each time would make react-hook-form write the value back, render, and again.
  const orderRef = useRef(order);
  orderRef.current = order;
  const [handle] = useState(() => ({
    name,
    type: 'text',
    get value() {
      return stored.current;
    },
    set value(next: string | null | undefined) {
      stored.current = next ?? '';
      setText(isoToTyped(next, orderRef.current));
    },
    focus: () => textRef.current?.focus(),
  }));
  handle.name = name;
  useImperativeHandle(ref, () => handle, [handle]);

  function change(next: string, shown: string) {
    stored.current = next;
    setText(shown);
    onChange?.({ type: 'change', target: { name, value: next, type: 'text' } });
  }

  function openCalendar() {
    const picker = pickerRef.current;
    if (!picker) return;
    picker.value = typedToIso(text, order);
    try {
      picker.showPicker();
    } catch {
      // No picker here (an old engine): the field still takes the date typed.
    }
  }

  const placeholder = order.map((part) => t(`common.ui.dateInput.${part}`)).join('/');
  return (
    <span className={className ? `date-input ${className}` : 'date-input'}>
      <input
        {...input}
        ref={textRef}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        name={name}
        value={text}
        placeholder={placeholder}
        disabled={disabled}
        onChange={(event) => change(typedToIso(event.target.value, order), event.target.value)}
        // The calendar from the keyboard, as on the system's own date fields.
        aria-keyshortcuts="Alt+ArrowDown"
        onKeyDown={(event) => {
          if (event.altKey && event.key === 'ArrowDown') {
            event.preventDefault();
            openCalendar();
          }
        }}
        onBlur={(event: FocusEvent<HTMLInputElement>) => {
          const iso = typedToIso(event.target.value, order);
          // A date typed "1/2/2026" reads back as 01/02/2026 once the field is left.
          if (iso !== event.target.value) setText(isoToTyped(iso, order));
          onBlur?.({ type: 'blur', target: { name, value: iso, type: 'text' } });
        }}
      />
      {/* For the mouse; the keyboard has Alt+Down in the field. Out of the tab order and of the
          field's name, which a label wrapping the whole field would otherwise take in. */}
      <button type="button" className="date-input-calendar" disabled={disabled} tabIndex={-1} aria-hidden="true" title={t('common.ui.dateInput.calendar')} onClick={openCalendar}>
        <CalendarIcon />
      </button>
      <input
        ref={pickerRef}
        type="date"
        className="date-input-picker"
        tabIndex={-1}
        aria-hidden="true"
        min={min}
        max={max}
        onChange={(event) => {
          change(event.target.value, isoToTyped(event.target.value, order));
          textRef.current?.focus();
        }}
      />
    </span>
  );
}
