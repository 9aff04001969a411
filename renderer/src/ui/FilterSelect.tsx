export interface FilterOption {
  value: string;
  /** Already translated. */
  label: string;
}

interface FilterSelectProps<T extends string> {
  /** What the select filters on, for screen readers (the first option says it to the eye). */
  label: string;
  /** The first option, which means "no filter" ("Tous les secteurs"). */
  anyLabel: string;
  value: T | null;
  options: readonly FilterOption[];
  onChange(value: T | null): void;
}

/** A compact select of a list's filter row whose first option means "no filter"; it stands out once it filters. */
export function FilterSelect<T extends string>({ label, anyLabel, value, options, onChange }: FilterSelectProps<T>) {
  return (
    <label className={value === null ? 'filter-select' : 'filter-select filter-select-set'}>
      <span className="visually-hidden">{label}</span>
      <select value={value ?? ''} onChange={(event) => onChange(event.target.value === '' ? null : (event.target.value as T))}>
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

interface SortSelectProps<T extends string> {
  /** Visible before the select: "Trier par". */
  label: string;
  value: T;
  options: readonly T[];
  optionLabel(option: T): string;
  onChange(value: T): void;
}

/** The order of a list, at the end of its filter row. */
export function SortSelect<T extends string>({ label, value, options, optionLabel, onChange }: SortSelectProps<T>) {
  return (
    <label className="filter-select sort-select">
      <span>{label}</span>
      <select value={value} onChange={(event) => onChange(event.target.value as T)}>
        {options.map((option) => (
          <option key={option} value={option}>
            {optionLabel(option)}
          </option>
        ))}
      </select>
    </label>
  );
}
