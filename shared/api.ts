import type { z } from 'zod';
import { accountMethods } from './accounts';
import { appointmentMethods } from './appointments';
import { auditMethods } from './audit';
import { backupMethods } from './backups';
import { candidateMethods } from './candidates';
import { dashboardMethods } from './dashboard';
import { documentMethods } from './documents';
import { employerMethods } from './employers';
import { exchangeMethods } from './exchange';
import { listExportMethods } from './lists';
import { matchingMethods } from './matching';
import type { MethodSpec } from './method';
import { partnerMethods } from './partners';
import { planMethods } from './plans';
import { programmeMethods } from './programmes';
import { pipelineMethods } from './pipeline';
import { reportMethods } from './reports';
import { retentionMethods } from './retention';
import { rightsMethods } from './rights';
import { sectorMethods } from './sectors';
import { sessionMethods } from './sessions';
import { sheetMethods } from './sheets';
import { timelineMethods } from './timeline';
import { volunteerMethods } from './volunteers';

/**
 * The API table: method name -> input schema -> result type, merged from one group per
 * domain (each in its own contract file). The router validates every call against it.
 */
export const api = {
  ...candidateMethods,
  ...timelineMethods,
  ...sectorMethods,
  ...programmeMethods,
  ...employerMethods,
  ...partnerMethods,
  ...volunteerMethods,
  ...sessionMethods,
  ...matchingMethods,
  ...pipelineMethods,
  ...dashboardMethods,
  ...reportMethods,
  ...exchangeMethods,
  ...backupMethods,
  ...accountMethods,
  ...auditMethods,
  ...sheetMethods,
  ...rightsMethods,
  ...retentionMethods,
  ...listExportMethods,
  ...documentMethods,
  ...planMethods,
  ...appointmentMethods,
};

export type ApiTable = typeof api;
export type MethodName = keyof ApiTable;
/** What a caller passes (before defaults and trimming). */
export type InputOf<M extends MethodName> = z.input<ApiTable[M]['input']>;
/** What a handler receives (after validation). */
export type ParsedInputOf<M extends MethodName> = z.output<ApiTable[M]['input']>;
export type OutputOf<M extends MethodName> = ApiTable[M] extends MethodSpec<z.ZodType, infer O> ? O : never;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(api, name);
}

/** The methods that change what is stored, each audited. */
export const writingMethods = (Object.keys(api) as MethodName[]).filter((method) => api[method].access === 'write');

export { IPC_CHANNEL, type Invoke, type TremplinBridge } from './ipc';
