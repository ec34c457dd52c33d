import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useFocusTrap } from '../../hooks/useFocusTrap.js';
import { useT } from '../../i18n/useI18n.js';
import { settingsUi, useSettingsUi, type SettingsTab } from '../../state/settingsUi.js';
import { DiagnosticsPanel } from '../diagnostics/DiagnosticsPanel.js';
import { SourceSettingsForm } from './SourceSettingsForm.js';

const TABS: readonly SettingsTab[] = ['source', 'diagnostics'];

/** The settings drawer: feed source and diagnostics. Modal: focus stays inside, Esc closes. */
export function SettingsDrawer() {
  const open = useSettingsUi((s) => s.open);
  return open ? <Drawer /> : null;
}

function Drawer() {
  const t = useT();
  const tab = useSettingsUi((s) => s.tab);
  const dialogRef = useRef<HTMLDivElement>(null);
  useFocusTrap(dialogRef);

  // On the document, not the drawer: focus can fall to <body> (a button that became disabled),
  // and Esc must still close.
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) settingsUi.close();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <div className="drawer-layer">
      <div className="drawer-backdrop" aria-hidden="true" onClick={() => settingsUi.close()} />
      <div
        ref={dialogRef}
        className="drawer"
        role="dialog"
        aria-modal="true"
        aria-labelledby="settings-title"
        data-testid="settings-panel"
        tabIndex={-1}
      >
        <header className="drawer__head">
          <h2 id="settings-title" className="drawer__title">
            {t('settings.title')}
          </h2>
          <Tabs current={tab} />
          <button
            type="button"
            className="icon-button"
            data-testid="settings-close"
            title={t('settings.closeTitle')}
            aria-label={t('settings.close')}
            onClick={() => settingsUi.close()}
          >
            <span aria-hidden="true">✕</span>
          </button>
        </header>
        <div
          className="drawer__body"
          role="tabpanel"
          id={`settings-panel-${tab}`}
          aria-labelledby={`settings-tab-${tab}`}
        >
          {tab === 'source' ? <SourceSettingsForm /> : <DiagnosticsPanel />}
        </div>
      </div>
    </div>
  );
}

function Tabs({ current }: { current: SettingsTab }) {
  const t = useT();
  // Arrow keys move between tabs (WAI-ARIA tabs pattern); only the current tab is in the Tab order.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const next =
      TABS[(TABS.indexOf(current) + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
    if (!next) return;
    settingsUi.showTab(next);
    document.getElementById(`settings-tab-${next}`)?.focus();
  };
  return (
    <div className="drawer__tabs" role="tablist" aria-label={t('settings.title')} onKeyDown={onKeyDown}>
      {TABS.map((tab) => (
        <button
          key={tab}
          type="button"
          role="tab"
          id={`settings-tab-${tab}`}
          data-testid={`settings-tab-${tab}`}
          aria-selected={tab === current}
          aria-controls={`settings-panel-${tab}`}
          tabIndex={tab === current ? 0 : -1}
          className={`drawer__tab${tab === current ? ' is-current' : ''}`}
          onClick={() => settingsUi.showTab(tab)}
        >
          {t(tab === 'source' ? 'settings.tab.source' : 'settings.tab.diagnostics')}
        </button>
      ))}
    </div>
  );
}
