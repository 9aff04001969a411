import { BackIcon } from '../app/icons';
import { type Section, routeToHash } from '../app/navigation';

/** The way back from a record to its section's list. */
export function BackLink({ section, label }: { section: Section; label: string }) {
  return (
    <a className="back-link" href={routeToHash({ section })}>
      <BackIcon />
      <span>{label}</span>
    </a>
  );
}
