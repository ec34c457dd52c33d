import { useT } from '../../i18n/useI18n.js';
import { ToolButton } from '../common/ToolButton.js';
import { ShareDialog } from './ShareDialog.js';
import { pageShareRole } from './shareSession.js';
import { shareUi, useShareUi } from './shareUi.js';

/**
 * Top-bar button: 共享看板到局域网. Not on a LAN device's page (only the app shares), and the
 * dialog lives with the button so the board needs no other wiring.
 */
export function ShareButton() {
  const t = useT();
  const open = useShareUi((s) => s.open);
  if (pageShareRole() !== null) return null;
  return (
    <>
      <ToolButton
        testId="share-open"
        icon="⇪"
        label={t('share.open')}
        title={t('share.openTitle')}
        aria-label={t('share.openTitle')}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => shareUi.open()}
      />
      {open && <ShareDialog />}
    </>
  );
}
