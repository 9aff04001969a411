import { BackIcon } from '../app/icons';
import { type Section, routeToHash } from '../app/routes';

/** The way back from a record to its section's list, or (with `id`) to the record a page belongs to. */
export function BackLink({ section, id, label }: { section: Section; id?: string; label: string }) {
  return (
    <a className="back-link" href={routeToHash(id === undefined ? { section } : { section, id })}>
      <BackIcon />
      <span>{label}</span>
    </a>
  );
}
