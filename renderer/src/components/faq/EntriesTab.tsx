import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { FaqEntryView } from '../../../../shared/api/contract.js';
import { useT } from '../../i18n/useI18n.js';
import { useBoardSync } from '../../state/BoardSyncContext.js';
import { useFaqStore } from '../../state/faqStore.js';
import { faqUi, useFaqUi, type EnabledFilter } from '../../state/faqUi.js';
import { CategoryChips } from './CategoryChips.js';
import { ConfirmBar, type ConfirmRequest } from './ConfirmBar.js';
import { FaqEditor } from './FaqEditor.js';
import { FaqList } from './FaqList.js';
import { ImportExport } from './ImportExport.js';
import { filterEntries } from './listFilter.js';
import { useEntryCommands, type FaqStatus } from './useEntryCommands.js';
import { useEntriesWithHits } from './useLibraryData.js';

/**
 * The 话术 tab: search, filters, the list and, beside it, the editor. The keyboard drives it
 * all (FaqList documents the keys); confirmations appear in place.
 */
export function EntriesTab() {
  const t = useT();
  const { client } = useBoardSync();
  const entries = useFaqStore((s) => s.entries);
  const { query, category, enabled, selectedId, editing } = useFaqUi(
    useShallow((s) => ({
      query: s.query,
      category: s.category,
      enabled: s.enabled,
      selectedId: s.selectedId,
      editing: s.editing,
    })),
  );
  // Synchronous on purpose (≈2–3 ms for 5,000 entries): Enter or ↓ right after typing must act
  // on the rows for what was typed, never on the previous query's (a deferred value lags).
  const filtered = useMemo(
    () => filterEntries(entries, { query, category, enabled }),
    [entries, query, category, enabled],
  );
  const withHits = useEntriesWithHits(entries);
  const selected = filtered.rows.some((r) => r.entry.id === selectedId)
    ? selectedId
    : (filtered.rows[0]?.entry.id ?? null);

  const listRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<FaqStatus | null>(null);
  const [confirmRequest, setConfirmRequest] = useState<ConfirmRequest | null>(null);

  const focusSearch = useCallback(() => {
    searchRef.current?.focus();
    searchRef.current?.select();
  }, []);
  // At once, not on the next frame: a key pressed right after saving must reach the list.
  const focusList = useCallback(() => listRef.current?.focus(), []);
  const closeConfirm = useCallback(() => {
    setConfirmRequest(null);
    focusList();
  }, [focusList]);

  const commands = useEntryCommands({
    client,
    rows: filtered.rows,
    searching: filtered.searching,
    listRef,
    focusSearch,
    setStatus,
    confirm: setConfirmRequest,
  });

  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    const first = filtered.rows[0]?.entry.id;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (first) faqUi.select(first);
      listRef.current?.focus();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (selected) commands.copy(selected);
    } else if (event.key === 'F2') {
      event.preventDefault();
      if (selected) commands.edit(selected);
    } else if (event.key === 'Escape' && query !== '') {
      // First Esc clears the search; the next one closes the library.
      event.preventDefault();
      faqUi.setQuery('');
    }
  };

  // "/" searches from anywhere in the tab that is not a text field.
  const onTabKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== '/' || event.ctrlKey || event.altKey || event.metaKey) return;
    const target = event.target as HTMLElement;
    if (target.closest('input, textarea, select, [contenteditable="true"]')) return;
    event.preventDefault();
    focusSearch();
  };

  const onSaved = (saved: FaqEntryView, isNew: boolean) => {
    faqUi.closeEditor();
    const filter = { ...useFaqUi.getState() };
    const visible = filterEntries(useFaqStore.getState().entries, filter).rows.some(
      (r) => r.entry.id === saved.id,
    );
    // A new entry the filters would hide: show everything, so the user sees what they made.
    if (!visible) {
      faqUi.setQuery('');
      faqUi.setCategory(null);
      faqUi.setEnabledFilter('all');
    }
    faqUi.select(saved.id);
    setStatus({
      tone: 'good',
      text: t(isNew ? 'faq.created' : 'faq.saved', { trigger: saved.triggers[0] ?? saved.id }),
    });
    focusList();
  };

  return (
    <div className={`faq-entries${editing ? ' has-editor' : ''}`} onKeyDown={onTabKeyDown}>
      <div className="faq-entries__main">
        <div className="faq-toolbar">
          <label className="faq-search">
            <span className="faq-search__icon" aria-hidden="true">
              ⌕
            </span>
            <input
              ref={searchRef}
              type="search"
              className="faq-search__input"
              data-testid="faq-search"
              data-autofocus=""
              aria-label={t('faq.search')}
              placeholder={t('faq.searchPlaceholder')}
              autoComplete="off"
              spellCheck={false}
              value={query}
              onChange={(event) => faqUi.setQuery(event.target.value)}
              onKeyDown={onSearchKeyDown}
            />
          </label>
          <select
            className="input"
            data-testid="faq-enabled-filter"
            aria-label={t('faq.filter.label')}
            value={enabled}
            onChange={(event) => faqUi.setEnabledFilter(event.target.value as EnabledFilter)}
          >
            <option value="all">{t('faq.filter.all')}</option>
            <option value="enabled">{t('faq.filter.enabled')}</option>
            <option value="disabled">{t('faq.filter.disabled')}</option>
          </select>
          <button
            type="button"
            className="btn btn--primary"
            data-testid="faq-new"
            title={t('faq.newTitle')}
            onClick={() => faqUi.create()}
          >
            ＋ {t('faq.new')}
          </button>
          <ImportExport setStatus={setStatus} confirm={setConfirmRequest} />
        </div>
        <CategoryChips counts={filtered.counts} total={filtered.total} current={category} />
        <FaqList
          rows={filtered.rows}
          selectedId={selected}
          withHits={withHits}
          draggable={!filtered.searching}
          commands={commands}
          listRef={listRef}
        />
        <div
          className={`faq-status${status ? ` faq-status--${status.tone}` : ''}`}
          role="status"
          aria-live="polite"
          data-testid="faq-status"
          data-tone={status?.tone ?? ''}
        >
          {status?.text ?? t('faq.listKeys')}
        </div>
        {confirmRequest && <ConfirmBar request={confirmRequest} onClose={closeConfirm} />}
      </div>
      {editing && (
        <FaqEditor
          key={editing.kind === 'edit' ? editing.id : 'new'}
          editing={editing}
          defaultCategory={category ?? 'other'}
          onSaved={onSaved}
          onClose={() => {
            faqUi.closeEditor();
            focusList();
          }}
        />
      )}
    </div>
  );
}
