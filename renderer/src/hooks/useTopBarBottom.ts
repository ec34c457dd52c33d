import { useLayoutEffect, useState } from 'react';

/** Where the top bar ends: a drawer starts there, so the bar's tools stay usable. */
export function useTopBarBottom(): number {
  const [bottom, setBottom] = useState(0);
  useLayoutEffect(() => {
    const bar = document.querySelector('.topbar');
    if (!bar) return;
    const measure = () => setBottom(Math.round(bar.getBoundingClientRect().bottom));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(bar);
    return () => observer.disconnect();
  }, []);
  return bottom;
}
