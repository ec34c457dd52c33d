import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useT } from '../../i18n/useI18n.js';

export interface ConfirmRequest {
  title: string;
  /** Details, one per line (the words found, the counts that will change). */
  lines: string[];
  okLabel: string;
  danger?: boolean;
  testId: string;
  onOk: () => void;
}

/**
 * An in-dialog confirmation (a second modal would fight the focus trap): the OK button has
 * focus, so Enter confirms and Esc cancels, as in a system dialog.
 */
export function ConfirmBar({ request, onClose }: { request: ConfirmRequest; onClose: () => void }) {
  const t = useT();
  const okRef = useRef<HTMLButtonElement>(null);
  useEffect(() => okRef.current?.focus(), [request]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    // Handled here: the dialog's own Esc must not close the whole library.
    event.preventDefault();
    onClose();
  };
  return (
    <div
      className={`faq-confirm${request.danger ? ' faq-confirm--danger' : ''}`}
      role="alertdialog"
      aria-labelledby="faq-confirm-title"
      aria-describedby="faq-confirm-lines"
      data-testid="faq-confirm"
      data-kind={request.testId}
      onKeyDown={onKeyDown}
    >
      <div className="faq-confirm__text">
        <p id="faq-confirm-title" className="faq-confirm__title">
          {request.title}
        </p>
        <ul id="faq-confirm-lines" className="faq-confirm__lines">
          {request.lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </div>
      <div className="faq-confirm__buttons">
        <button type="button" className="btn" data-testid="faq-confirm-cancel" onClick={onClose}>
          {t('faq.cancel')}
        </button>
        <button
          ref={okRef}
          type="button"
          className={`btn ${request.danger ? 'btn--danger' : 'btn--primary'}`}
          data-testid="faq-confirm-ok"
          onClick={() => {
            onClose();
            request.onOk();
          }}
        >
          {request.okLabel}
        </button>
      </div>
    </div>
  );
}
