/**
 * The alert rules as the renderer sees them (for the editor, and the muted set the bar, panel
 * and delivery need). Loaded once, and again whenever the board's alerts.rulesRevision moves
 * (an edit here, an import, another window).
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import type { AlertRulesView } from '../../../../shared/api/alerts.js';
import type { LiveDeskClient } from '../../../../shared/api/contract.js';
import type { AlertRule } from '../../../../shared/alerts/rules.js';
import { useBoardStore } from '../../state/boardStore.js';
import { messageOf } from '../common/errorMessage.js';

export interface AlertRulesState {
  view: AlertRulesView | null;
  muted: ReadonlySet<string>;
  error: string | null;
}

const NO_MUTES: ReadonlySet<string> = new Set();

export const useAlertRules = create<AlertRulesState>()(() => ({ view: null, muted: NO_MUTES, error: null }));

export const alertRulesActions = {
  /** An answer of listAlertRules, muteAlertRule or resetAlertRules: shown at once. */
  setView(view: AlertRulesView) {
    const current = useAlertRules.getState().view;
    // An answer older than what we show (two requests crossing) must not undo a newer change.
    if (current && view.revision < current.revision) return;
    useAlertRules.setState({ view, muted: new Set(view.muted), error: null });
  },

  /** A rule just saved here: listed at once, before the revision round-trip. */
  putRule(rule: AlertRule) {
    const { view } = useAlertRules.getState();
    if (!view) return;
    const at = view.rules.findIndex((r) => r.id === rule.id);
    const rules = at >= 0 ? view.rules.map((r, i) => (i === at ? rule : r)) : [...view.rules, rule];
    useAlertRules.setState({ view: { ...view, rules, isDefault: false } });
  },

  async reload(client: LiveDeskClient): Promise<void> {
    try {
      alertRulesActions.setView(await client.listAlertRules());
    } catch (error) {
      useAlertRules.setState({ error: messageOf(error) });
    }
  },
};

/** Keeps the rules fresh while the board is mounted. */
export function useAlertRulesSync(client: LiveDeskClient): void {
  const revision = useBoardStore((s) => s.alerts?.rulesRevision ?? null);
  useEffect(() => {
    const shown = useAlertRules.getState().view?.revision;
    if (shown === undefined || revision === null || revision !== shown) void alertRulesActions.reload(client);
  }, [client, revision]);
}
