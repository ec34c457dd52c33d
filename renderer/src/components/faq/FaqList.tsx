import { memo, useLayoutEffect, useState, type DragEvent, type KeyboardEvent, type RefObject } from 'react';
import type { FaqEntryView } from '../../../../shared/api/contract.js';
import { useNow } from '../../hooks/useNow.js';
import { useT, type Translate } from '../../i18n/useI18n.js';
import { visibleRange } from '../comments/visibleRange.js';
import type { FaqListRow } from './listFilter.js';
import { relativeAge } from './relativeAge.js';
import { useClientHeight } from '../../hooks/useClientHeight.js';

/** Fixed row height (px), so any row can be placed without measuring: matches faq.css. */
export const FAQ_ROW_HEIGHT = 34;
const OVERSCAN_ROWS = 8;

/** What the list's keys do; the tab above decides how (confirmations, API calls). */
export interface FaqListCommands {
  select(id: string): void;
  copy(id: string): void;
  edit(id: string): void;
  create(): void;
  remove(id: string): void;
  toggle(id: string): void;
  move(id: string, delta: -1 | 1): void;
  drop(id: string, target: string, side: 'before' | 'after'): void;
  focusSearch(): void;
}

interface FaqListProps {
  rows: readonly FaqListRow[];
  selectedId: string | null;
  withHits: ReadonlySet<string>;
  /** Drag to reorder only in library order (not while showing search results). */
  draggable: boolean;
  commands: FaqListCommands;
  listRef: RefObject<HTMLDivElement | null>;
}

/**
 * The library as a keyboard-first list, windowed by hand (libraries reach thousands of
 * entries): only rows in view plus overscan are in the DOM. The list itself holds focus and
 * points at the selected row with aria-activedescendant.
 */
export function FaqList({ rows, selectedId, withHits, draggable, commands, listRef }: FaqListProps) {
  const t = useT();
  const now = useNow(30_000);
  const [scrollTop, setScrollTop] = useState(0);
  const viewportHeight = useClientHeight(listRef);
  const [dragging, setDragging] = useState<string | null>(null);
  const selectedIndex = rows.findIndex((r) => r.entry.id === selectedId);
  const { start, end } = visibleRange(scrollTop, viewportHeight, FAQ_ROW_HEIGHT, rows.length, OVERSCAN_ROWS);

  // Keep the selected row in view (keyboard moves, a new entry appended at the end).
  useLayoutEffect(() => {
    const viewport = listRef.current;
    if (!viewport || selectedIndex < 0) return;
    const top = selectedIndex * FAQ_ROW_HEIGHT;
    const bottom = top + FAQ_ROW_HEIGHT;
    if (top < viewport.scrollTop) viewport.scrollTop = top;
    else if (bottom > viewport.scrollTop + viewport.clientHeight) {
      viewport.scrollTop = bottom - viewport.clientHeight;
    }
  }, [selectedIndex, listRef, rows.length]);

  const selectAt = (index: number) => {
    const row = rows[Math.max(0, Math.min(rows.length - 1, index))];
    if (row) commands.select(row.entry.id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.nativeEvent.isComposing) return;
    const current = rows[selectedIndex]?.entry.id ?? null;
    const page = Math.max(1, Math.floor(viewportHeight / FAQ_ROW_HEIGHT) - 1);
    const plain = !event.ctrlKey && !event.altKey && !event.metaKey;
    let handled = true;
    if ((event.key === 'ArrowUp' || event.key === 'ArrowDown') && event.altKey) {
      if (current) commands.move(current, event.key === 'ArrowUp' ? -1 : 1);
    } else if (event.key === 'ArrowDown') selectAt(selectedIndex + 1);
    else if (event.key === 'ArrowUp') {
      if (selectedIndex <= 0) commands.focusSearch();
      else selectAt(selectedIndex - 1);
    } else if (event.key === 'PageDown') selectAt(selectedIndex + page);
    else if (event.key === 'PageUp') selectAt(selectedIndex - page);
    else if (event.key === 'Home') selectAt(0);
    else if (event.key === 'End') selectAt(rows.length - 1);
    else if (event.key === 'Enter' && plain) {
      if (current) commands.copy(current);
    } else if ((event.key === 'F2' || event.key.toLowerCase() === 'e') && plain) {
      if (current) commands.edit(current);
    } else if (event.key.toLowerCase() === 'n' && plain) commands.create();
    else if (event.key === 'Delete' && plain) {
      if (current) commands.remove(current);
    } else if (event.key === ' ' && plain) {
      if (current) commands.toggle(current);
    } else if (event.key === '/' && plain) commands.focusSearch();
    else handled = false;
    if (handled) event.preventDefault();
  };

  const activeId = selectedIndex >= 0 ? rowId(rows[selectedIndex]?.entry.id ?? '') : undefined;

  return (
    <div className="faq-list">
      <div className="faq-list__head faq-grid" aria-hidden="true">
        <span>#</span>
        <span>{t('faq.col.category')}</span>
        <span>{t('faq.col.triggers')}</span>
        <span>{t('faq.col.answer')}</span>
        <span>{t('faq.col.hotkey')}</span>
        <span>{t('faq.col.enabled')}</span>
        <span>{t('faq.col.usage')}</span>
      </div>
      <div
        ref={listRef}
        className="faq-list__viewport"
        role="listbox"
        aria-label={t('faq.listLabel')}
        aria-activedescendant={activeId}
        data-testid="faq-list"
        data-count={rows.length}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
        onFocus={() => {
          if (selectedIndex < 0) selectAt(0);
        }}
      >
        <div className="faq-list__canvas" style={{ height: rows.length * FAQ_ROW_HEIGHT }}>
          {rows.slice(start, end).map((row, i) => (
            <FaqRow
              key={row.entry.id}
              row={row}
              top={(start + i) * FAQ_ROW_HEIGHT}
              selected={row.entry.id === selectedId}
              hasHits={withHits.has(row.entry.id)}
              draggable={draggable}
              isDragging={dragging === row.entry.id}
              now={now}
              t={t}
              onDragState={setDragging}
              dragging={dragging}
              commands={commands}
            />
          ))}
        </div>
      </div>
      {rows.length === 0 && (
        <div className="faq-list__empty" data-testid="faq-empty">
          {t('faq.empty')}
        </div>
      )}
    </div>
  );
}

const rowId = (id: string) => `faq-row-${id}`;

interface FaqRowProps {
  row: FaqListRow;
  top: number;
  selected: boolean;
  hasHits: boolean;
  draggable: boolean;
  isDragging: boolean;
  dragging: string | null;
  now: number;
  t: Translate;
  onDragState: (id: string | null) => void;
  commands: FaqListCommands;
}

const FaqRow = memo(function FaqRow({
  row,
  top,
  selected,
  hasHits,
  draggable,
  isDragging,
  dragging,
  now,
  t,
  onDragState,
  commands,
}: FaqRowProps) {
  const { entry, order } = row;
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    onDragState(null);
    if (!dragging || dragging === entry.id) return;
    const box = event.currentTarget.getBoundingClientRect();
    const side = event.clientY < box.top + box.height / 2 ? 'before' : 'after';
    commands.drop(dragging, entry.id, side);
  };
  return (
    <div
      id={rowId(entry.id)}
      role="option"
      aria-selected={selected}
      data-testid="faq-row"
      data-id={entry.id}
      data-enabled={entry.enabled}
      data-hits={hasHits}
      className={`faq-row faq-grid${selected ? ' is-selected' : ''}${entry.enabled ? '' : ' is-disabled'}${
        isDragging ? ' is-dragging' : ''
      }`}
      style={{ top }}
      draggable={draggable}
      onMouseDown={() => commands.select(entry.id)}
      onDoubleClick={() => commands.edit(entry.id)}
      onDragStart={(event) => {
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/plain', entry.id);
        onDragState(entry.id);
      }}
      onDragEnd={() => onDragState(null)}
      onDragOver={(event) => {
        if (!dragging) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
      }}
      onDrop={onDrop}
    >
      <span className="faq-row__order">{order}</span>
      <span className={`faq-cat faq-cat--${entry.category}`}>{t(`faq.cat.${entry.category}`)}</span>
      <span className="faq-row__triggers" title={entry.triggers.join('\n')}>
        <span className="faq-row__trigger-text">{entry.triggers.slice(0, 2).join(' / ')}</span>
        {entry.triggers.length > 2 && (
          <span className="faq-row__more">{t('faq.moreTriggers', { n: entry.triggers.length - 2 })}</span>
        )}
      </span>
      <span className="faq-row__answer" title={entry.answer}>
        {hasHits && (
          <span className="faq-row__hit" data-testid="faq-row-hit" title={t('faq.rowHasHits')}>
            ⚠
          </span>
        )}
        {entry.answer}
      </span>
      <span className="faq-row__hotkey">{entry.hotkey ? <kbd>{entry.hotkey}</kbd> : null}</span>
      <span className="faq-row__enabled">
        <button
          type="button"
          tabIndex={-1}
          role="switch"
          aria-checked={entry.enabled}
          aria-label={t('faq.col.enabled')}
          className={`faq-switch${entry.enabled ? ' is-on' : ''}`}
          onClick={() => commands.toggle(entry.id)}
        />
      </span>
      <span className="faq-row__usage">{usageText(entry, now, t)}</span>
    </div>
  );
});

function usageText(entry: FaqEntryView, now: number, t: Translate): string {
  const { suggested, used, lastUsedAt } = entry.usage;
  const age = relativeAge(now, lastUsedAt);
  const last =
    age.unit === 'never'
      ? t('faq.usage.never')
      : age.unit === 'now'
        ? t('faq.usage.justNow')
        : t(`faq.usage.${age.unit}Ago`, { n: age.n });
  return `${t('faq.usage.suggested', { n: suggested })} · ${t('faq.usage.used', { n: used })} · ${last}`;
}
