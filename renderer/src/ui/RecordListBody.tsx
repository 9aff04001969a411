import type { ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert';
import type { RecordList } from './useRecordList';

interface RecordListBodyProps<T> {
  list: RecordList<T>;
  /** Shown when the filters match nothing (an EmptyState). */
  empty: ReactNode;
  /** The table, shown once there is something in it. */
  children: ReactNode;
}

/** The body of a list screen: nothing while the first page loads, then the error, the empty state or the table. */
export function RecordListBody<T>({ list, empty, children }: RecordListBodyProps<T>) {
  let body: ReactNode = null;
  if (list.status === 'error') {
    body = <ErrorAlert messageKey={list.errorKey ?? 'errors.internal'} />;
  } else if (list.status === 'ready') body = list.total === 0 ? empty : children;
  return (
    <div className="list-body" aria-busy={list.pending}>
      {body}
    </div>
  );
}
