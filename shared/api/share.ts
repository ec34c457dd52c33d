/**
 * The LAN board (共享看板到局域网): the share status the app shows, the two roles a token can
 * carry and what each role may call. The web host enforces the allow-lists below; the renderer
 * only uses the role (from the link) to show fewer controls.
 */
import { z } from 'zod';
import type { ApiMethod } from './channels.js';

export const SHARE_ROLES = ['viewer', 'controller'] as const;
/** viewer: the big screen, read-only. controller (场控): may also ack/snooze alerts and log incidents. */
export type ShareRole = (typeof SHARE_ROLES)[number];

/** The query parameter a share link carries its role in (a UI hint; the token decides). */
export const SHARE_ROLE_PARAM = 'role';

export function isShareRole(value: unknown): value is ShareRole {
  return typeof value === 'string' && (SHARE_ROLES as readonly string[]).includes(value);
}

/** A private IPv4 interface of this machine that the board can be shared on. */
export interface ShareInterface {
  /** The OS's name for it (eth0, Wi-Fi, en0 …). */
  name: string;
  address: string;
}

export interface ShareTokenView {
  /** Names the token in revokeShareToken; not the secret itself. */
  id: string;
  role: ShareRole;
  /** The link to open on the other device (carries the token). */
  url: string;
  /** The same link as a QR code: an SVG `data:` URL, rendered in the core (nothing remote). */
  qrDataUrl: string;
  createdAt: number;
  /** Devices connected with this token now. */
  clients: number;
}

export interface ShareStatus {
  /** Off by default and after every restart; never saved as on. */
  active: boolean;
  /** The private IPv4 interfaces found now (the user picks one when there are several). */
  interfaces: ShareInterface[];
  /** The interface shared on, while active. */
  current: ShareInterface | null;
  port: number | null;
  startedAt: number | null;
  /** Live tokens (revoked ones are gone). */
  tokens: ShareTokenView[];
  /** Devices connected now, all tokens. */
  clients: number;
  maxClients: number;
}

const interfaceName = z.string().trim().min(1).max(200);
export const StartSharingArgs = z.object({
  /** An interface's name or address from `interfaces`; default: the first one. */
  interface: interfaceName.optional(),
});
export type StartSharingArgs = z.input<typeof StartSharingArgs>;

export const RevokeShareTokenArgs = z.object({ id: z.string().regex(/^[0-9a-f]{8,32}$/, 'not a token id') });
export type RevokeShareTokenArgs = z.infer<typeof RevokeShareTokenArgs>;

/** What both roles may read: the board, the big screen, the trend, past shows, alerts, incidents. */
const BOARD_READS: readonly ApiMethod[] = [
  'getSnapshot',
  'getMetrics',
  'getComments',
  'getFeedStatus',
  'listShows',
  'getShowBoard',
  'getTrend',
  'getTargets',
  'listFaq',
  'getFaqVars',
  'getReplies',
  'listQuestions',
  'getReplyKpis',
  'listAlerts',
  'getAlertSummary',
  'listIncidents',
  'getIncidentKpis',
  'getPlaybooks',
];

/** The field controller's writes: alerts and the incident log, nothing else. */
const CONTROLLER_WRITES: readonly ApiMethod[] = ['ackAlert', 'snoozeAlert', 'openIncident', 'updateIncident'];

/**
 * Allow-lists, so a method added to the API later is refused on the LAN until someone decides.
 * Never listed: source settings (they hold the feed's token), exports and reports, rule, FAQ,
 * checklist and target edits, and sharing itself.
 */
export const SHARE_ROLE_METHODS: Readonly<Record<ShareRole, ReadonlySet<ApiMethod>>> = {
  viewer: new Set(BOARD_READS),
  controller: new Set([...BOARD_READS, ...CONTROLLER_WRITES]),
};

export function roleAllows(role: ShareRole, method: ApiMethod): boolean {
  return SHARE_ROLE_METHODS[role].has(method);
}
