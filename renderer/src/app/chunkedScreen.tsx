import { type ComponentType, use } from 'react';
import { catalogueComplete } from './catalogues';

/** A promise that says, once settled, what it holds: React's `use` then reads it without suspending. */
type TrackedPromise<T> = Promise<T> & { status?: 'fulfilled'; value?: T };

/**
 * A screen that lives in a chunk of its own, fetched the first time it is shown (or earlier,
 * through `load`). Unlike React.lazy, once the chunk is here the screen renders at once: a lazy
 * component suspends on its first render even when its module has arrived, and React then holds
 * the screen back behind the fallback for its reveal throttle (about 300 ms).
 */
export function chunkedScreen<Props extends object>(importScreen: () => Promise<ComponentType<Props>>) {
  let loading: TrackedPromise<ComponentType<Props>> | null = null;

  function load(): Promise<ComponentType<Props>> {
    if (loading === null) {
      // A screen shown after the first one may name any string: it waits for the whole catalogue too.
      const pending: TrackedPromise<ComponentType<Props>> = Promise.all([importScreen(), catalogueComplete()]).then(([screen]) => screen);
      pending.then(
        (screen) => {
          pending.status = 'fulfilled';
          pending.value = screen;
        },
        // A failed fetch is tried again the next time the screen opens.
        () => {
          loading = null;
        },
      );
      loading = pending;
    }
    return loading;
  }

  function Screen(props: Props) {
    const Loaded = use(load());
    return <Loaded {...props} />;
  }

  return { Screen, load };
}
