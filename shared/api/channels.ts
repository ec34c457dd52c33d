/**
 * API method names and transport channel names, without zod, so the sandboxed preload stays
 * tiny. contract.ts checks that its argument schemas cover exactly these methods.
 */
export const API_METHODS = [
  'getSnapshot',
  'getMetrics',
  'getComments',
  'getFeedStatus',
  'getInvalidSamples',
  'getSourceSettings',
  'testSource',
  'applySource',
  'controlReplay',
  'listShows',
  'getShowBoard',
  'getTrend',
  'getTargets',
  'setTargets',
  'listFaq',
  'saveFaqEntry',
  'deleteFaqEntry',
  'reorderFaq',
  'importFaq',
  'exportFaq',
  'getFaqVars',
  'setFaqVars',
  'getComplianceWords',
  'setComplianceWords',
  'getReplies',
  'answerQuestions',
  'dismissQuestions',
  'recordFaqUse',
  'listQuestions',
  'getReplyKpis',
  'listAlertRules',
  'saveAlertRule',
  'deleteAlertRule',
  'muteAlertRule',
  'resetAlertRules',
  'importAlertRules',
  'exportAlertRules',
  'listAlerts',
  'ackAlert',
  'snoozeAlert',
  'getAlertSummary',
  'getChecklist',
  'updateChecklistItem',
  'scheduleChecklist',
  'exportChecklist',
  'getChecklistTemplate',
  'saveChecklistTemplate',
  'listIncidents',
  'openIncident',
  'updateIncident',
  'getIncidentKpis',
  'getPlaybooks',
  'savePlaybooks',
  'getReport',
  'saveReportText',
  'startExport',
  'getExportJob',
  'cancelExport',
  'revealExport',
  'getShareStatus',
  'startSharing',
  'stopSharing',
  'revokeShareToken',
] as const;
export type ApiMethod = (typeof API_METHODS)[number];

export function isApiMethod(value: unknown): value is ApiMethod {
  return typeof value === 'string' && (API_METHODS as readonly string[]).includes(value);
}

/** Electron IPC channel names. */
export const IPC_CHANNEL_PREFIX = 'livedesk:';
export const ipcChannel = (method: ApiMethod) => `${IPC_CHANNEL_PREFIX}${method}`;
export const IPC_UPDATE_CHANNEL = 'livedesk:update';

/** Web host socket.io event names. */
export const WEB_CALL_EVENT = 'call';
export const WEB_UPDATE_EVENT = 'update';
