/**
 * What the library's commands do against the core, keeping the renderer's cache in step at once
 * (the revision round-trip then confirms it). Each returns or throws; the tab shows the result.
 */
import type { FaqEntryInput, FaqEntryView, LiveDeskClient } from '../../../../shared/api/contract.js';
import { faqActions, useFaqStore } from '../../state/faqStore.js';
import { copyText } from './clipboard.js';

/** An entry as saveFaqEntry takes it (the view's usage and search keys are the core's own). */
export function entryInput(entry: FaqEntryView, patch: Partial<FaqEntryInput> = {}): FaqEntryInput {
  const { id, category, triggers, answer, hotkey, enabled } = entry;
  return { id, category, triggers, answer, ...(hotkey ? { hotkey } : {}), enabled, ...patch };
}

export async function saveEntry(client: LiveDeskClient, input: FaqEntryInput): Promise<FaqEntryView> {
  const saved = await client.saveFaqEntry({ entry: input });
  faqActions.putEntry(saved);
  return saved;
}

export async function deleteEntry(client: LiveDeskClient, id: string): Promise<void> {
  const removed = await client.deleteFaqEntry({ id });
  if (!removed) throw new Error(`no entry ${id}`);
  await faqActions.reloadLibrary(client);
}

/**
 * Puts the library in the new order now (same entries, so the store's id and hotkey indexes stay
 * valid) and tells the core; calls go out in order on one connection, so quick repeated moves
 * arrive in the order they were made.
 */
export async function reorderEntries(client: LiveDeskClient, ids: string[]): Promise<void> {
  const { byId, entries } = useFaqStore.getState();
  const next = ids.flatMap((id) => {
    const entry = byId.get(id);
    return entry ? [entry] : [];
  });
  if (next.length === entries.length) useFaqStore.setState({ entries: next });
  try {
    await client.reorderFaq({ ids });
  } catch (error) {
    await faqActions.reloadLibrary(client);
    throw error;
  }
}

/** Copies the filled answer and counts the use (推荐 / 使用 columns). */
export async function copyEntry(
  client: LiveDeskClient,
  id: string,
  text: string,
  host: HTMLElement | undefined,
): Promise<void> {
  await copyText(text, host);
  const recorded = await client.recordFaqUse({ faqId: id });
  const latest = useFaqStore.getState().byId.get(id);
  if (latest) {
    faqActions.putEntry({
      ...latest,
      usage: { ...latest.usage, used: recorded.used, lastUsedAt: Date.now() },
    });
  }
}
