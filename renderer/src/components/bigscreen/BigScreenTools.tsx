import { useEffect, useState } from 'react';
import { useT } from '../../i18n/useI18n.js';

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
      <button
        type="button"
        className="tool-button"
        data-testid="bigscreen-back"
        onClick={() => {
          window.location.hash = '';
        }}
      >
        <span aria-hidden="true">←</span> {t('bigscreen.back')}
      </button>
      <button
        type="button"
        className="tool-button"
        data-testid="bigscreen-fullscreen"
        onClick={toggleFullscreen}
      >
        <span aria-hidden="true">⛶</span>{' '}
        {fullscreen ? t('bigscreen.exitFullscreen') : t('bigscreen.fullscreen')}
      </button>
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
