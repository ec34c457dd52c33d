import { useT } from '../../i18n/useI18n.js';
import { useBoardStore } from '../../state/boardStore.js';
import { targetsUi, useTargetsUi } from '../../state/targetsUi.js';

/** Top-bar button: opens the targets dialog; a dot says targets are set. */
export function TargetsButton() {
  const t = useT();
  const open = useTargetsUi((s) => s.open);
  const hasTargets = useBoardStore(
    (s) => s.targets.gmv !== null || s.targets.peakOnline !== null || s.targets.newFollowers !== null,
  );
  return (
    <button
      type="button"
      aria-label={t('targets.open')}
      className={`tool-button${hasTargets ? ' has-targets' : ''}`}
      data-testid="targets-open"
      title={t('targets.openTitle')}
      aria-haspopup="dialog"
      aria-expanded={open}
      onClick={() => targetsUi.open()}
    >
      <span aria-hidden="true">◎</span> <span className="tool-button__label">{t('targets.open')}</span>
    </button>
  );
}
