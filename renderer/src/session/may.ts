import type { MethodName } from '../../../shared/api';
import { METHOD_NEEDS } from '../../../shared/method-needs';
import { type Role, roleMay } from '../../../shared/roles';

/**
 * Whether the signed-in role may call a method, from the capability the API table declares for
 * it. The renderer only hides what cannot be done: the main process's router is what refuses.
 */
export function may(role: Role | null | undefined, method: MethodName): boolean {
  return role != null && roleMay(role, METHOD_NEEDS[method]);
}
