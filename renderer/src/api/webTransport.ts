import { io, type Socket } from 'socket.io-client';
import type {
  ApiArgs,
  ApiMethod,
  ApiResponses,
  BoardUpdate,
  LiveDeskClient,
} from '../../../shared/api/contract.js';
// Event names come from the zod-free half of the contract, which keeps zod out of the page.
import { WEB_CALL_EVENT, WEB_UPDATE_EVENT } from '../../../shared/api/channels.js';
import type { ConnectionState, Transport } from './transport.js';

/** A call that gets no answer in this time fails, so the UI can say so instead of hanging. */
const CALL_TIMEOUT_MS = 15_000;

type CallReply<T> = { ok: true; result: T } | { ok: false; error: string };

function isCallReply(value: unknown): value is CallReply<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  return value.ok === true ? 'result' in value : value.ok === false && 'error' in value;
}

/** The browser: socket.io to the page's own origin, authenticated by the ?token= in the URL. */
export function createWebTransport(token: string | null = readTokenFromUrl()): Transport {
  const socket: Socket = io({ transports: ['websocket'], auth: { token } });
  let state: ConnectionState = { status: 'connecting', message: null };
  const listeners = new Set<(state: ConnectionState) => void>();

  const publish = (next: ConnectionState) => {
    state = next;
    for (const listener of listeners) listener(state);
  };

  socket.on('connect', () => publish({ status: 'connected', message: null }));
  socket.on('connect_error', (error: Error) => {
    // socket.active is false when the server's middleware refused the handshake: socket.io will
    // not retry on its own, and retrying with the same token would be refused again.
    publish({ status: socket.active ? 'disconnected' : 'rejected', message: error.message });
  });
  socket.on('disconnect', (reason) => {
    publish({ status: socket.active ? 'disconnected' : 'rejected', message: reason });
  });

  async function call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResponses[M]> {
    const reply: unknown = await socket.timeout(CALL_TIMEOUT_MS).emitWithAck(WEB_CALL_EVENT, method, args);
    if (!isCallReply(reply)) throw new Error(`Malformed reply to ${method}`);
    if (!reply.ok) throw new Error(reply.error);
    // The host answers with its own service's return type for this method (shared contract).
    return reply.result as ApiResponses[M];
  }

  const client = {
    getSnapshot: () => call('getSnapshot', []),
    getMetrics: () => call('getMetrics', []),
    getComments: (args) => call('getComments', [args]),
    getFeedStatus: () => call('getFeedStatus', []),
    getInvalidSamples: () => call('getInvalidSamples', []),
    getSourceSettings: () => call('getSourceSettings', []),
    testSource: (config) => call('testSource', [config]),
    applySource: (config) => call('applySource', [config]),
    controlReplay: (control) => call('controlReplay', [control]),
    listShows: () => call('listShows', []),
    getShowBoard: (args) => call('getShowBoard', [args]),
    getTrend: (args) => call('getTrend', [args]),
    getTargets: (args) => call('getTargets', [args]),
    setTargets: (args) => call('setTargets', [args]),
    listFaq: () => call('listFaq', []),
    saveFaqEntry: (args) => call('saveFaqEntry', [args]),
    deleteFaqEntry: (args) => call('deleteFaqEntry', [args]),
    reorderFaq: (args) => call('reorderFaq', [args]),
    importFaq: (args) => call('importFaq', [args]),
    exportFaq: (args) => call('exportFaq', [args]),
    getFaqVars: (args) => call('getFaqVars', [args]),
    setFaqVars: (args) => call('setFaqVars', [args]),
    getComplianceWords: () => call('getComplianceWords', []),
    setComplianceWords: (args) => call('setComplianceWords', [args]),
    getReplies: () => call('getReplies', []),
    answerQuestions: (args) => call('answerQuestions', [args]),
    dismissQuestions: (args) => call('dismissQuestions', [args]),
    recordFaqUse: (args) => call('recordFaqUse', [args]),
    listQuestions: (args) => call('listQuestions', [args]),
    getReplyKpis: (args) => call('getReplyKpis', [args]),
    listAlertRules: () => call('listAlertRules', []),
    saveAlertRule: (args) => call('saveAlertRule', [args]),
    deleteAlertRule: (args) => call('deleteAlertRule', [args]),
    muteAlertRule: (args) => call('muteAlertRule', [args]),
    resetAlertRules: () => call('resetAlertRules', []),
    importAlertRules: (args) => call('importAlertRules', [args]),
    exportAlertRules: () => call('exportAlertRules', []),
    listAlerts: (args) => call('listAlerts', [args]),
    ackAlert: (args) => call('ackAlert', [args]),
    snoozeAlert: (args) => call('snoozeAlert', [args]),
    getAlertSummary: (args) => call('getAlertSummary', [args]),
    getChecklist: (args) => call('getChecklist', [args]),
    updateChecklistItem: (args) => call('updateChecklistItem', [args]),
    scheduleChecklist: (args) => call('scheduleChecklist', [args]),
    exportChecklist: (args) => call('exportChecklist', [args]),
    getChecklistTemplate: () => call('getChecklistTemplate', []),
    saveChecklistTemplate: (args) => call('saveChecklistTemplate', [args]),
    listIncidents: (args) => call('listIncidents', [args]),
    openIncident: (args) => call('openIncident', [args]),
    updateIncident: (args) => call('updateIncident', [args]),
    getIncidentKpis: (args) => call('getIncidentKpis', [args]),
    getPlaybooks: () => call('getPlaybooks', []),
    savePlaybooks: (args) => call('savePlaybooks', [args]),
    getReport: (args) => call('getReport', [args]),
    saveReportText: (args) => call('saveReportText', [args]),
    startExport: (args) => call('startExport', [args]),
    getExportJob: (args) => call('getExportJob', [args]),
    cancelExport: (args) => call('cancelExport', [args]),
    revealExport: (args) => call('revealExport', [args]),
    getShareStatus: () => call('getShareStatus', []),
    startSharing: (args) => call('startSharing', [args]),
    stopSharing: () => call('stopSharing', []),
    revokeShareToken: (args) => call('revokeShareToken', [args]),
    onUpdate(listener) {
      const handler = (update: BoardUpdate) => listener(update);
      socket.on(WEB_UPDATE_EVENT, handler);
      return () => {
        socket.off(WEB_UPDATE_EVENT, handler);
      };
    },
  } satisfies LiveDeskClient;

  return {
    kind: 'web',
    client,
    onConnection(listener) {
      listeners.add(listener);
      listener(state);
      return () => {
        listeners.delete(listener);
      };
    },
    close() {
      listeners.clear();
      socket.close();
    },
  };
}

function readTokenFromUrl(): string | null {
  return new URLSearchParams(location.search).get('token');
}
