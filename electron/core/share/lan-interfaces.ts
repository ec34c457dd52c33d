/**
 * Which addresses the LAN board may listen on: this machine's private IPv4 addresses (RFC 1918),
 * never a public one — the board is for the studio's own network.
 */
import type { NetworkInterfaceInfo } from 'node:os';
import type { ShareInterface } from '../../../shared/api/share.js';

/** 10/8, 172.16/12, 192.168/16. */
export function isPrivateIpv4(address: string): boolean {
  const parts = address.split('.');
  if (parts.length !== 4) return false;
  const octets = parts.map((part) => (/^\d{1,3}$/.test(part) ? Number(part) : NaN));
  if (octets.some((n) => !(n >= 0 && n <= 255))) return false;
  const [a, b] = octets as [number, number, number, number];
  return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

/** The private IPv4 interfaces of `os.networkInterfaces()`, in the OS's order. */
export function privateIpv4Interfaces(all: NodeJS.Dict<readonly NetworkInterfaceInfo[]>): ShareInterface[] {
  const found: ShareInterface[] = [];
  for (const [name, infos] of Object.entries(all)) {
    for (const info of infos ?? []) {
      if (info.family === 'IPv4' && !info.internal && isPrivateIpv4(info.address))
        found.push({ name, address: info.address });
    }
  }
  return found;
}

/** The interface a start request names (by name or address), or the first; null when none matches. */
export function pickInterface(
  available: readonly ShareInterface[],
  wanted: string | undefined,
): ShareInterface | null {
  if (wanted === undefined) return available[0] ?? null;
  return available.find((i) => i.name === wanted || i.address === wanted) ?? null;
}
