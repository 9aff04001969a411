import type { Db } from './open';

let watchers = 0;

/**
 * Temporary triggers (this connection only, never written to the file) that call back as each
 * row is written, SQL triggers and cascades included. Each callback is a SQL function named after
 * this watcher, so that several watchers on one connection each hear; `call(kind, argument)` is
 * its call in a trigger's body. `on(table, body)` runs `body('NEW')` after an insert, `body('OLD')`
 * after a delete, and both after an update. A write rolled back still calls back.
 */
export function watchWrites<Kind extends string>(db: Db, prefix: string, callbacks: Record<Kind, (value: unknown) => void>) {
  const name = `${prefix}_${++watchers}`;
  for (const [kind, callback] of Object.entries(callbacks) as [Kind, (value: unknown) => void][]) {
    db.$client.function(`${name}_${kind}`, { varargs: true }, (value: unknown) => {
      callback(value);
      return null;
    });
  }
  const call = (kind: Kind, argument = '') => `${name}_${kind}(${argument})`;
  const trigger = (table: string, event: string, body: string) =>
    db.$client.exec(`CREATE TEMP TRIGGER ${name}_${table}_${event} AFTER ${event} ON main.${table} BEGIN ${body}; END`);
  const on = (table: string, body: (row: 'NEW' | 'OLD') => string) => {
    trigger(table, 'insert', body('NEW'));
    trigger(table, 'update', `${body('OLD')}; ${body('NEW')}`);
    trigger(table, 'delete', body('OLD'));
  };
  return { call, on };
}
