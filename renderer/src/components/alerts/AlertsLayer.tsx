import { useT } from '../../i18n/useI18n.js';
import { useBoardSync } from '../../state/BoardSyncContext.js';
import { useAlertRulesSync } from './alertRulesStore.js';
import { AlertPanel } from './AlertPanel.js';
import { RuleEditorDialog } from './RuleEditorDialog.js';
import { useAlertNotifications } from './useAlertNotifications.js';
import { useAlertPanelShortcut } from './useAlertPanelShortcut.js';
import './alerts.css';

/**
 * Everything about alerts that is not the bar: the panel, the rule editor, the F8 key, the
 * rule cache and delivery (notification + sound). Always mounted on the board.
 */
export function AlertsLayer() {
  const t = useT();
  const { client } = useBoardSync();
  useAlertRulesSync(client);
  useAlertNotifications(t);
  useAlertPanelShortcut();
  return (
    <>
      <AlertPanel />
      <RuleEditorDialog />
    </>
  );
}
