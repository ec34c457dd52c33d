/**
 * Hotkeys the contract allows but that already mean something everywhere (Ctrl+C copies, F5
 * reloads the web page): taking one is allowed, with a word of warning.
 */
const COMMON = new Set([
  'Ctrl+A',
  'Ctrl+C',
  'Ctrl+F',
  'Ctrl+N',
  'Ctrl+P',
  'Ctrl+Q',
  'Ctrl+R',
  'Ctrl+S',
  'Ctrl+T',
  'Ctrl+V',
  'Ctrl+W',
  'Ctrl+X',
  'Ctrl+Y',
  'Ctrl+Z',
  'F1',
  // F4 opens the summary view (components/report/useReportShortcut.ts).
  'F4',
  'F5',
  // F7 opens the incident log (components/operations/useOperationsShortcuts.ts).
  'F7',
  // F8 opens the alert panel (components/alerts/useAlertPanelShortcut.ts).
  'F8',
  // F9 opens the equipment checklist (components/operations/useOperationsShortcuts.ts).
  'F9',
  'F11',
  'F12',
]);

export function isCommonShortcut(hotkey: string): boolean {
  return COMMON.has(hotkey);
}

/** Keys that only modify another key: pressing one alone is the start of a combination. */
export function isModifierKey(key: string): boolean {
  return key === 'Control' || key === 'Alt' || key === 'Shift' || key === 'Meta' || key === 'AltGraph';
}
