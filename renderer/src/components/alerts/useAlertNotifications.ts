import { useEffect } from 'react';
import type { AlertView } from '../../../../shared/api/alerts.js';
import type { Translate } from '../../i18n/useI18n.js';
import { alertsUi, useAlertsUi } from '../../state/alertsUi.js';
import { useBoardStore } from '../../state/boardStore.js';
import { AlertDelivery } from './alertDelivery.js';
import { useAlertRules } from './alertRulesStore.js';
import { playAlertSound, unlockAudioOnGesture } from './alertSound.js';
import { showDesktopNotice } from './desktopNotify.js';
import { severityKey } from './severity.js';

/** A burst of new alerts gets this many notices; the rest are summed up in one. */
const MAX_NOTICES = 3;

/**
 * Delivers each new warn/critical alert once: a desktop notification (when allowed and on) and
 * one sound per batch, the loudest of its severities (when on). Alerts present when the page
 * loaded are not new. A notification's click brings the window up with the panel on that alert.
 */
export function useAlertNotifications(t: Translate): void {
  useEffect(() => unlockAudioOnGesture(), []);

  useEffect(() => {
    const delivery = new AlertDelivery();
    const check = (alerts = useBoardStore.getState().alerts) => {
      const fresh = delivery.take(alerts, useAlertRules.getState().muted);
      if (fresh.length > 0) deliver(fresh, t);
    };
    check();
    return useBoardStore.subscribe((state, previous) => {
      if (state.alerts !== previous.alerts) check(state.alerts);
    });
  }, [t]);
}

function deliver(fresh: AlertView[], t: Translate): void {
  const { sound, notify } = useAlertsUi.getState();
  if (sound) playAlertSound(fresh.some((a) => a.severity === 'critical') ? 'critical' : 'warn');
  if (!notify) return;
  for (const alert of fresh.slice(0, MAX_NOTICES)) {
    showDesktopNotice({
      title: t('alerts.notice.title', {
        severity: t(severityKey(alert.severity)),
        rule: alert.ruleName,
        n: alert.count,
      }),
      body: alert.hint ? `${alert.message}\n${alert.hint}` : alert.message,
      tag: `livedesk-alert-${alert.id}`,
      sticky: alert.severity === 'critical',
      onClick: () => alertsUi.openPanel(alert.id),
    });
  }
  const more = fresh.length - MAX_NOTICES;
  if (more > 0) {
    showDesktopNotice({
      title: t('alerts.notice.more', { n: more }),
      body: fresh
        .slice(MAX_NOTICES)
        .map((a) => a.ruleName)
        .join('、'),
      tag: 'livedesk-alert-more',
      sticky: false,
      onClick: () => alertsUi.openPanel(),
    });
  }
}
