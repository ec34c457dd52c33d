import { describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../../../electron/core/config.js';
import type { AppLog } from '../../../electron/main/app-log.js';
import {
  checkAccelerator,
  DEFAULT_INCIDENT_SHORTCUT,
  incidentShortcutFrom,
  openIncidentFromShortcut,
  registerIncidentShortcut,
  shortcutLabel,
  ShortcutError,
} from '../../../electron/main/incident-shortcut.js';
import type { LiveDeskService } from '../../../shared/api/contract.js';
import type { IncidentView } from '../../../shared/api/operations.js';

const log = (): AppLog & { info: ReturnType<typeof vi.fn>; error: ReturnType<typeof vi.fn> } =>
  ({ dir: '/logs', info: vi.fn(), warn: vi.fn(), error: vi.fn() }) as never;

describe('the shortcut setting', () => {
  it('defaults to Ctrl+Alt+I (Cmd+Alt+I on macOS); `none` turns it off', () => {
    expect(incidentShortcutFrom(undefined)).toBe(DEFAULT_INCIDENT_SHORTCUT);
    expect(shortcutLabel(DEFAULT_INCIDENT_SHORTCUT, 'win32')).toBe('Ctrl+Alt+I');
    expect(shortcutLabel(DEFAULT_INCIDENT_SHORTCUT, 'darwin')).toBe('Cmd+Alt+I');
    expect(incidentShortcutFrom('none')).toBeNull();
    expect(incidentShortcutFrom(' NONE ')).toBeNull();
  });

  it('accepts accelerators in any case and spells them canonically', () => {
    expect(checkAccelerator('ctrl+shift+f10')).toBe('Control+Shift+F10');
    expect(checkAccelerator('CmdOrCtrl + Alt + k')).toBe('CommandOrControl+Alt+K');
    expect(checkAccelerator('Option+Super+pagedown')).toBe('Alt+Super+PageDown');
    expect(checkAccelerator('Control+Alt+/')).toBe('Control+Alt+/');
  });

  it('refuses bad ones with a message naming the problem (as an options error)', () => {
    const cases: Array<[string, RegExp]> = [
      ['', /not a shortcut/],
      ['Ctrl++', /not a shortcut/],
      ['Ctrl+Alt+Foo', /unknown key "Foo"/],
      ['Hyper+I', /unknown modifier "Hyper"/],
      ['Ctrl+Ctrl+I', /"Control" appears twice/],
      ['I', /needs Ctrl, Alt, Cmd or Super/],
      ['Shift+I', /needs Ctrl, Alt, Cmd or Super/],
      ['Ctrl+Alt+F25', /unknown key "F25"/],
    ];
    for (const [raw, message] of cases) {
      expect(() => checkAccelerator(raw), raw).toThrow(message);
    }
    expect(() => incidentShortcutFrom('Alt')).toThrow(ShortcutError);
    expect(() => incidentShortcutFrom('Alt')).toThrow(ConfigError);
  });
});

describe('registerIncidentShortcut', () => {
  it('registers, and its disposer unregisters once', () => {
    const shortcuts = { register: vi.fn(() => true), unregister: vi.fn() };
    const onTrigger = vi.fn();
    const result = registerIncidentShortcut(shortcuts, 'CommandOrControl+Alt+I', onTrigger);
    expect(result.ok).toBe(true);
    expect(shortcuts.register).toHaveBeenCalledWith('CommandOrControl+Alt+I', onTrigger);
    if (result.ok) {
      result.dispose();
      result.dispose();
    }
    expect(shortcuts.unregister).toHaveBeenCalledExactlyOnceWith('CommandOrControl+Alt+I');
  });

  it('reports a shortcut taken by another app, or refused by the OS, without throwing', () => {
    expect(
      registerIncidentShortcut({ register: () => false, unregister: vi.fn() }, 'Alt+I', vi.fn()),
    ).toEqual({
      ok: false,
      reason: 'another application already uses it',
    });
    const refusing = {
      register: () => {
        throw new Error('Failed to parse accelerator');
      },
      unregister: vi.fn(),
    };
    expect(registerIncidentShortcut(refusing, 'Alt+I', vi.fn())).toEqual({
      ok: false,
      reason: 'Failed to parse accelerator',
    });
  });
});

describe('openIncidentFromShortcut', () => {
  const incident = { id: 42, type: 'other' } as IncidentView;

  it('opens an incident of type 其他 (other), then brings the window up on it', () => {
    const order: string[] = [];
    const service = {
      openIncident: vi.fn(() => {
        order.push('open');
        return incident;
      }),
    } as unknown as Pick<LiveDeskService, 'openIncident'>;
    const showWindow = vi.fn(() => order.push('show'));
    const focusIncident = vi.fn(() => order.push('focus'));
    const l = log();
    expect(openIncidentFromShortcut({ service, showWindow, focusIncident, log: l })).toBe(incident);
    expect(service.openIncident).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'other', severity: 'medium' }),
    );
    expect(focusIncident).toHaveBeenCalledWith(incident);
    expect(order).toEqual(['open', 'show', 'focus']);
    expect(l.info).toHaveBeenCalledWith(expect.stringContaining('incident 42'));
  });

  it('still shows the window when the incident cannot be opened, and never throws', () => {
    const service = {
      openIncident: vi.fn(() => {
        throw new Error('database is closed');
      }),
    } as unknown as Pick<LiveDeskService, 'openIncident'>;
    const showWindow = vi.fn();
    const focusIncident = vi.fn();
    const l = log();
    expect(openIncidentFromShortcut({ service, showWindow, focusIncident, log: l })).toBeNull();
    expect(showWindow).toHaveBeenCalledOnce();
    expect(focusIncident).not.toHaveBeenCalled();
    expect(l.error).toHaveBeenCalledOnce();
  });
});
