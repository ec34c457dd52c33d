import { useEffect, type ReactNode } from 'react';
import { useTopBarBottom } from '../../hooks/useTopBarBottom.js';

/**
 * A drawer on the right edge, from the top bar down (the bar's tools and the metrics stay in
 * sight). Not modal: the board stays usable. Esc inside it closes it; focus goes back to where
 * it was when the panel opened, unless that was inside the panel.
 */
export function SidePanel({
  labelledBy,
  testId,
  className,
  onClose,
  children,
}: {
  labelledBy: string;
  testId: string;
  className?: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const top = useTopBarBottom();
  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    return () => {
      if (previous?.isConnected && !previous.closest(`[data-testid="${testId}"]`)) previous.focus();
    };
  }, [testId]);
  return (
    <aside
      className={className ? `side-panel ${className}` : 'side-panel'}
      role="dialog"
      aria-modal="false"
      aria-labelledby={labelledBy}
      data-testid={testId}
      style={{ top }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.defaultPrevented) return;
        event.preventDefault();
        onClose();
      }}
    >
      {children}
    </aside>
  );
}
