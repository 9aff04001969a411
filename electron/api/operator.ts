import type { SignedIn } from '../../shared/accounts';
import type { SessionProvider } from './router';

/**
 * The person at the terminal running a tool (the seed, the bench, the command line), who holds
 * the data folder and its passphrase. Until the accounts' sign-in reaches these tools and the
 * app's window, they run as this administrator.
 */
export const terminalOperator: SignedIn = {
  accountId: '00000000-0000-7000-8000-000000000000',
  name: 'terminal',
  role: 'administrator',
  volunteerId: null,
};

export const asTerminalOperator: SessionProvider = () => terminalOperator;
