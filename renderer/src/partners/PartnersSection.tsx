import type { Route } from '../app/routes';
import { PartnerListScreen } from './PartnerListScreen';
import { NewPartnerScreen, PartnerScreen } from './PartnerScreen';
import './partners.css';

/** `#/partners` the list, `#/partners/new` a new partner, `#/partners/ID` a record. */
export function PartnersSection({ route }: { route: Route }) {
  if (route.id === undefined) return <PartnerListScreen />;
  if (route.id === 'new') return <NewPartnerScreen key="new" />;
  return <PartnerScreen key={route.id} id={route.id} />;
}
