/**
 * Sandboxed preload (built to CommonJS): exposes the typed API as `window.livedesk` — one named
 * method per API method and an update subscription. Never ipcRenderer itself or a generic send.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { IPC_UPDATE_CHANNEL, ipcChannel } from '../../shared/api/channels.js';
import type {
  ApiArgs,
  ApiMethod,
  ApiResponses,
  BoardUpdate,
  LiveDeskClient,
} from '../../shared/api/contract.js';

function invoker<M extends ApiMethod>(method: M) {
  const channel = ipcChannel(method);
  return (...args: ApiArgs<M>): Promise<ApiResponses[M]> => ipcRenderer.invoke(channel, ...args);
}

const livedeskBridge = {
  getSnapshot: invoker('getSnapshot'),
  getMetrics: invoker('getMetrics'),
  getComments: invoker('getComments'),
  getFeedStatus: invoker('getFeedStatus'),
  getInvalidSamples: invoker('getInvalidSamples'),
  getSourceSettings: invoker('getSourceSettings'),
  testSource: invoker('testSource'),
  applySource: invoker('applySource'),
  controlReplay: invoker('controlReplay'),
  listShows: invoker('listShows'),
  getShowBoard: invoker('getShowBoard'),
  getTrend: invoker('getTrend'),
  getTargets: invoker('getTargets'),
  setTargets: invoker('setTargets'),
  listFaq: invoker('listFaq'),
  saveFaqEntry: invoker('saveFaqEntry'),
  deleteFaqEntry: invoker('deleteFaqEntry'),
  reorderFaq: invoker('reorderFaq'),
  importFaq: invoker('importFaq'),
  exportFaq: invoker('exportFaq'),
  getFaqVars: invoker('getFaqVars'),
  setFaqVars: invoker('setFaqVars'),
  getComplianceWords: invoker('getComplianceWords'),
  setComplianceWords: invoker('setComplianceWords'),
  getReplies: invoker('getReplies'),
  answerQuestions: invoker('answerQuestions'),
  dismissQuestions: invoker('dismissQuestions'),
  recordFaqUse: invoker('recordFaqUse'),
  listQuestions: invoker('listQuestions'),
  getReplyKpis: invoker('getReplyKpis'),
  listAlertRules: invoker('listAlertRules'),
  saveAlertRule: invoker('saveAlertRule'),
  deleteAlertRule: invoker('deleteAlertRule'),
  muteAlertRule: invoker('muteAlertRule'),
  resetAlertRules: invoker('resetAlertRules'),
  importAlertRules: invoker('importAlertRules'),
  exportAlertRules: invoker('exportAlertRules'),
  listAlerts: invoker('listAlerts'),
  ackAlert: invoker('ackAlert'),
  snoozeAlert: invoker('snoozeAlert'),
  getAlertSummary: invoker('getAlertSummary'),
  getChecklist: invoker('getChecklist'),
  updateChecklistItem: invoker('updateChecklistItem'),
  scheduleChecklist: invoker('scheduleChecklist'),
  exportChecklist: invoker('exportChecklist'),
  getChecklistTemplate: invoker('getChecklistTemplate'),
  saveChecklistTemplate: invoker('saveChecklistTemplate'),
  listIncidents: invoker('listIncidents'),
  openIncident: invoker('openIncident'),
  updateIncident: invoker('updateIncident'),
  getIncidentKpis: invoker('getIncidentKpis'),
  getPlaybooks: invoker('getPlaybooks'),
  savePlaybooks: invoker('savePlaybooks'),
  getReport: invoker('getReport'),
  saveReportText: invoker('saveReportText'),
  startExport: invoker('startExport'),
  getExportJob: invoker('getExportJob'),
  cancelExport: invoker('cancelExport'),
  revealExport: invoker('revealExport'),
  getShareStatus: invoker('getShareStatus'),
  startSharing: invoker('startSharing'),
  stopSharing: invoker('stopSharing'),
  revokeShareToken: invoker('revokeShareToken'),
  onUpdate(listener: (update: BoardUpdate) => void): () => void {
    // A wrapper of our own, so the page never receives the IPC event (and its sender), and so
    // unsubscribing works: contextBridge hands us a new proxy of `listener` on every call.
    const forward = (_event: IpcRendererEvent, update: BoardUpdate) => listener(update);
    ipcRenderer.on(IPC_UPDATE_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(IPC_UPDATE_CHANNEL, forward);
    };
  },
} satisfies LiveDeskClient;

contextBridge.exposeInMainWorld('livedesk', livedeskBridge);
