/**
 * `npm run web -- [flags]`: LiveDesk's core plus the web host, for a browser on this machine.
 * Same flags as the desktop app (README), plus --port, --host and --web-token.
 */
// First: builds the renderer when out/web is missing or stale (in this process: one node start less).
import '../../scripts/ensure-renderer.mjs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { ShareInterface } from '../../shared/api/share.js';
import type { SourceConfig } from '../../shared/api/sources.js';
import { ConfigError, parseCliArgs } from '../core/config.js';
import { startLiveDesk } from '../core/runtime.js';
import { startWebHost } from './server.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function describeSource(source: SourceConfig): string {
  switch (source.kind) {
    case 'sim':
      return `demo show (seed ${source.seed})`;
    case 'replay':
      return `replay of ${source.file} ×${source.speed}`;
    default:
      return `${source.kind} ${source.url} room ${source.room}`;
  }
}

/**
 * `LIVEDESK_LAN_ADDRESS=A.B.C.D`: share the LAN board on this address instead of the private
 * interfaces found (a network with other ranges, or the tests' 127.0.0.1).
 */
function lanAddressOverride(): (() => ShareInterface[]) | undefined {
  const raw = process.env['LIVEDESK_LAN_ADDRESS'];
  if (raw === undefined || raw === '') return undefined;
  const parsed = z.ipv4().safeParse(raw.trim());
  if (!parsed.success) throw new ConfigError(`LIVEDESK_LAN_ADDRESS must be an IPv4 address, got "${raw}"`);
  const address = parsed.data;
  return () => [{ name: 'LIVEDESK_LAN_ADDRESS', address }];
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  const config = parseCliArgs(process.argv.slice(2), { dataDir: path.join(repoRoot, '.livedesk-data') });
  const token = config.webToken ?? randomBytes(16).toString('hex');
  const staticDir = path.join(repoRoot, 'out/web');
  const runtime = await startLiveDesk(config, {
    share: { staticDir, listInterfaces: lanAddressOverride() },
  });
  const web = await startWebHost({
    service: runtime.service,
    token,
    staticDir,
    host: config.host,
    port: config.port,
  });
  const source = describeSource(config.source);
  console.log(
    `LiveDesk web host ready in ${Math.round(performance.now() - startedAt)} ms — source: ${source}`,
  );
  console.log(`Data: ${config.dataDir}`);
  console.log(`Open: ${web.url}?token=${token}`);

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await web.close();
    await runtime.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    console.error(`livedesk: ${err.message}`);
    process.exit(2);
  }
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    console.error('livedesk: the port is in use; pass --port N (or --port 0 for any free port)');
    process.exit(2);
  }
  console.error(err);
  process.exit(1);
});
