import type { KeyboardEvent } from 'react';

const tabId = (idPrefix: string, tab: string) => `${idPrefix}-tab-${tab}`;
const panelId = (idPrefix: string, tab: string) => `${idPrefix}-panel-${tab}`;

/**
 * A dialog's tabs (WAI-ARIA tabs pattern): ←/→ move between them, only the current one is in
 * the Tab order. Each tab's id and test id is `<idPrefix>-tab-<tab>`; its panel is
 * `<idPrefix>-panel-<tab>` (tabPanelProps).
 */
export function Tabs<T extends string>({
  idPrefix,
  tabs,
  current,
  ariaLabel,
  labelOf,
  onSelect,
}: {
  idPrefix: string;
  tabs: readonly T[];
  current: T;
  ariaLabel: string;
  labelOf: (tab: T) => string;
  onSelect: (tab: T) => void;
}) {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const step = event.key === 'ArrowRight' ? 1 : tabs.length - 1;
    const next = tabs[(tabs.indexOf(current) + step) % tabs.length];
    if (next === undefined) return;
    onSelect(next);
    document.getElementById(tabId(idPrefix, next))?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label={ariaLabel} onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab}
          type="button"
          role="tab"
          id={tabId(idPrefix, tab)}
          data-testid={tabId(idPrefix, tab)}
          aria-selected={tab === current}
          aria-controls={panelId(idPrefix, tab)}
          tabIndex={tab === current ? 0 : -1}
          className={`tabs__tab${tab === current ? ' is-current' : ''}`}
          onClick={() => onSelect(tab)}
        >
          {labelOf(tab)}
        </button>
      ))}
    </div>
  );
}

/** The attributes of the current tab's panel. */
export function tabPanelProps(idPrefix: string, tab: string) {
  return { role: 'tabpanel', id: panelId(idPrefix, tab), 'aria-labelledby': tabId(idPrefix, tab) } as const;
}
