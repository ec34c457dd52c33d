import type { ReactNode } from 'react';
import { CloseButton } from './IconButton.js';

/**
 * The head row of every dialog and side panel: the title (the element the dialog is labelled
 * by), the dialog's own tools, then the close button at the right edge.
 */
export function DialogHead({
  titleId,
  title,
  close,
  className,
  as: Element = 'header',
  children,
}: {
  titleId: string;
  title: ReactNode;
  close: { label: string; title?: string; testId?: string; onClick: () => void };
  className?: string;
  /** A row inside a larger header (the checklist's two-row head) is a div, not a second header. */
  as?: 'header' | 'div';
  /** Between the title and the close button: counts, tabs, tools. */
  children?: ReactNode;
}) {
  return (
    <Element className={className ? `dialog__head ${className}` : 'dialog__head'}>
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      {children}
      <CloseButton {...close} />
    </Element>
  );
}
