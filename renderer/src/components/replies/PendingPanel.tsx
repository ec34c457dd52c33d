import { useCallback, useRef } from 'react';
import type { PendingGroup } from '../../../../shared/api/contract.js';
import { useT } from '../../i18n/useI18n.js';
import { useBoardStore } from '../../state/boardStore.js';
import { useBoardSync } from '../../state/BoardSyncContext.js';
import { repliesUi, useRepliesUi } from '../../state/repliesUi.js';
import { CopyToast } from './CopyToast.js';
import { PendingList } from './PendingList.js';
import { ReplyKpiStrip } from './ReplyKpiStrip.js';
import { ReplyPreview } from './ReplyPreview.js';
import { FOCUS_PENDING_KEY, useReplyHotkeys } from './useReplyHotkeys.js';
import './replies.css';

const NO_GROUPS: readonly PendingGroup[] = [];

/**
 * 待回复: the show's unanswered questions next to the comment stream, worked from the keyboard
 * (seed 002: every question answered within 30 s, 92 % resolved).
 */
export function PendingPanel() {
  const t = useT();
  const { client } = useBoardSync();
  const replies = useBoardStore((s) => s.replies);
  const hasShow = useBoardStore((s) => s.show !== null);
  const listRef = useRef<HTMLDivElement>(null);
  const focusList = useCallback(() => listRef.current?.focus(), []);
  useReplyHotkeys(client, focusList);

  const groups = replies?.pending ?? NO_GROUPS;
  const hidden = replies ? Math.max(0, replies.pendingGroups - replies.pending.length) : 0;

  return (
    <section className="panel pending" data-testid="pending-panel" aria-labelledby="pending-title">
      <header className="panel__head pending__head">
        <h2 id="pending-title" className="panel__title">
          {t('replies.title')}
        </h2>
        <span className="badge badge--soft-accent" data-testid="pending-count-total">
          {replies?.pendingQuestions ?? 0}
        </span>
        <span className="spacer" />
        <MentionToggle />
        <ShortcutHelp />
      </header>
      <ReplyKpiStrip kpis={replies?.kpis ?? null} />
      <div className="pending__body">
        <PendingList client={client} groups={groups} listRef={listRef} />
        {groups.length === 0 && (
          <div className="empty-state empty-state--overlay" data-testid="pending-empty">
            {hasShow ? t('replies.empty') : t('replies.noShow')}
          </div>
        )}
        {hidden > 0 && (
          <div className="pending__more" data-testid="pending-more">
            {t('replies.moreGroups', { n: hidden })}
          </div>
        )}
        <CopyToast />
      </div>
      <ReplyPreview client={client} groups={groups} />
    </section>
  );
}

function MentionToggle() {
  const t = useT();
  const mention = useRepliesUi((s) => s.mention);
  return (
    <button
      type="button"
      className={`pill pending__mention${mention ? ' is-current' : ''}`}
      aria-pressed={mention}
      data-testid="reply-mention-toggle"
      title={t('replies.mentionTitle')}
      onClick={() => repliesUi.toggleMention()}
    >
      {t('replies.mention')}
    </button>
  );
}

/** The keys, one click (or Tab + Enter) away; a native disclosure needs no state of its own. */
function ShortcutHelp() {
  const t = useT();
  const rows: [string, string][] = [
    [FOCUS_PENDING_KEY, t('replies.help.focus')],
    ['↑ ↓ Home End', t('replies.help.move')],
    ['1 2 3 · ← →', t('replies.help.pick')],
    ['Enter', t('replies.help.copy')],
    ['Alt+1 …', t('replies.help.hotkey')],
    ['Shift+Enter', t('replies.help.manual')],
    ['Delete · D', t('replies.help.dismiss')],
    ['Esc', t('replies.help.clear')],
    ['/ · Ctrl+/', t('replies.help.search')],
  ];
  return (
    <details
      className="reply-help"
      data-testid="reply-help"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !event.currentTarget.open) return;
        event.preventDefault();
        event.currentTarget.open = false;
        event.currentTarget.querySelector('summary')?.focus();
      }}
    >
      <summary
        className="reply-help__button"
        title={t('replies.helpTitle')}
        aria-label={t('replies.helpTitle')}
      >
        ?
      </summary>
      <div className="reply-help__popover">
        <p className="reply-help__title">{t('replies.helpTitle')}</p>
        <dl>
          {rows.map(([keys, what]) => (
            <div key={keys} className="reply-help__row">
              <dt>
                <kbd>{keys}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <p className="reply-help__note">{t('replies.help.note')}</p>
      </div>
    </details>
  );
}
