import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * The element's clientHeight, kept current as it resizes (a virtualised list's viewport: how
 * many rows to render, how far PageDown goes). Measured before paint.
 */
export function useClientHeight(ref: RefObject<HTMLElement | null>): number {
  const [height, setHeight] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return height;
}
