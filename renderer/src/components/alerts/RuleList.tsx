import type { AlertKind } from '../../../../shared/api/alerts.js';
import type { AlertRule } from '../../../../shared/alerts/rules.js';
import { useT } from '../../i18n/useI18n.js';
import { useBoardSync } from '../../state/BoardSyncContext.js';
import { muteRule } from './alertActions.js';
import type { RuleEditing } from './RuleEditorDialog.js';
import { SeverityBadge } from './SeverityBadge.js';

const KINDS: readonly AlertKind[] = ['keyword', 'metric', 'feed'];

interface RuleListProps {
  rules: readonly AlertRule[];
  muted: readonly string[];
  editing: RuleEditing;
  onEdit: (editing: RuleEditing) => void;
}

/** Every rule, one row each (a button: click or Enter edits it), with unmute at hand. */
export function RuleList({ rules, muted, editing, onEdit }: RuleListProps) {
  const t = useT();
  const { client } = useBoardSync();
  const mutedSet = new Set(muted);
  return (
    <div className="rule-list">
      <div className="rule-list__new" role="group" aria-label={t('alerts.rules.new')}>
        <span className="rule-list__new-label">{t('alerts.rules.new')}</span>
        {KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            className="btn"
            data-testid={`alert-rule-new-${kind}`}
            onClick={() => onEdit({ kind: 'new', ruleKind: kind })}
          >
            + {t(`alerts.kind.${kind}`)}
          </button>
        ))}
      </div>
      <ul className="rule-list__rows" aria-label={t('alerts.rules.title')}>
        {rules.map((rule) => {
          const current = editing?.kind === 'rule' && editing.id === rule.id;
          const isMuted = mutedSet.has(rule.id);
          return (
            <li
              key={rule.id}
              className={`rule-row${current ? ' is-current' : ''}${rule.enabled ? '' : ' is-disabled'}`}
              data-testid="alert-rule-row"
              data-rule-id={rule.id}
            >
              <button
                type="button"
                className="rule-row__main"
                aria-current={current}
                onClick={() => onEdit({ kind: 'rule', id: rule.id })}
              >
                <SeverityBadge severity={rule.severity} />
                <span className="rule-row__name">
                  <bdi>{rule.name}</bdi>
                </span>
                <span className="rule-row__kind">{t(`alerts.kind.${rule.kind}`)}</span>
                {!rule.enabled && (
                  <span className="chip alert-chip is-off">{t('alerts.rules.disabled')}</span>
                )}
              </button>
              {isMuted && (
                <button
                  type="button"
                  className="chip alert-chip is-muted rule-row__unmute"
                  data-testid="alert-rule-unmute"
                  title={t('alerts.action.unmuteTitle')}
                  onClick={() => void muteRule(client, rule, false)}
                >
                  {t('alerts.ruleMuted')} · {t('alerts.action.unmute')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
