/**
 * The FAQ library as the renderer sees it: entries (with search keys and usage), the show's
 * {变量} values and the 广告法 word list. Fetched once, and again whenever the board's
 * faqRevision moves (an edit here, an import, another window) or the show changes.
 */
import { create } from 'zustand';
import type {
  ComplianceWords,
  FaqEntryView,
  FaqVariables,
  LiveDeskClient,
} from '../../../shared/api/contract.js';
import { useBoardStore } from './boardStore.js';

export interface FaqState {
  loaded: boolean;
  error: string | null;
  revision: number;
  entries: FaqEntryView[];
  byId: ReadonlyMap<string, FaqEntryView>;
  /** Entry id per canonical hotkey ("Alt+1"). */
  byHotkey: ReadonlyMap<string, string>;
  /** {变量} names the answers use. */
  variables: string[];
  vars: FaqVariables | null;
  compliance: ComplianceWords | null;
}

const initialFaqState: FaqState = {
  loaded: false,
  error: null,
  revision: -1,
  entries: [],
  byId: new Map(),
  byHotkey: new Map(),
  variables: [],
  vars: null,
  compliance: null,
};

export const useFaqStore = create<FaqState>()(() => initialFaqState);

function indexed(entries: FaqEntryView[]): Pick<FaqState, 'entries' | 'byId' | 'byHotkey'> {
  const byHotkey = new Map<string, string>();
  for (const entry of entries) if (entry.hotkey && entry.enabled) byHotkey.set(entry.hotkey, entry.id);
  return { entries, byId: new Map(entries.map((e) => [e.id, e])), byHotkey };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export const faqActions = {
  async reloadLibrary(client: LiveDeskClient): Promise<void> {
    try {
      const library = await client.listFaq();
      useFaqStore.setState({
        ...indexed(library.entries),
        variables: library.variables,
        revision: library.revision,
        loaded: true,
        error: null,
      });
    } catch (error) {
      useFaqStore.setState({ error: messageOf(error) });
    }
  },

  async reloadVars(client: LiveDeskClient): Promise<void> {
    try {
      useFaqStore.setState({ vars: await client.getFaqVars({}) });
    } catch (error) {
      useFaqStore.setState({ error: messageOf(error) });
    }
  },

  async reloadCompliance(client: LiveDeskClient): Promise<void> {
    try {
      useFaqStore.setState({ compliance: await client.getComplianceWords() });
    } catch (error) {
      useFaqStore.setState({ error: messageOf(error) });
    }
  },

  setVars(vars: FaqVariables) {
    useFaqStore.setState({ vars });
  },

  setCompliance(compliance: ComplianceWords) {
    useFaqStore.setState({ compliance });
  },

  /** One entry saved here: shown at once, before the revision round-trip. */
  putEntry(entry: FaqEntryView) {
    const { entries } = useFaqStore.getState();
    const at = entries.findIndex((e) => e.id === entry.id);
    const next = at >= 0 ? entries.map((e, i) => (i === at ? entry : e)) : [...entries, entry];
    useFaqStore.setState(indexed(next));
  },
};

/**
 * Keeps the cache in step with the core: call once with the running client. Returns the
 * unsubscribe function.
 */
export function startFaqSync(client: LiveDeskClient): () => void {
  let showId: string | null | undefined;
  let complianceRequested = false;
  const check = () => {
    const board = useBoardStore.getState();
    if (!board.loaded) return;
    const faq = useFaqStore.getState();
    if (board.faqRevision !== faq.revision) {
      useFaqStore.setState({ revision: board.faqRevision });
      void faqActions.reloadLibrary(client);
    }
    const currentShow = board.show?.id ?? null;
    if (currentShow !== showId) {
      showId = currentShow;
      void faqActions.reloadVars(client);
    }
    if (!complianceRequested) {
      complianceRequested = true;
      void faqActions.reloadCompliance(client);
    }
  };
  check();
  return useBoardStore.subscribe(check);
}
