import { describe, expect, it } from 'vitest';
import { CLI_OPTIONS, parseCliArgs } from '../../../electron/core/config.js';
import { cliArgsFromArgv, LIVEDESK_OPTIONS, splitDesktopArgs } from '../../../electron/main/argv.js';

const EXE = '/opt/electron/electron';

describe('cliArgsFromArgv', () => {
  it('takes everything after `--` verbatim (npm start -- …), so typos still reach the parser', () => {
    const argv = [EXE, '.', '--', '--source', 'socketio', '--url', 'http://127.0.0.1:7000', '--rom', 'r1'];
    expect(cliArgsFromArgv(argv, { defaultApp: true })).toEqual([
      '--source',
      'socketio',
      '--url',
      'http://127.0.0.1:7000',
      '--rom',
      'r1',
    ]);
  });

  it('drops the exe, the app path and Chromium/Node switches added by electron-vite dev', () => {
    const argv = [
      EXE,
      '.',
      '--source',
      'socketio',
      '--url=http://127.0.0.1:7000',
      '--room',
      'r1',
      '--remote-debugging-port=9222',
      '--inspect=5858',
      '--no-sandbox',
    ];
    const args = cliArgsFromArgv(argv, { defaultApp: true });
    expect(args).toEqual(['--source', 'socketio', '--url=http://127.0.0.1:7000', '--room', 'r1']);
    const config = parseCliArgs(args, { dataDir: '/data' });
    expect(config.source).toEqual({ kind: 'socketio', url: 'http://127.0.0.1:7000', room: 'r1' });
  });

  it('in the packaged app keeps only our options: the first argument is not an app path', () => {
    const argv = ['C:\\Program Files\\LiveDesk\\LiveDesk.exe', '--room', 'r9', '--ozone-platform-hint=auto'];
    expect(cliArgsFromArgv(argv, { defaultApp: false })).toEqual(['--room', 'r9']);
    expect(
      cliArgsFromArgv(['/Applications/LiveDesk.app/Contents/MacOS/LiveDesk', '-psn_0_1234'], {
        defaultApp: false,
      }),
    ).toEqual([]);
  });

  it('does not take a following switch as an option value', () => {
    const argv = [EXE, '.', '--token', '--no-sandbox', '--rate', '120'];
    expect(cliArgsFromArgv(argv, { defaultApp: true })).toEqual(['--token', '--rate', '120']);
  });

  it('gives the parser an empty list when only Electron arguments are present (the demo runs)', () => {
    const args = cliArgsFromArgv([EXE, '/work/app', '--enable-logging'], { defaultApp: true });
    expect(args).toEqual([]);
    expect(parseCliArgs(args, { dataDir: '/data' }).source.kind).toBe('sim');
  });
});

describe('argv filter and the CLI parser agree', () => {
  it('keeps every flag parseCliArgs takes, including the source flags added later', () => {
    for (const flag of ['file', 'interval', 'source', 'web-token'])
      expect(LIVEDESK_OPTIONS.has(flag)).toBe(true);
    expect([...LIVEDESK_OPTIONS].sort()).toEqual(Object.keys(CLI_OPTIONS).sort());
  });
});

describe('desktop-only options (--incident-shortcut)', () => {
  it('are kept from a packaged argv and taken out before the strict parser', () => {
    const argv = ['LiveDesk.exe', '--incident-shortcut', 'Ctrl+Alt+J', '--room', 'r1', '--no-sandbox'];
    const args = cliArgsFromArgv(argv, { defaultApp: false });
    expect(args).toEqual(['--incident-shortcut', 'Ctrl+Alt+J', '--room', 'r1']);
    const { coreArgs, desktop } = splitDesktopArgs(args);
    expect(desktop).toEqual({ incidentShortcut: 'Ctrl+Alt+J' });
    expect(coreArgs).toEqual(['--room', 'r1']);
    expect(() => parseCliArgs(coreArgs, { dataDir: '/data' })).not.toThrow();
  });

  it('take the = form too, and leave everything else verbatim (typos still reported)', () => {
    const { coreArgs, desktop } = splitDesktopArgs(['--rom', 'x', '--incident-shortcut=none']);
    expect(desktop).toEqual({ incidentShortcut: 'none' });
    expect(coreArgs).toEqual(['--rom', 'x']);
    expect(() => parseCliArgs(coreArgs, { dataDir: '/data' })).toThrow(/rom/);
  });

  it('need a value', () => {
    expect(() => splitDesktopArgs(['--incident-shortcut'])).toThrow(/--incident-shortcut needs a value/);
    expect(() => splitDesktopArgs(['--incident-shortcut', '--room', 'r'])).toThrow(/needs a value/);
    expect(() => splitDesktopArgs(['--incident-shortcut='])).toThrow(/needs a value/);
  });
});
