import type { Db } from './open';

/**
 * What a read needs: the query builders that cannot change a row (in the manner of Signal
 * Desktop's ReadableDB). A store function taking it cannot insert, update, delete, run or open a
 * transaction, and it cannot pass its handle on to one that does. Raw SQL given to `get` (a
 * count, a pragma) is trusted to be a SELECT. The connection, a transaction's handle and a
 * `WriteDb` all fit it: types only.
 */
export type ReadDb = Pick<Db, 'select' | 'selectDistinct' | 'query' | '$count' | 'get'>;

/** What a write needs: reads and writes, from the connection or from a transaction's handle. */
export type WriteDb = ReadDb & Pick<Db, 'insert' | 'update' | 'delete' | 'run' | 'transaction'>;
