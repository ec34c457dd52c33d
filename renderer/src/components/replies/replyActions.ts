/**
 * What the reply keys do: copy a filled answer (after a 广告法 check), then mark the question
 * group answered; mark by hand; dismiss. Each result lands in the board store at once (the
 * service answers with the new pending state) and in a toast.
 */
import type { LiveDeskClient, PendingGroup } from '../../../../shared/api/contract.js';
import { findProhibitedWords } from '../../../../shared/faq/compliance.js';
import { autoVariables, mergeVariables } from '../../../../shared/faq/variables.js';
import { boardActions, useBoardStore } from '../../state/boardStore.js';
import { useFaqStore } from '../../state/faqStore.js';
import { repliesUi, useRepliesUi } from '../../state/repliesUi.js';
import { buildReplyText } from './buildReply.js';
import { writeClipboard } from './clipboard.js';
import { messageOf } from '../common/errorMessage.js';

export function findPendingGroup(groupKey: string): PendingGroup | null {
  return useBoardStore.getState().replies?.pending.find((g) => g.key === groupKey) ?? null;
}

/** The {变量} values in force now: the show's (user) values over the presented product's. */
export function currentReplyVariables(): Record<string, string> {
  const values = useFaqStore.getState().vars?.values ?? {};
  return mergeVariables(values, autoVariables(useBoardStore.getState().product));
}

/** The text a copy of `faqId` for `group` would put on the clipboard, or null if no such entry. */
export function replyTextFor(faqId: string, group: PendingGroup | null) {
  const entry = useFaqStore.getState().byId.get(faqId);
  if (!entry) return null;
  const mentions = group && useRepliesUi.getState().mention ? group.nicknames : [];
  return buildReplyText(entry.answer, currentReplyVariables(), mentions);
}

export interface CopyRequest {
  /** null: no question selected; the copy counts as library use only. */
  groupKey: string | null;
  faqId: string;
  /** The user already saw the restricted words and pressed Enter again. */
  confirmed?: boolean;
}

export async function copyReply(client: LiveDeskClient, request: CopyRequest): Promise<void> {
  const ui = useRepliesUi.getState();
  if (ui.busy) return;
  const group = request.groupKey === null ? null : findPendingGroup(request.groupKey);
  const filled = replyTextFor(request.faqId, group);
  if (!filled) {
    repliesUi.toast('error', { key: 'replies.toast.noEntry' });
    return;
  }
  if (!request.confirmed) {
    const compliance = useFaqStore.getState().compliance;
    const hits = compliance ? findProhibitedWords(filled.text, compliance) : [];
    if (hits.length > 0) {
      repliesUi.askConfirm({ groupKey: request.groupKey, faqId: request.faqId, text: filled.text, hits });
      return;
    }
  }
  repliesUi.cancelConfirm();
  repliesUi.setBusy(true);
  try {
    try {
      await writeClipboard(filled.text);
    } catch (error) {
      repliesUi.toast('error', { key: 'replies.toast.copyFailed', vars: { reason: messageOf(error) } });
      return;
    }
    const missing = filled.missing.length
      ? [
          {
            key: 'replies.missingVars' as const,
            vars: { names: filled.missing.map((n) => `{${n}}`).join(' ') },
          },
        ]
      : [];
    const tone = missing.length ? 'warn' : 'ok';
    if (request.groupKey === null) {
      repliesUi.toast(tone, { key: 'replies.toast.copied' }, ...missing);
      // Usage statistics only: the copy already happened, so a failure here is not worth a warning.
      await client.recordFaqUse({ faqId: request.faqId }).catch(() => undefined);
      return;
    }
    try {
      const result = await client.answerQuestions({ groupKey: request.groupKey, faqId: request.faqId });
      boardActions.setReplies(result.replies);
      const done =
        result.settled > 0
          ? { key: 'replies.toast.copiedAnswered' as const, vars: { n: result.settled } }
          : { key: 'replies.toast.alreadyAnswered' as const };
      repliesUi.toast(tone, done, ...missing);
    } catch (error) {
      repliesUi.toast('error', { key: 'replies.toast.answerFailed', vars: { reason: messageOf(error) } });
    }
  } finally {
    repliesUi.setBusy(false);
  }
}

/** Replied without the library (typed by hand): the group counts as answered, with no entry. */
export async function markAnswered(client: LiveDeskClient, groupKey: string): Promise<void> {
  await settle(client, groupKey, 'answer');
}

/** Not a question after all: leaves the KPIs' denominator. */
export async function dismissGroup(client: LiveDeskClient, groupKey: string): Promise<void> {
  await settle(client, groupKey, 'dismiss');
}

async function settle(client: LiveDeskClient, groupKey: string, how: 'answer' | 'dismiss'): Promise<void> {
  if (useRepliesUi.getState().busy) return;
  repliesUi.cancelConfirm();
  repliesUi.setBusy(true);
  try {
    const result =
      how === 'answer'
        ? await client.answerQuestions({ groupKey, faqId: null })
        : await client.dismissQuestions({ groupKey });
    boardActions.setReplies(result.replies);
    repliesUi.toast('ok', {
      key: how === 'answer' ? 'replies.toast.markedAnswered' : 'replies.toast.dismissed',
      vars: { n: result.settled },
    });
  } catch (error) {
    repliesUi.toast('error', { key: 'replies.toast.actionFailed', vars: { reason: messageOf(error) } });
  } finally {
    repliesUi.setBusy(false);
  }
}
