import type { ButtonHTMLAttributes, ReactNode } from 'react';

type ToolButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'children'> & {
  testId: string;
  icon: ReactNode;
  iconClassName?: string;
  label: ReactNode;
  /** In the top bar of a narrow window only the icon shows (the title still names the button). */
  collapsible?: boolean;
  /** After the label: a count, a progress figure. */
  children?: ReactNode;
};

/** A top-bar tool: an icon and a label, opening a dialog, a panel or a view. */
export function ToolButton({
  testId,
  icon,
  iconClassName,
  label,
  collapsible = true,
  className,
  children,
  ...button
}: ToolButtonProps) {
  return (
    <button
      type="button"
      className={className ? `btn tool-button ${className}` : 'btn tool-button'}
      data-testid={testId}
      {...button}
    >
      <span className={iconClassName} aria-hidden="true">
        {icon}
      </span>
      <span className={collapsible ? 'tool-button__label' : undefined}>{label}</span>
      {children}
    </button>
  );
}
