/** The LAN board's pieces without a network: interface picking, tokens, buckets, update merging, the controller. */
import type { NetworkInterfaceInfo } from 'node:os';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  isPrivateIpv4,
  pickInterface,
  privateIpv4Interfaces,
} from '../../../electron/core/share/lan-interfaces.js';
import {
  ShareController,
  type LanListener,
  type LanListenerOptions,
} from '../../../electron/core/share/share-controller.js';
import { ShareTokens } from '../../../electron/core/share/share-tokens.js';
import { RateLimiter } from '../../../electron/web/rate-limit.js';
import { UpdateCoalescer, mergeUpdates } from '../../../electron/web/update-merge.js';
import type { BoardUpdate, CommentRow, FeedStatus, ShowInfo } from '../../../shared/api/contract.js';

const info = (address: string, extra: Partial<NetworkInterfaceInfo> = {}): NetworkInterfaceInfo =>
  ({
    address,
    netmask: '255.255.255.0',
    family: 'IPv4',
    mac: '00:00:00:00:00:01',
    internal: false,
    cidr: `${address}/24`,
    ...extra,
  }) as NetworkInterfaceInfo;

describe('private interfaces', () => {
  it('knows the RFC 1918 ranges and nothing else', () => {
    for (const a of ['10.0.0.1', '10.255.255.255', '172.16.0.1', '172.31.9.9', '192.168.1.20'])
      expect(isPrivateIpv4(a), a).toBe(true);
    for (const a of [
      '172.15.0.1',
      '172.32.0.1',
      '192.169.0.1',
      '8.8.8.8',
      '127.0.0.1',
      '192.0.2.2',
      '10.0.0',
      '10.0.0.256',
      'fd00::2',
      '1.2.3.4.5',
      '10.0.0.x',
    ])
      expect(isPrivateIpv4(a), a).toBe(false);
  });

  it('lists private IPv4 interfaces only, in the OS order, and picks by name or address', () => {
    const found = privateIpv4Interfaces({
      lo: [info('127.0.0.1', { internal: true })],
      eth0: [info('192.0.2.2'), info('fd00::2', { family: 'IPv6' } as Partial<NetworkInterfaceInfo>)],
      'Wi-Fi': [info('192.168.1.20')],
      docker0: [info('172.17.0.1')],
    });
    expect(found).toEqual([
      { name: 'Wi-Fi', address: '192.168.1.20' },
      { name: 'docker0', address: '172.17.0.1' },
    ]);
    expect(pickInterface(found, undefined)).toEqual(found[0]);
    expect(pickInterface(found, 'docker0')).toEqual(found[1]);
    expect(pickInterface(found, '172.17.0.1')).toEqual(found[1]);
    expect(pickInterface(found, 'eth0')).toBeNull();
    expect(pickInterface([], undefined)).toBeNull();
  });
});

describe('share tokens', () => {
  it('issues random secrets per role, authorises them and forgets revoked ones', () => {
    const tokens = new ShareTokens(() => 42);
    const viewer = tokens.issue('viewer');
    const controller = tokens.issue('controller');
    expect(viewer.secret).not.toBe(controller.secret);
    expect(viewer.id).toMatch(/^[0-9a-f]{16}$/);
    expect(tokens.authorize(viewer.secret)).toEqual({ tokenId: viewer.id, role: 'viewer' });
    for (const bad of [undefined, 42, '', 'x'.repeat(300), `${viewer.secret}x`])
      expect(tokens.authorize(bad)).toBeNull();
    expect(tokens.revoke(viewer.id)).toBe(true);
    expect(tokens.revoke(viewer.id)).toBe(false);
    expect(tokens.authorize(viewer.secret)).toBeNull();
    expect(tokens.list().map((t) => t.role)).toEqual(['controller']);
    tokens.clear();
    expect(tokens.authorize(controller.secret)).toBeNull();
  });
});

describe('rate limiter', () => {
  it('allows the burst, then the sustained rate, per key, and says how long to wait', () => {
    let now = 0;
    const limiter = new RateLimiter({ perSec: 10, burst: 3 }, () => now);
    expect([1, 2, 3].map(() => limiter.take('a'))).toEqual([0, 0, 0]);
    expect(limiter.take('a')).toBe(100);
    expect(limiter.take('b')).toBe(0); // its own bucket
    now = 100;
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(100);
    now = 10_000;
    expect([1, 2, 3, 4].map(() => limiter.take('a'))).toEqual([0, 0, 0, 100]); // never above the burst
    expect(() => new RateLimiter({ perSec: 0, burst: 1 })).toThrow(/perSec/);
  });
});

const feed = { state: 'live' } as FeedStatus;
const row = (n: number): CommentRow => ({
  rowId: n,
  id: `c${n}`,
  seq: n,
  ts: n,
  userId: 'u',
  nickname: 'n',
  text: 't',
  fanClub: false,
  truncated: false,
});
const show = (id: string) => ({ id }) as ShowInfo;
const update = (extra: Partial<BoardUpdate> = {}): BoardUpdate => ({
  feed,
  comments: [],
  droppedComments: 0,
  ...extra,
});

describe('merging board updates', () => {
  it('keeps the newest of each part, appends comments and counts what the cap drops', () => {
    const a = update({
      comments: [row(1), row(2)],
      targets: { gmv: 1, peakOnline: null, newFollowers: null, plannedMinutes: null },
    });
    const b = update({ comments: [row(3)], droppedComments: 4, show: null });
    const merged = mergeUpdates(a, b, 2);
    expect(merged.comments.map((c) => c.rowId)).toEqual([2, 3]);
    expect(merged.droppedComments).toBe(5);
    expect(merged.targets).toEqual(a.targets);
    expect(merged).toHaveProperty('show', null);
  });

  afterEach(() => vi.useRealTimers());

  it('sends at most once an interval, an alert at once, and drops comments of a show that ended', () => {
    vi.useFakeTimers();
    let now = 0;
    const sent: BoardUpdate[] = [];
    const coalescer = new UpdateCoalescer(
      (u) => sent.push(u),
      1000,
      500,
      's1',
      () => now,
    );
    coalescer.push(update({ comments: [row(1)] }));
    expect(sent).toHaveLength(1); // the first goes at once
    now = 100;
    coalescer.push(update({ comments: [row(2)] }));
    now = 200;
    coalescer.push(update({ comments: [row(3)], show: show('s2') }));
    now = 300;
    coalescer.push(update({ comments: [row(4)] }));
    expect(sent).toHaveLength(1);
    now = 1000;
    vi.advanceTimersByTime(1000);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.comments.map((c) => c.rowId)).toEqual([3, 4]); // s1's row 2 is not s2's
    expect(sent[1]!.show).toEqual(show('s2'));
    now = 1100;
    coalescer.push(update({ alerts: { revision: 1 } as unknown as BoardUpdate['alerts'] }));
    expect(sent).toHaveLength(3);
    coalescer.stop();
  });
});

function fakeListener(port: number) {
  const calls = { disconnected: [] as string[], closed: 0 };
  const listener: LanListener = {
    port,
    clientsByToken: () => new Map(),
    disconnect: (id) => void calls.disconnected.push(id),
    close: async () => void calls.closed++,
  };
  return { listener, calls };
}

describe('share controller', () => {
  const lan = [{ name: 'Wi-Fi', address: '192.168.1.20' }];

  it('cannot start without an interface or without a listener, and says why', async () => {
    await expect(new ShareController({ listInterfaces: () => [] }).start()).rejects.toThrow(
      /no private network interface .* found/,
    );
    await expect(new ShareController({ listInterfaces: () => lan }).start()).rejects.toThrow(
      /not available in this host/,
    );
  });

  it('starts one listener even when asked twice at once, and falls back to any port when its own is taken', async () => {
    const seen: LanListenerOptions[] = [];
    const fake = fakeListener(40123);
    const controller = new ShareController({
      listInterfaces: () => lan,
      startListener: async (options) => {
        seen.push(options);
        if (options.port !== 0) throw Object.assign(new Error('in use'), { code: 'EADDRINUSE' });
        return fake.listener;
      },
    });
    const [a, b] = await Promise.all([controller.start(), controller.start()]);
    expect(seen.map((o) => o.port)).toEqual([5179, 0]);
    expect(seen[0]).toMatchObject({ address: '192.168.1.20' });
    expect(a.tokens.map((t) => t.id)).toEqual(b.tokens.map((t) => t.id));
    expect(a.tokens[0]!.url).toMatch(/^http:\/\/192\.168\.1\.20:40123\/\?token=[\w-]{32}&role=viewer#\/big$/);
    const viewer = a.tokens[0]!;
    const secret = new URL(viewer.url).searchParams.get('token');
    expect(seen[1]!.authorize(secret)).toEqual({ tokenId: viewer.id, role: 'viewer' });

    controller.revoke(viewer.id);
    expect(fake.calls.disconnected).toEqual([viewer.id]);
    expect(seen[1]!.authorize(secret)).toBeNull();
    expect(() => controller.revoke(viewer.id)).toThrow(/no live share token/);

    const off = await controller.stop();
    expect(off.active).toBe(false);
    expect(fake.calls.closed).toBe(1);
    expect(() => controller.revoke(a.tokens[1]!.id)).toThrow(/sharing is off/);
  });
});
