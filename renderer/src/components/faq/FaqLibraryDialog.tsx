import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useFocusTrap } from '../../hooks/useFocusTrap.js';
import { useT } from '../../i18n/useI18n.js';
import { useFaqStore } from '../../state/faqStore.js';
import { FAQ_TABS, faqUi, useFaqUi, type FaqTab } from '../../state/faqUi.js';
import { CompliancePanel } from './CompliancePanel.js';
import { EntriesTab } from './EntriesTab.js';
import { focusFaqSearch, isFaqLibraryShortcut, useFaqLibraryShortcut } from './useFaqLibraryShortcut.js';
import { VariablesPanel } from './VariablesPanel.js';
import './faq.css';

/** The 话术库 manager; always mounted for its shortcut, rendered only while open. */
export function FaqLibraryDialog() {
  const open = useFaqUi((s) => s.open);
  useFaqLibraryShortcut();
  return open ? <Dialog /> : null;
}

const TAB_LABEL = {
  entries: 'faq.tab.entries',
  vars: 'faq.tab.vars',
  compliance: 'faq.tab.compliance',
} as const satisfies Record<FaqTab, string>;

/**
 * A large modal over the board: focus stays inside, Esc closes (after whatever inside handles
 * it first: a confirmation, the editor). Keys do not leak to the board's own shortcuts.
 */
function Dialog() {
  const t = useT();
  const tab = useFaqUi((s) => s.tab);
  const count = useFaqStore((s) => s.entries.length);
  const ref = useRef<HTMLDivElement>(null);
  useFocusTrap(ref);

  // On the document: focus may sit on <body> for a moment (a row re-rendered), Esc still closes.
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) faqUi.close();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  // Tab (the focus trap) and Esc (above) must reach the document; nothing else should reach
  // the board behind (Ctrl+, would open settings underneath).
  const keepKeysInside = (event: KeyboardEvent) => {
    if (event.key === 'Tab' || event.key === 'Escape') return;
    event.stopPropagation();
    if (isFaqLibraryShortcut(event.nativeEvent)) {
      event.preventDefault();
      faqUi.showTab('entries');
      requestAnimationFrame(focusFaqSearch);
    }
  };

  return (
    <div className="faq-layer">
      <div className="faq-backdrop" aria-hidden="true" onClick={() => faqUi.close()} />
      <div
        ref={ref}
        className="faq-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="faq-title"
        data-testid="faq-library"
        tabIndex={-1}
        onKeyDown={keepKeysInside}
      >
        <header className="faq-dialog__head">
          <h2 id="faq-title" className="faq-dialog__title">
            {t('faq.title')}
            <span className="faq-dialog__count" data-testid="faq-total">
              {t('faq.entryCount', { n: count })}
            </span>
          </h2>
          <Tabs current={tab} />
          <span className="faq-dialog__keys" aria-hidden="true">
            {t('faq.keysHint')}
          </span>
          <button
            type="button"
            className="icon-button"
            data-testid="faq-close"
            title={t('faq.closeTitle')}
            aria-label={t('faq.close')}
            onClick={() => faqUi.close()}
          >
            <span aria-hidden="true">✕</span>
          </button>
        </header>
        <div
          className="faq-dialog__body"
          role="tabpanel"
          id={`faq-panel-${tab}`}
          aria-labelledby={`faq-tab-${tab}`}
        >
          <LibraryLoadState />
          {tab === 'entries' ? <EntriesTab /> : tab === 'vars' ? <VariablesPanel /> : <CompliancePanel />}
        </div>
      </div>
    </div>
  );
}

function LibraryLoadState() {
  const t = useT();
  const loaded = useFaqStore((s) => s.loaded);
  const error = useFaqStore((s) => s.error);
  if (error) {
    return (
      <p className="faq-banner faq-banner--bad" role="alert" data-testid="faq-load-error">
        {t('faq.loadFailed', { reason: error })}
      </p>
    );
  }
  return loaded ? null : <p className="faq-banner">{t('faq.loading')}</p>;
}

function Tabs({ current }: { current: FaqTab }) {
  const t = useT();
  // Arrow keys move between tabs (WAI-ARIA tabs pattern); only the current tab is in the Tab order.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const step = event.key === 'ArrowRight' ? 1 : FAQ_TABS.length - 1;
    const next = FAQ_TABS[(FAQ_TABS.indexOf(current) + step) % FAQ_TABS.length];
    if (!next) return;
    faqUi.showTab(next);
    document.getElementById(`faq-tab-${next}`)?.focus();
  };
  return (
    <div className="faq-tabs" role="tablist" aria-label={t('faq.title')} onKeyDown={onKeyDown}>
      {FAQ_TABS.map((tab) => (
        <button
          key={tab}
          type="button"
          role="tab"
          id={`faq-tab-${tab}`}
          data-testid={`faq-tab-${tab}`}
          aria-selected={tab === current}
          aria-controls={`faq-panel-${tab}`}
          tabIndex={tab === current ? 0 : -1}
          className={`faq-tabs__tab${tab === current ? ' is-current' : ''}`}
          onClick={() => faqUi.showTab(tab)}
        >
          {t(TAB_LABEL[tab])}
        </button>
      ))}
    </div>
  );
}
