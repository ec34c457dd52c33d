import { useT } from '../../i18n/useI18n.js';
import { useBoardStore } from '../../state/boardStore.js';

export function MessageRate() {
  const t = useT();
  const rate = useBoardStore((s) => s.feed?.messagesPerSec ?? null);
  return (
    <div className="msg-rate" data-testid="msg-rate">
      <span className="msg-rate__value">{rate === null ? '—' : rate.toFixed(1)}</span>
      <span className="msg-rate__unit">{t('topbar.msgPerSec')}</span>
    </div>
  );
}
