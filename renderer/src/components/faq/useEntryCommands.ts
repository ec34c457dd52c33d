import { useMemo, type RefObject } from 'react';
import type { LiveDeskClient } from '../../../../shared/api/contract.js';
import { useT, type Translate } from '../../i18n/useI18n.js';
import { useFaqStore } from '../../state/faqStore.js';
import { faqUi } from '../../state/faqUi.js';
import { previewAnswer } from './answerPreview.js';
import type { ConfirmRequest } from './ConfirmBar.js';
import { copyEntry, deleteEntry, entryInput, reorderEntries, saveEntry } from './entryActions.js';
import type { FaqListCommands } from './FaqList.js';
import type { FaqListRow } from './listFilter.js';
import { moveAmongVisible, moveNextTo } from './reorder.js';
import { useFillVars } from './useLibraryData.js';
import { messageOf } from '../common/errorMessage.js';

export interface FaqStatus {
  tone: 'good' | 'bad' | 'info';
  text: string;
}

interface CommandContext {
  client: LiveDeskClient;
  rows: readonly FaqListRow[];
  searching: boolean;
  listRef: RefObject<HTMLDivElement | null>;
  focusSearch: () => void;
  setStatus: (status: FaqStatus | null) => void;
  confirm: (request: ConfirmRequest) => void;
}

/** The list's commands, acting on the rows shown, the show's variables and the word list. */
export function useEntryCommands(context: CommandContext): FaqListCommands {
  const t = useT();
  const vars = useFillVars();
  const compliance = useFaqStore((s) => s.compliance);
  const { client, rows, searching, listRef, focusSearch, setStatus, confirm } = context;
  // Rebuilt only when the rows or what copying depends on change (not on a selection move).
  return useMemo(() => {
    const latest: Latest = {
      client,
      rows,
      searching,
      listRef,
      focusSearch,
      setStatus,
      confirm,
      t,
      vars,
      compliance,
    };
    return makeCommands(() => latest);
  }, [client, rows, searching, listRef, focusSearch, setStatus, confirm, t, vars, compliance]);
}

type Latest = CommandContext & {
  t: Translate;
  vars: Record<string, string>;
  compliance: ReturnType<typeof useFaqStore.getState>['compliance'];
};

const entryById = (id: string) => useFaqStore.getState().byId.get(id);
const firstTrigger = (id: string) => entryById(id)?.triggers[0] ?? id;

function makeCommands(now: () => Latest): FaqListCommands {
  const focusList = () => now().listRef.current?.focus();
  const fail = (error: unknown) => now().setStatus({ tone: 'bad', text: messageOf(error) });

  const doCopy = (id: string, text: string) => {
    const { client, listRef, setStatus, t } = now();
    const host = listRef.current?.closest<HTMLElement>('[role="dialog"]') ?? undefined;
    copyEntry(client, id, text, host)
      .then(() => setStatus({ tone: 'good', text: t('faq.copied', { trigger: firstTrigger(id) }) }))
      .catch(fail);
  };

  const applyOrder = (ids: string[] | null, id: string) => {
    if (!ids) return;
    const { client, setStatus, t } = now();
    reorderEntries(client, ids)
      .then(() =>
        setStatus({
          tone: 'info',
          text: t('faq.moved', { trigger: firstTrigger(id), n: ids.indexOf(id) + 1 }),
        }),
      )
      .catch(fail);
  };

  return {
    select: (id) => faqUi.select(id),
    edit: (id) => faqUi.edit(id),
    create: () => faqUi.create(),
    focusSearch: () => now().focusSearch(),

    copy(id) {
      const entry = entryById(id);
      if (!entry) return;
      const { vars, compliance, confirm, t } = now();
      const preview = previewAnswer(entry.answer, vars, compliance);
      if (preview.hits.length === 0 && preview.missing.length === 0) {
        doCopy(id, preview.text);
        return;
      }
      const lines = [
        ...(preview.hits.length > 0 ? [t('faq.copy.hits', { words: preview.hits.join('、') })] : []),
        ...(preview.missing.length > 0
          ? [t('faq.copy.missing', { names: preview.missing.map((n) => `{${n}}`).join('、') })]
          : []),
        preview.text,
      ];
      confirm({
        title: t('faq.copy.confirmTitle'),
        lines,
        okLabel: t('faq.copy.anyway'),
        testId: 'copy',
        onOk: () => {
          doCopy(id, preview.text);
          focusList();
        },
      });
    },

    toggle(id) {
      const entry = entryById(id);
      if (!entry) return;
      const { client, setStatus, t } = now();
      saveEntry(client, entryInput(entry, { enabled: !entry.enabled }))
        .then((saved) =>
          setStatus({
            tone: 'info',
            text: t(saved.enabled ? 'faq.enabledNow' : 'faq.disabledNow', { trigger: firstTrigger(id) }),
          }),
        )
        .catch(fail);
    },

    remove(id) {
      const entry = entryById(id);
      if (!entry) return;
      const { confirm, t } = now();
      confirm({
        title: t('faq.delete.title', { trigger: entry.triggers[0] ?? id }),
        lines: [entry.answer],
        okLabel: t('faq.delete.ok'),
        danger: true,
        testId: 'delete',
        onOk: () => {
          const { client, rows, setStatus } = now();
          const at = rows.findIndex((r) => r.entry.id === id);
          const neighbour = rows[at + 1] ?? rows[at - 1];
          deleteEntry(client, id)
            .then(() => {
              faqUi.select(neighbour?.entry.id ?? null);
              setStatus({ tone: 'info', text: t('faq.deleted', { trigger: entry.triggers[0] ?? id }) });
              focusList();
            })
            .catch(fail);
        },
      });
    },

    move(id, delta) {
      const { rows, searching, setStatus, t } = now();
      if (searching) {
        setStatus({ tone: 'info', text: t('faq.move.clearSearch') });
        return;
      }
      const all = useFaqStore.getState().entries.map((e) => e.id);
      applyOrder(
        moveAmongVisible(
          all,
          rows.map((r) => r.entry.id),
          id,
          delta,
        ),
        id,
      );
    },

    drop(id, target, side) {
      const all = useFaqStore.getState().entries.map((e) => e.id);
      applyOrder(moveNextTo(all, id, target, side), id);
    },
  };
}
