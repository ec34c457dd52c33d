import { useCallback, useRef, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useEscapeToClose } from '../../hooks/useEscapeToClose.js';
import { useFocusTrap } from '../../hooks/useFocusTrap.js';

export interface ModalDialogProps {
  /** The id of the dialog's title (DialogHead's titleId). */
  labelledBy: string;
  describedBy?: string;
  testId: string;
  /** The dialog's own class: its size and inner layout. */
  className?: string;
  /** A centred dialog, or a drawer the full height of the window on the right. */
  placement?: 'center' | 'right';
  /** 'top' stacks over another modal (the playbooks over the checklist, the 话术库 over any). */
  level?: 'base' | 'top';
  /** Esc, the backdrop, and whatever close button the dialog has. */
  onClose: () => void;
  /** Keys besides Tab and Esc that still reach the board's shortcuts (the checklist's F7 / F9). */
  passKeys?: readonly string[];
  /** Sees each key kept inside: the dialog's own shortcut. */
  onKeyInside?: (event: KeyboardEvent) => void;
  /** Makes the dialog a form (Enter in a field submits). */
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
  /** Marks for the board's shortcut hooks, e.g. data-ops-modal. */
  marks?: { [name: `data-${string}`]: string };
  children: ReactNode;
}

/**
 * The one modal shell: a layer over the board, a backdrop that closes on click, and the dialog
 * itself. Focus stays inside (useFocusTrap) and Esc closes. Keys do not leak to the board's own
 * shortcuts behind (A, S, M, F8, Ctrl+, …); Tab (the focus trap) and Esc go on to the document.
 */
export function ModalDialog({
  labelledBy,
  describedBy,
  testId,
  className,
  placement = 'center',
  level = 'base',
  onClose,
  passKeys,
  onKeyInside,
  onSubmit,
  marks,
  children,
}: ModalDialogProps) {
  const ref = useRef<HTMLElement | null>(null);
  // A callback ref: the frame is a <div> or a <form>, one ref type serves both.
  const setRef = useCallback((element: HTMLElement | null) => {
    ref.current = element;
  }, []);
  useFocusTrap(ref);
  useEscapeToClose(onClose);

  const keepKeysInside = (event: KeyboardEvent) => {
    if (event.key === 'Tab' || event.key === 'Escape' || passKeys?.includes(event.key)) return;
    event.stopPropagation();
    onKeyInside?.(event);
  };

  const frame = {
    ref: setRef,
    className: `dialog${placement === 'right' ? ' dialog--right' : ''}${className ? ` ${className}` : ''}`,
    role: 'dialog',
    'aria-modal': true,
    'aria-labelledby': labelledBy,
    'aria-describedby': describedBy,
    'data-testid': testId,
    tabIndex: -1,
    onKeyDown: keepKeysInside,
    ...marks,
  } as const;

  const layer = `modal-layer${placement === 'right' ? ' modal-layer--right' : ''}${level === 'top' ? ' modal-layer--top' : ''}`;
  return (
    <div className={layer}>
      <div className="modal-backdrop" aria-hidden="true" onClick={onClose} />
      {onSubmit ? (
        <form {...frame} noValidate onSubmit={onSubmit}>
          {children}
        </form>
      ) : (
        <div {...frame}>{children}</div>
      )}
    </div>
  );
}
