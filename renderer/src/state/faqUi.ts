/**
 * The FAQ library manager's UI state (话术库 dialog): open or not, which tab, the list's filters
 * and selection, and what the editor holds. UI-only, not persisted: the library itself lives in
 * faqStore and the core.
 */
import { create } from 'zustand';
import type { FaqCategory } from '../../../shared/faq/entry.js';

export type FaqTab = 'entries' | 'vars' | 'compliance';
export const FAQ_TABS: readonly FaqTab[] = ['entries', 'vars', 'compliance'];

export type EnabledFilter = 'all' | 'enabled' | 'disabled';

/** What the editor panel shows: nothing, a new entry, or an existing one. */
export type FaqEditing = { kind: 'new' } | { kind: 'edit'; id: string } | null;

export interface FaqUiState {
  open: boolean;
  tab: FaqTab;
  query: string;
  category: FaqCategory | null;
  enabled: EnabledFilter;
  selectedId: string | null;
  editing: FaqEditing;
}

const closedState: FaqUiState = {
  open: false,
  tab: 'entries',
  query: '',
  category: null,
  enabled: 'all',
  selectedId: null,
  editing: null,
};

export const useFaqUi = create<FaqUiState>()(() => closedState);

export const faqUi = {
  /** Opens on the entries tab; the filters of the last visit are kept (the same search again). */
  open(tab: FaqTab = 'entries') {
    useFaqUi.setState({ open: true, tab });
  },
  close() {
    useFaqUi.setState({ open: false, editing: null });
  },
  showTab(tab: FaqTab) {
    useFaqUi.setState({ tab });
  },
  setQuery(query: string) {
    useFaqUi.setState({ query });
  },
  setCategory(category: FaqCategory | null) {
    useFaqUi.setState({ category });
  },
  setEnabledFilter(enabled: EnabledFilter) {
    useFaqUi.setState({ enabled });
  },
  select(selectedId: string | null) {
    useFaqUi.setState({ selectedId });
  },
  edit(id: string) {
    useFaqUi.setState({ editing: { kind: 'edit', id }, selectedId: id });
  },
  create() {
    useFaqUi.setState({ editing: { kind: 'new' } });
  },
  closeEditor() {
    useFaqUi.setState({ editing: null });
  },
};
