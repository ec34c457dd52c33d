/** The settings form's data side: drafts per kind, text → SourceConfig, errors per field. */
import { describe, expect, it } from 'vitest';
import {
  checkForm,
  configInputOf,
  emptyForm,
  formFromSettings,
  type SourceForm,
} from '../../../renderer/src/components/settings/sourceForm.js';

const form = (over: Partial<SourceForm>): SourceForm => ({ ...emptyForm, ...over });

describe('source settings form', () => {
  it('starts from what is running, with the saved source filling the other drafts', () => {
    const f = formFromSettings({
      current: { kind: 'poll', url: 'http://feed.local:7300', room: 'r1', intervalMs: 2500 },
      saved: { kind: 'replay', file: '/data/show.jsonl.gz', speed: 10 },
    });
    expect(f).toMatchObject({
      kind: 'poll',
      url: 'http://feed.local:7300',
      room: 'r1',
      token: '',
      intervalSec: '2.5',
      file: '/data/show.jsonl.gz',
      replaySpeed: '10',
    });
  });

  it('keeps a sim source’s show length when saved again', () => {
    const f = formFromSettings({
      current: { kind: 'sim', rate: 120, seed: 7, speed: 2, durationMs: 600_000 },
      saved: null,
    });
    expect(checkForm(f)).toEqual({
      ok: true,
      config: { kind: 'sim', rate: 120, seed: 7, speed: 2, durationMs: 600_000 },
    });
  });

  it('turns the poll interval from seconds into ms and an empty token into none', () => {
    const f = form({ kind: 'poll', url: ' http://127.0.0.1:7300 ', room: 'demo-room', intervalSec: '0.5' });
    expect(configInputOf(f)).toEqual({
      kind: 'poll',
      url: 'http://127.0.0.1:7300',
      room: 'demo-room',
      token: undefined,
      intervalMs: 500,
    });
    expect(checkForm(f)).toEqual({
      ok: true,
      config: { kind: 'poll', url: 'http://127.0.0.1:7300', room: 'demo-room', intervalMs: 500 },
    });
  });

  it('names each bad field with its own message key', () => {
    const result = checkForm(form({ kind: 'socketio', url: 'ftp://x', room: '' }));
    expect(result).toEqual({
      ok: false,
      errors: { url: 'settings.error.url', room: 'settings.error.room' },
    });
    expect(checkForm(form({ kind: 'poll', url: 'http://x', room: 'r', intervalSec: '0.1' }))).toEqual({
      ok: false,
      errors: { intervalSec: 'settings.error.interval' },
    });
    expect(checkForm(form({ kind: 'replay', file: '', replaySpeed: '60' }))).toEqual({
      ok: false,
      errors: { file: 'settings.error.file', replaySpeed: 'settings.error.replaySpeed' },
    });
    // "speed" is the sim's acceleration for a sim source.
    expect(checkForm(form({ kind: 'sim', rate: '5', seed: '1.5', simSpeed: '' }))).toEqual({
      ok: false,
      errors: {
        rate: 'settings.error.rate',
        seed: 'settings.error.seed',
        simSpeed: 'settings.error.simSpeed',
      },
    });
  });
});
