import { SearchIcon } from '../app/icons';
import { useFocusOnMount } from '../app/useFocusOnMount';

interface SearchFieldProps {
  id: string;
  label: string;
  placeholder: string;
  value: string;
  onChange(value: string): void;
}

/** The search box of a list screen; it takes the focus, since searching is why people come. */
export function SearchField({ id, label, placeholder, value, onChange }: SearchFieldProps) {
  const ref = useFocusOnMount<HTMLInputElement>();
  return (
    <search className="search-field">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <SearchIcon />
      <input
        id={id}
        ref={ref}
        type="search"
        value={value}
        maxLength={100}
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        onChange={(event) => onChange(event.target.value)}
      />
    </search>
  );
}
