import { useT } from '../../i18n/useI18n.js';
import { settingsUi, useSettingsUi, type SettingsTab } from '../../state/settingsUi.js';
import { DialogHead } from '../common/DialogHead.js';
import { ModalDialog } from '../common/ModalDialog.js';
import { tabPanelProps, Tabs } from '../common/Tabs.js';
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
  return (
    <ModalDialog
      labelledBy="settings-title"
      testId="settings-panel"
      className="settings-drawer"
      placement="right"
      onClose={() => settingsUi.close()}
    >
      <DialogHead
        titleId="settings-title"
        title={t('settings.title')}
        close={{
          label: t('settings.close'),
          title: t('settings.closeTitle'),
          testId: 'settings-close',
          onClick: () => settingsUi.close(),
        }}
      >
        <Tabs
          idPrefix="settings"
          tabs={TABS}
          current={tab}
          ariaLabel={t('settings.title')}
          labelOf={(value) => t(value === 'source' ? 'settings.tab.source' : 'settings.tab.diagnostics')}
          onSelect={(value) => settingsUi.showTab(value)}
        />
        <span className="spacer" />
      </DialogHead>
      <div className="dialog__body settings-drawer__body" {...tabPanelProps('settings', tab)}>
        {tab === 'source' ? <SourceSettingsForm /> : <DiagnosticsPanel />}
      </div>
    </ModalDialog>
  );
}
