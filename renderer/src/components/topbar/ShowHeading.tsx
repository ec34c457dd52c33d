import { useBoardStore } from '../../state/boardStore.js';
import { useT } from '../../i18n/useI18n.js';

export function ShowHeading() {
  const t = useT();
  const show = useBoardStore((s) => s.show);
  if (!show) {
    return (
      <div className="show-heading">
        <div className="show-heading__title show-heading__title--waiting" data-testid="show-title">
          {t('topbar.noShow')}
        </div>
      </div>
    );
  }
  const room = `${show.roomTitle} · ${t('topbar.room')} ${show.roomId} · ${show.platform}`;
  return (
    <div className="show-heading">
      <div className="show-heading__title" data-testid="show-title" title={show.title}>
        {show.title}
      </div>
      <div className="show-heading__room" data-testid="show-room" title={room}>
        {room}
      </div>
    </div>
  );
}
