import { useMemo } from 'react';
import type { LiveDeskClient, PendingGroup } from '../../../../shared/api/contract.js';
import { splitByHits } from '../../../../shared/faq/compliance.js';
import { useT } from '../../i18n/useI18n.js';
import { useFaqStore } from '../../state/faqStore.js';
import { repliesUi, useRepliesUi, type PendingConfirm } from '../../state/repliesUi.js';
import { mentionPrefix } from './buildReply.js';
import { groupChips } from './chips.js';
import { copyReply } from './replyActions.js';
import { resolveSelection } from './selection.js';
import { useReplyVariables } from './useReplyVariables.js';

interface ReplyPreviewProps {
  client: LiveDeskClient;
  groups: readonly PendingGroup[];
}

/**
 * Under the list: exactly what Enter will copy for the selected group (with @names when on),
 * which {变量} are still empty, or a copy held back for restricted words.
 */
export function ReplyPreview({ client, groups }: ReplyPreviewProps) {
  const t = useT();
  const stored = useRepliesUi((s) => s.selection);
  const picked = useRepliesUi((s) => s.picked);
  const mention = useRepliesUi((s) => s.mention);
  const confirm = useRepliesUi((s) => s.confirm);
  const byId = useFaqStore((s) => s.byId);
  const vars = useReplyVariables();
  const selection = resolveSelection(
    stored,
    groups.map((g) => g.key),
  );
  const group = selection.key === null ? null : (groups[selection.index] ?? null);
  const chips = useMemo(() => (group ? groupChips(group.suggestions, byId, vars) : []), [group, byId, vars]);

  if (confirm) return <ConfirmCopy client={client} confirm={confirm} />;
  if (!group) {
    return (
      <footer className="reply-preview is-idle" data-testid="reply-preview">
        <span className="reply-preview__hint">{t('replies.preview.idle')}</span>
      </footer>
    );
  }
  const chip = chips[Math.min(picked, chips.length - 1)];
  if (!chip) {
    return (
      <footer className="reply-preview" data-testid="reply-preview">
        <p className="reply-preview__nomatch">{t('replies.noMatch')}</p>
        <span className="reply-preview__hint">{t('replies.preview.hint')}</span>
      </footer>
    );
  }
  const text = (mention ? mentionPrefix(group.nicknames) : '') + chip.text;
  return (
    <footer className="reply-preview" data-testid="reply-preview">
      <p className="reply-preview__text" title={text}>
        <span className="reply-preview__label">{t('replies.preview.label')}</span>
        <bdi data-testid="reply-preview-text">{text}</bdi>
      </p>
      {chip.missing.length > 0 && (
        <p className="reply-preview__missing" data-testid="reply-preview-missing">
          <span aria-hidden="true">⚠ </span>
          {t('replies.missingVars', { names: chip.missing.map((n) => `{${n}}`).join(' ') })}
        </p>
      )}
      <span className="reply-preview__hint">{t('replies.preview.hint')}</span>
    </footer>
  );
}

function ConfirmCopy({ client, confirm }: { client: LiveDeskClient; confirm: PendingConfirm }) {
  const t = useT();
  const parts = splitByHits(confirm.text, confirm.hits);
  return (
    <footer className="reply-preview is-confirm" data-testid="reply-confirm" role="alert">
      <p className="reply-preview__warn">
        <span aria-hidden="true">⚠ </span>
        {t('replies.confirm.title')}：{[...new Set(confirm.hits.map((h) => h.word))].join('、')}
      </p>
      <p className="reply-preview__text">
        <bdi data-testid="reply-confirm-text">
          {parts.map((part, i) =>
            part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
          )}
        </bdi>
      </p>
      <div className="reply-preview__actions">
        <button
          type="button"
          className="btn btn--primary"
          onClick={() =>
            void copyReply(client, { groupKey: confirm.groupKey, faqId: confirm.faqId, confirmed: true })
          }
        >
          {t('replies.confirm.copy')} <kbd>Enter</kbd>
        </button>
        <button type="button" className="btn" onClick={() => repliesUi.cancelConfirm()}>
          {t('replies.confirm.cancel')} <kbd>Esc</kbd>
        </button>
      </div>
    </footer>
  );
}
