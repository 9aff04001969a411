import { SearchIcon } from '../app/icons';
import { useFocusOnMount } from '../app/useFocusOnMount';

interface SearchFieldProps {
  id: string;
  label: string;
  placeholder: string;
  value: string;
  onChange(value: string): void;
  /** False where another field should have the focus first (e.g. a form above the list). */
  focusOnMount?: boolean;
  className?: string;
}

/** The search box of a list screen; it takes the focus, since searching is why people come. */
export function SearchField({ id, label, placeholder, value, onChange, focusOnMount = true, className }: SearchFieldProps) {
  const mountRef = useFocusOnMount<HTMLInputElement>();
  const ref = focusOnMount ? mountRef : undefined;
  return (
    <search className={className ? `search-field ${className}` : 'search-field'}>
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
