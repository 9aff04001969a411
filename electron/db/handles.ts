import type { Db } from './open';

/** The handle a `db.transaction` callback receives; writes inside a transaction go through it. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * What a read needs: the query builders that cannot change a row (in the manner of Signal
 * Desktop's ReadableDB). A store function taking it cannot insert, update, delete, run or open a
 * transaction, and it cannot pass its handle on to one that does. Raw SQL given to `get` and
 * `all` is trusted to be a SELECT. `Db`, `Tx` and `WriteDb` all fit it: types only, no cost.
 */
export type ReadDb = Pick<Db, 'select' | 'selectDistinct' | 'query' | '$count' | 'get' | 'all'>;

/** What a write needs: reads and writes, from the connection or from a transaction's handle. */
export type WriteDb = ReadDb & Pick<Db, 'insert' | 'update' | 'delete' | 'run' | 'transaction'>;
