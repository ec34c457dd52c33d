import { useT } from '../../i18n/useI18n.js';
import { useBoardStore } from '../../state/boardStore.js';
import { targetsUi, useTargetsUi } from '../../state/targetsUi.js';
import { ToolButton } from '../common/ToolButton.js';

/** Top-bar button: opens the targets dialog; a dot says targets are set. */
export function TargetsButton() {
  const t = useT();
  const open = useTargetsUi((s) => s.open);
  const hasTargets = useBoardStore(
    (s) => s.targets.gmv !== null || s.targets.peakOnline !== null || s.targets.newFollowers !== null,
  );
  return (
    <ToolButton
      testId="targets-open"
      icon="◎"
      label={t('targets.open')}
      className={hasTargets ? 'has-targets' : undefined}
      aria-label={t('targets.open')}
      title={t('targets.openTitle')}
      aria-haspopup="dialog"
      aria-expanded={open}
      onClick={() => targetsUi.open()}
    />
  );
}
