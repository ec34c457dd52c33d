import { useState, type CSSProperties } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ReplayControl } from '../../../../shared/api/sources.js';
import { formatClock } from '../../../../shared/format.js';
import { useT } from '../../i18n/useI18n.js';
import { useBoardSync } from '../../state/BoardSyncContext.js';
import { boardActions, useBoardStore } from '../../state/boardStore.js';
import { REPLAY_SPEEDS } from '../settings/sourceForm.js';

/** Play/pause, speed and position of a recording being replayed (only shown for a replay). */
export function ReplayControls() {
  const t = useT();
  const { client } = useBoardSync();
  const replay = useBoardStore(
    useShallow((s) => {
      const r = s.feed?.replay;
      return r
        ? {
            paused: r.paused,
            speed: r.speed,
            positionMs: r.positionMs,
            durationMs: r.durationMs,
            done: r.done,
            file: r.file,
          }
        : null;
    }),
  );
  /** While the slider is being dragged: where it is, so updates do not yank it back. */
  const [dragMs, setDragMs] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!replay) return null;

  const send = (control: ReplayControl) => {
    client
      .controlReplay(control)
      .then((status) => {
        setError(null);
        boardActions.setReplay(status);
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  const commitSeek = (ms: number) => {
    setDragMs(null);
    send({ action: 'seek', offsetMs: Math.max(0, Math.round(ms)) });
  };

  const position = dragMs ?? replay.positionMs;
  const duration = Math.max(replay.durationMs, 1);
  const speeds: readonly number[] = REPLAY_SPEEDS.includes(replay.speed as (typeof REPLAY_SPEEDS)[number])
    ? REPLAY_SPEEDS
    : [...REPLAY_SPEEDS, replay.speed].sort((a, b) => a - b);
  const playing = !replay.paused && !replay.done;

  return (
    <div
      className={`replay-controls${error ? ' has-error' : ''}`}
      data-testid="replay-controls"
      role="group"
      aria-label={t('replay.label')}
      title={error ? t('replay.failed', { reason: error }) : replay.file}
    >
      <button
        type="button"
        className="replay-controls__play"
        data-testid="replay-toggle"
        aria-label={playing ? t('replay.pause') : t('replay.play')}
        title={playing ? t('replay.pause') : t('replay.play')}
        disabled={replay.done}
        onClick={() => send({ action: playing ? 'pause' : 'resume' })}
      >
        <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span>
      </button>
      <input
        type="range"
        className="replay-controls__seek"
        data-testid="replay-seek"
        aria-label={t('replay.seek')}
        aria-valuetext={`${formatClock(position)} / ${formatClock(replay.durationMs)}`}
        min={0}
        max={duration}
        step={1000}
        value={Math.min(position, duration)}
        style={{ '--progress': `${(Math.min(position, duration) / duration) * 100}%` } as CSSProperties}
        onChange={(e) => setDragMs(Number(e.target.value))}
        onPointerUp={(e) => commitSeek(Number(e.currentTarget.value))}
        onKeyUp={(e) => {
          if (dragMs !== null) commitSeek(Number(e.currentTarget.value));
        }}
        onBlur={() => setDragMs(null)}
      />
      <span className="replay-controls__time" data-testid="replay-time">
        {replay.done ? t('replay.done') : `${formatClock(position)} / ${formatClock(replay.durationMs)}`}
      </span>
      <select
        className="replay-controls__speed"
        data-testid="replay-speed"
        aria-label={t('replay.speed')}
        value={String(replay.speed)}
        onChange={(e) => send({ action: 'speed', speed: Number(e.target.value) })}
      >
        {speeds.map((speed) => (
          <option key={speed} value={String(speed)}>
            ×{speed}
          </option>
        ))}
      </select>
    </div>
  );
}
