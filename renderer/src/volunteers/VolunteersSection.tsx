import type { Route } from '../app/routes';
import { PairsScreen } from './PairsScreen';
import { VolunteerListScreen } from './VolunteerListScreen';
import { VolunteerScreen } from './VolunteerScreen';
import './volunteers.css';

/** `#/volunteers` the list, `#/volunteers/pairs` the pairs, `#/volunteers/new` and `#/volunteers/<id>` a record. */
export function VolunteersSection({ route }: { route: Route }) {
  if (route.id === undefined) return <VolunteerListScreen />;
  if (route.id === 'pairs') return <PairsScreen />;
  if (route.id === 'new') return <VolunteerScreen key="new" id={null} />;
  return <VolunteerScreen key={route.id} id={route.id} />;
}
