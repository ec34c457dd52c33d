import { useEffect } from 'react';
import { useT } from '../../i18n/useI18n.js';
import { repliesUi, useRepliesUi } from '../../state/repliesUi.js';

/** Errors stay longer: the user has to read why the answer was not copied. */
const TOAST_MS = { ok: 2500, info: 3500, warn: 6000, error: 9000 } as const;

/**
 * The result of the last reply action. The live region is always in the page (a region added
 * together with its text is not announced); errors use an assertive alert.
 */
export function CopyToast() {
  const t = useT();
  const toast = useRepliesUi((s) => s.toast);

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => repliesUi.dismissToast(toast.id), TOAST_MS[toast.tone]);
    return () => clearTimeout(timer);
  }, [toast]);

  const message = toast?.parts.map((part) => t(part.key, part.vars)).join(' · ') ?? '';
  return (
    <>
      <div className="reply-toast-region" aria-live="polite" data-testid="reply-toast-region">
        {toast && toast.tone !== 'error' && (
          <div className={`reply-toast tone-${toast.tone}`} data-testid="reply-toast" data-tone={toast.tone}>
            {message}
          </div>
        )}
      </div>
      <div className="reply-toast-region" role="alert">
        {toast?.tone === 'error' && (
          <div className="reply-toast tone-error" data-testid="reply-toast" data-tone="error">
            {message}
          </div>
        )}
      </div>
    </>
  );
}
