import type { MethodName } from '../../../shared/api';
import { may } from './may';
import { useSession } from './sessionStore';

/** Whether the account signed in may call `method` (shared/roles.ts): what it may not do is not offered. */
export function useMay(method: MethodName): boolean {
  return useSession((store) => may(store.state?.signedIn?.role, method));
}
