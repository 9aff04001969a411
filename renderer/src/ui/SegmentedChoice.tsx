interface SegmentedChoiceProps<T extends string> {
  name: string;
  legend: string;
  options: readonly T[];
  value: T;
  label(option: T): string;
  onChange(value: T): void;
}

/** Radio buttons drawn as a segmented control (e.g. Active / Archived / All). */
export function SegmentedChoice<T extends string>({ name, legend, options, value, label, onChange }: SegmentedChoiceProps<T>) {
  return (
    <fieldset className="segmented filter">
      <legend className="visually-hidden">{legend}</legend>
      {options.map((option) => (
        <label key={option}>
          <input type="radio" name={name} value={option} checked={value === option} onChange={() => onChange(option)} />
          <span>{label(option)}</span>
        </label>
      ))}
    </fieldset>
  );
}
