import type { ShowSummary } from '../../../../shared/api/contract.js';
import { useT } from '../../i18n/useI18n.js';
import type { ScopeChoice } from '../../state/reportUi.js';
import { dateTime } from './reportRows.js';
import { defaultPeriod, roomsOf } from './reportScope.js';

type Kind = ScopeChoice['kind'];
const KINDS: readonly Kind[] = ['current', 'show', 'period'];
const KIND_LABEL = {
  current: 'report.scope.current',
  show: 'report.scope.show',
  period: 'report.scope.period',
} as const;

/**
 * Which report: this show (the one running, else the newest), any past show, or a period (days
 * from … to, optionally one room). The shows come from listShows, newest first.
 */
export function ScopePicker({
  choice,
  shows,
  currentShowId,
  onChoose,
}: {
  choice: ScopeChoice;
  shows: readonly ShowSummary[];
  currentShowId: string | null;
  onChoose: (choice: ScopeChoice) => void;
}) {
  const t = useT();
  const switchTo = (kind: Kind) => {
    if (kind === choice.kind) return;
    if (kind === 'current') onChoose({ kind });
    else if (kind === 'show') onChoose({ kind, showId: currentShowId ?? shows[0]?.id ?? '' });
    else onChoose({ kind, ...defaultPeriod(), roomId: null });
  };
  const current = choice.kind === 'current' ? (shows.find((s) => s.id === currentShowId) ?? shows[0]) : null;
  return (
    <div className="report-scope" data-testid="report-scope">
      <div className="seg" role="group" aria-label={t('report.scope.label')}>
        {KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            className={`seg__item${choice.kind === kind ? ' is-current' : ''}`}
            aria-pressed={choice.kind === kind}
            data-testid={`report-scope-${kind}`}
            onClick={() => switchTo(kind)}
          >
            {t(KIND_LABEL[kind])}
          </button>
        ))}
      </div>
      {current && (
        <span className="report-scope__current" title={current.title} data-testid="report-scope-title">
          {current.title}
        </span>
      )}
      {choice.kind === 'show' && (
        <select
          className="input input--sm report-scope__show"
          aria-label={t('report.scope.pickShow')}
          data-testid="report-scope-show"
          value={choice.showId}
          onChange={(event) => onChoose({ kind: 'show', showId: event.target.value })}
        >
          {shows.map((show) => (
            <option key={show.id} value={show.id}>
              {`${dateTime(show.startedAt)}  ${show.title}`}
            </option>
          ))}
        </select>
      )}
      {choice.kind === 'period' && <PeriodFields choice={choice} shows={shows} onChoose={onChoose} />}
    </div>
  );
}

function PeriodFields({
  choice,
  shows,
  onChoose,
}: {
  choice: Extract<ScopeChoice, { kind: 'period' }>;
  shows: readonly ShowSummary[];
  onChoose: (choice: ScopeChoice) => void;
}) {
  const t = useT();
  const rooms = roomsOf(shows);
  return (
    <>
      <label className="report-scope__day">
        <span>{t('report.scope.from')}</span>
        <input
          type="date"
          className="input input--sm"
          data-testid="report-scope-from"
          value={choice.from}
          onChange={(event) => onChoose({ ...choice, from: event.target.value })}
        />
      </label>
      <label className="report-scope__day">
        <span>{t('report.scope.to')}</span>
        <input
          type="date"
          className="input input--sm"
          data-testid="report-scope-to"
          value={choice.to}
          onChange={(event) => onChoose({ ...choice, to: event.target.value })}
        />
      </label>
      <select
        className="input input--sm report-scope__room"
        aria-label={t('report.scope.room')}
        data-testid="report-scope-room"
        value={choice.roomId ?? ''}
        onChange={(event) => onChoose({ ...choice, roomId: event.target.value || null })}
      >
        <option value="">{t('report.scope.allRooms')}</option>
        {rooms.map((room) => (
          <option key={room.id} value={room.id}>
            {room.title}
          </option>
        ))}
      </select>
    </>
  );
}
