import type { ReactNode } from 'react';

/** A button that shows only a mark (✕, ↑, ↓): the label names it for screen readers and tooltips. */
export function IconButton({
  icon,
  label,
  title = label,
  testId,
  small = false,
  disabled,
  onClick,
}: {
  icon: ReactNode;
  label: string;
  /** The tooltip, when it says more than the label (a shortcut key). */
  title?: string;
  testId?: string;
  small?: boolean;
  disabled?: boolean;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      className={small ? 'icon-button icon-button--small' : 'icon-button'}
      data-testid={testId}
      aria-label={label}
      title={title}
      disabled={disabled}
      onClick={onClick}
    >
      <span aria-hidden="true">{icon}</span>
    </button>
  );
}

/** The ✕ that closes a dialog, a panel or a message (or removes a row). */
export function CloseButton(props: Omit<Parameters<typeof IconButton>[0], 'icon'>) {
  return <IconButton icon="✕" {...props} />;
}
