/**
 * The alert sound, made with WebAudio (no audio files to ship or load): one short beep for a
 * warning, two louder, higher beeps for a critical alert. Browsers start an AudioContext only
 * after a user gesture, so the context is created (or resumed) on the first key or click and
 * any later beep just plays; without it the beep is skipped silently.
 */
import type { Severity } from '../../../../shared/alerts/rules.js';

interface Beep {
  frequency: number;
  gain: number;
  /** Start offsets in seconds. */
  at: number[];
  length: number;
}

const BEEPS: Record<'warn' | 'critical', Beep> = {
  warn: { frequency: 660, gain: 0.16, at: [0], length: 0.18 },
  critical: { frequency: 880, gain: 0.32, at: [0, 0.26], length: 0.16 },
};

let context: AudioContext | null = null;

function audioContext(): AudioContext | null {
  if (context) return context;
  if (typeof AudioContext === 'undefined') return null;
  try {
    context = new AudioContext();
  } catch {
    return null;
  }
  return context;
}

/** Call once: unlocks audio on the first user gesture (the autoplay policy). */
export function unlockAudioOnGesture(): () => void {
  const unlock = () => {
    const ctx = audioContext();
    if (ctx?.state === 'suspended') void ctx.resume().catch(() => undefined);
    if (ctx?.state === 'running') remove();
  };
  const remove = () => {
    window.removeEventListener('pointerdown', unlock, true);
    window.removeEventListener('keydown', unlock, true);
  };
  window.addEventListener('pointerdown', unlock, true);
  window.addEventListener('keydown', unlock, true);
  return remove;
}

/** Plays the beep of a severity (info: none). Never throws: a missing sound must not stop delivery. */
export function playAlertSound(severity: Severity): void {
  if (severity === 'info') return;
  const ctx = audioContext();
  if (!ctx || ctx.state !== 'running') return;
  const beep = BEEPS[severity];
  try {
    for (const offset of beep.at) {
      const start = ctx.currentTime + offset;
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = beep.frequency;
      // A short attack and release: a bare on/off square edge clicks in the speakers.
      gain.gain.setValueAtTime(0, start);
      gain.gain.linearRampToValueAtTime(beep.gain, start + 0.015);
      gain.gain.setValueAtTime(beep.gain, start + beep.length - 0.04);
      gain.gain.linearRampToValueAtTime(0, start + beep.length);
      osc.connect(gain).connect(ctx.destination);
      osc.start(start);
      osc.stop(start + beep.length + 0.02);
    }
  } catch {
    // Audio output gone (device unplugged): skip.
  }
}
