import { call, whenSignedOut } from '../api/client';
import { createSessionStore } from './store';

/** The session as the main process holds it: the gate, the sidebar and useMay read it. */
export const useSession = createSessionStore({ call, whenSignedOut });
