import { useEffect, useRef } from 'react';

/**
 * Moves focus to the element when a screen opens, so keyboard and screen-reader users
 * start where the new screen starts instead of on the link they left.
 */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
