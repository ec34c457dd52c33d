import { useCallback, useEffect, useRef, useState } from 'react';
import type { LiveDeskClient } from '../../../../shared/api/contract.js';
import type { Report, ReportPeople, ReportScope } from '../../../../shared/api/report.js';
import { createDraftSaver, type DraftSaver, type SaveStatus } from './draftSaver.js';
import {
  adoptReport,
  clearBackup,
  draftFromReport,
  pageStorage,
  readBackup,
  sameDraft,
  savePayload,
  untouched,
  withPerson,
  withText,
  writeBackup,
  type ReportDraft,
  type TextField,
} from './reportDraft.js';

/** Typing pauses this long before the text is saved. */
export const SAVE_DELAY_MS = 800;
/** A failed save is tried again after this long (or at the next keystroke, Ctrl+S, export). */
export const SAVE_RETRY_MS = 5000;

export interface ReportDraftState {
  draft: ReportDraft;
  status: SaveStatus;
  error: string | null;
  /** Edits left unsaved by an earlier session were put back. */
  restored: boolean;
  setText(field: TextField, value: string): void;
  setPerson(role: keyof ReportPeople, value: string): void;
  /** Back to the prefilled text (after the user confirmed). */
  resetText(): Promise<boolean>;
  flush(): Promise<boolean>;
  /** Fresh figures from the core: untouched text follows the new prefill. */
  adopt(report: Report): void;
}

/**
 * The names and text of one report as the user edits them, saved automatically (see
 * draftSaver.ts) and backed up in localStorage until saved. Mount it once per scope (the caller
 * keys by scope): the scope is read once, and leaving flushes what is unsaved.
 */
export function useReportDraft(
  scope: ReportScope,
  initial: Report,
  client: LiveDeskClient,
  onReport: (report: Report) => void,
): ReportDraftState {
  const [storage] = useState(pageStorage);
  const [start] = useState(() => {
    const backup = readBackup(storage, scope);
    const fromCore = draftFromReport(initial);
    return backup && !sameDraft(backup, fromCore)
      ? { draft: backup, restored: true }
      : { draft: fromCore, restored: false };
  });
  const [draft, setDraft] = useState(start.draft);
  const [save, setSave] = useState<{ status: SaveStatus; error: string | null }>({
    status: 'saved',
    error: null,
  });
  const draftRef = useRef(draft);
  const saverRef = useRef<DraftSaver<ReportDraft> | null>(null);
  const onReportRef = useRef(onReport);
  useEffect(() => {
    onReportRef.current = onReport;
  }, [onReport]);

  const replaceDraft = useCallback((next: ReportDraft) => {
    draftRef.current = next;
    setDraft(next);
  }, []);

  useEffect(() => {
    const saver = createDraftSaver<ReportDraft>({
      delayMs: SAVE_DELAY_MS,
      retryMs: SAVE_RETRY_MS,
      save: async (value) => {
        const report = await client.saveReportText(savePayload(scope, value));
        onReportRef.current(report);
        replaceDraft(adoptReport(draftRef.current, report));
      },
      onStatus: (status, error) => {
        setSave({ status, error });
        if (status === 'saved') clearBackup(storage, scope);
      },
    });
    saverRef.current = saver;
    // Put back what an earlier session left unsaved, and store it now.
    if (start.restored) {
      saver.change(draftRef.current);
      void saver.flush();
    } else {
      clearBackup(storage, scope);
    }
    // Closing the tab: try to save (the backup covers a save that does not make it).
    const onPageHide = () => void saver.flush();
    window.addEventListener('pagehide', onPageHide);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      if (saverRef.current === saver) saverRef.current = null;
      void saver.dispose();
    };
  }, [client, scope, storage, start, replaceDraft]);

  const edit = useCallback(
    (next: ReportDraft) => {
      replaceDraft(next);
      writeBackup(storage, scope, next);
      saverRef.current?.change(next);
    },
    [replaceDraft, scope, storage],
  );

  const flush = useCallback(() => saverRef.current?.flush() ?? Promise.resolve(true), []);

  return {
    draft,
    status: save.status,
    error: save.error,
    restored: start.restored,
    setText: useCallback((field, value) => edit(withText(draftRef.current, field, value)), [edit]),
    setPerson: useCallback((role, value) => edit(withPerson(draftRef.current, role, value)), [edit]),
    resetText: useCallback(() => {
      edit(untouched(draftRef.current));
      return flush();
    }, [edit, flush]),
    flush,
    adopt: useCallback(
      (report: Report) => replaceDraft(adoptReport(draftRef.current, report)),
      [replaceDraft],
    ),
  };
}
