import { useEffect, useState } from 'react';
import { useT } from '../../i18n/useI18n.js';
import { ToolButton } from '../common/ToolButton.js';
import { isViewerPage } from '../share/shareSession.js';

/** Back to the board, and full screen (a TV shows no browser chrome). */
export function BigScreenTools() {
  const t = useT();
  const fullscreen = useIsFullscreen();
  const toggleFullscreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen().catch(() => undefined);
  };
  return (
    <>
      {/* A LAN viewer has no board to go back to. */}
      {!isViewerPage() && (
        <ToolButton
          testId="bigscreen-back"
          icon="←"
          label={t('bigscreen.back')}
          collapsible={false}
          onClick={() => {
            window.location.hash = '';
          }}
        />
      )}
      <ToolButton
        testId="bigscreen-fullscreen"
        icon="⛶"
        label={fullscreen ? t('bigscreen.exitFullscreen') : t('bigscreen.fullscreen')}
        collapsible={false}
        onClick={toggleFullscreen}
      />
    </>
  );
}

function useIsFullscreen(): boolean {
  const [fullscreen, setFullscreen] = useState(() => document.fullscreenElement !== null);
  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  return fullscreen;
}
