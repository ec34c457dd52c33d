import type { KeyboardEvent } from 'react';
import { useT } from '../../i18n/useI18n.js';
import { useFaqStore } from '../../state/faqStore.js';
import { FAQ_TABS, faqUi, useFaqUi, type FaqTab } from '../../state/faqUi.js';
import { DialogHead } from '../common/DialogHead.js';
import { ModalDialog } from '../common/ModalDialog.js';
import { tabPanelProps, Tabs } from '../common/Tabs.js';
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

  // Ctrl+/ inside (the board's listener never sees it): back to the entries, at the search box.
  const onKeyInside = (event: KeyboardEvent) => {
    if (!isFaqLibraryShortcut(event.nativeEvent)) return;
    event.preventDefault();
    faqUi.showTab('entries');
    requestAnimationFrame(focusFaqSearch);
  };

  return (
    <ModalDialog
      labelledBy="faq-title"
      testId="faq-library"
      className="faq-dialog"
      level="top"
      onClose={() => faqUi.close()}
      onKeyInside={onKeyInside}
    >
      <DialogHead
        titleId="faq-title"
        title={
          <>
            {t('faq.title')}
            <span className="faq-dialog__count" data-testid="faq-total">
              {t('faq.entryCount', { n: count })}
            </span>
          </>
        }
        close={{
          label: t('faq.close'),
          title: t('faq.closeTitle'),
          testId: 'faq-close',
          onClick: () => faqUi.close(),
        }}
      >
        <Tabs
          idPrefix="faq"
          tabs={FAQ_TABS}
          current={tab}
          ariaLabel={t('faq.title')}
          labelOf={(value) => t(TAB_LABEL[value])}
          onSelect={(value) => faqUi.showTab(value)}
        />
        <span className="faq-dialog__keys" aria-hidden="true">
          {t('faq.keysHint')}
        </span>
      </DialogHead>
      <div className="dialog__body faq-dialog__body" {...tabPanelProps('faq', tab)}>
        <LibraryLoadState />
        {tab === 'entries' ? <EntriesTab /> : tab === 'vars' ? <VariablesPanel /> : <CompliancePanel />}
      </div>
    </ModalDialog>
  );
}

function LibraryLoadState() {
  const t = useT();
  const loaded = useFaqStore((s) => s.loaded);
  const error = useFaqStore((s) => s.error);
  if (error) {
    return (
      <p className="banner banner--bad" role="alert" data-testid="faq-load-error">
        {t('faq.loadFailed', { reason: error })}
      </p>
    );
  }
  return loaded ? null : <p className="banner">{t('faq.loading')}</p>;
}
