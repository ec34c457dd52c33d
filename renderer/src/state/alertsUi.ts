/**
 * The alert panel's own state: open or not, its filters, which alert is selected and which are
 * expanded, the rule editor's visibility, the last action's result, and three preferences kept
 * in localStorage (the operator name written with an acknowledgement, sound on/off, desktop
 * notifications on/off). The alerts themselves live in boardStore.
 */
import { create } from 'zustand';
import type { Severity } from '../../../shared/alerts/rules.js';
import type { MessageKey } from '../../../shared/i18n/messages.js';

const OPERATOR_KEY = 'livedesk.alerts.operator';
const SOUND_KEY = 'livedesk.alerts.sound';
const NOTIFY_KEY = 'livedesk.alerts.notify';

/** Who acknowledged, when nobody typed a name (the role on duty). */
export const DEFAULT_OPERATOR = '场控';
/** The contract's limit for `by` (AckAlertArgs). */
export const MAX_OPERATOR_CHARS = 40;

export type AlertStateFilter = 'open' | 'all';
export type SeverityFilter = Severity | 'any';

export interface AlertStatus {
  /** Changes with every status, so the same message twice is announced again. */
  id: number;
  tone: 'ok' | 'error';
  key: MessageKey;
  vars?: Record<string, string | number>;
}

export interface AlertsUiState {
  panelOpen: boolean;
  stateFilter: AlertStateFilter;
  severityFilter: SeverityFilter;
  selectedId: number | null;
  expanded: ReadonlySet<number>;
  rulesOpen: boolean;
  /** The rule the editor opens on (a click on 屏蔽 → the muted rule). */
  rulesFocus: string | null;
  status: AlertStatus | null;
  operator: string;
  sound: boolean;
  notify: boolean;
}

function readPref(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    // Storage can be unavailable (privacy settings): the defaults apply.
    return null;
  }
}

function writePref(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Not persisted; the choice still applies to this window.
  }
}

/** A usable operator name: trimmed, at most 40 characters, the default when blank. */
export function cleanOperator(raw: string | null): string {
  const name = (raw ?? '').trim().slice(0, MAX_OPERATOR_CHARS).trim();
  return name === '' ? DEFAULT_OPERATOR : name;
}

export const useAlertsUi = create<AlertsUiState>()(() => ({
  panelOpen: false,
  stateFilter: 'open',
  severityFilter: 'any',
  selectedId: null,
  expanded: new Set<number>(),
  rulesOpen: false,
  rulesFocus: null,
  status: null,
  operator: cleanOperator(readPref(OPERATOR_KEY)),
  sound: readPref(SOUND_KEY) !== '0',
  notify: readPref(NOTIFY_KEY) !== '0',
}));

const set = useAlertsUi.setState;
let statusSeq = 0;

export const alertsUi = {
  /** Opens the panel, optionally on one alert (the bar's, a notification's). */
  openPanel(selectedId?: number) {
    set((s) => ({
      panelOpen: true,
      selectedId: selectedId ?? s.selectedId,
      // The alert asked for must be visible whatever the filters were.
      ...(selectedId !== undefined ? { stateFilter: 'all' as const, severityFilter: 'any' as const } : {}),
    }));
  },
  closePanel() {
    set({ panelOpen: false });
  },
  togglePanel() {
    set((s) => ({ panelOpen: !s.panelOpen }));
  },
  setStateFilter(stateFilter: AlertStateFilter) {
    set({ stateFilter });
  },
  setSeverityFilter(severityFilter: SeverityFilter) {
    set({ severityFilter });
  },
  select(selectedId: number | null) {
    set({ selectedId });
  },
  toggleExpanded(id: number) {
    set((s) => {
      const expanded = new Set(s.expanded);
      if (!expanded.delete(id)) expanded.add(id);
      return { expanded };
    });
  },
  openRules(ruleId: string | null = null) {
    set({ rulesOpen: true, rulesFocus: ruleId });
  },
  closeRules() {
    set({ rulesOpen: false, rulesFocus: null });
  },
  report(tone: AlertStatus['tone'], key: MessageKey, vars?: AlertStatus['vars']) {
    statusSeq += 1;
    set({ status: { id: statusSeq, tone, key, ...(vars ? { vars } : {}) } });
  },
  clearStatus(id: number) {
    set((s) => (s.status?.id === id ? { status: null } : {}));
  },
  setOperator(raw: string) {
    const operator = cleanOperator(raw);
    writePref(OPERATOR_KEY, operator);
    set({ operator });
  },
  setSound(sound: boolean) {
    writePref(SOUND_KEY, sound ? '1' : '0');
    set({ sound });
  },
  setNotify(notify: boolean) {
    writePref(NOTIFY_KEY, notify ? '1' : '0');
    set({ notify });
  },
};
