import { type MethodName, api } from '../../../shared/api';
import { type Role, roleMay } from '../../../shared/roles';

/**
 * Whether the signed-in role may call a method, from the capability the API table declares for
 * it. The renderer only hides what cannot be done: the main process's router is what refuses.
 */
export function may(role: Role | null | undefined, method: MethodName): boolean {
  return role != null && roleMay(role, api[method].needs);
}
