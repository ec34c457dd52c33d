import { useT } from '../../i18n/useI18n.js';
import { faqUi, useFaqUi } from '../../state/faqUi.js';
import { FAQ_LIBRARY_SHORTCUT } from './useFaqLibraryShortcut.js';

/** Top-bar button: opens the 话术库. */
export function FaqLibraryButton() {
  const t = useT();
  const open = useFaqUi((s) => s.open);
  return (
    <button
      type="button"
      aria-label={t('faq.open')}
      className="tool-button"
      data-testid="faq-open"
      title={t('faq.openTitle')}
      aria-haspopup="dialog"
      aria-expanded={open}
      aria-keyshortcuts={FAQ_LIBRARY_SHORTCUT}
      onClick={() => faqUi.open('entries')}
    >
      <span className="faq-open-icon" aria-hidden="true">
        ❝
      </span>{' '}
      <span className="tool-button__label">{t('faq.open')}</span>
    </button>
  );
}
