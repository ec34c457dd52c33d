/**
 * The web host's HTTP API: GET-only mirrors of the service's read methods (docs/api.md).
 * Local tools and overlays integrate through it.
 */
import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { parseApiArgs, type LiveDeskService, type MetricsReport } from '../../shared/api/contract.js';
import { METRIC_KEYS } from '../../shared/metrics/definitions.js';

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

/** `/api/metrics`: every DOMAIN.md metric at the top level (null while unknown), plus context. */
export function metricsBody(service: LiveDeskService) {
  const report: MetricsReport | null = service.getMetrics();
  const values: Record<string, unknown> = {};
  for (const key of METRIC_KEYS)
    values[key] = report ? report.values[key] : key === 'trafficShare' ? {} : null;
  const snapshotShow = service.getSnapshot().show;
  return {
    ...values,
    at: report?.at ?? null,
    show: snapshotShow,
    changes: report?.changes ?? {},
    window: report?.window ?? null,
    products: report?.products ?? [],
    feed: service.getFeedStatus(),
  };
}

const intParam = z.coerce.number().int();

/** An integer query parameter; a bad one is a ZodError that names the parameter (→ 400). */
function intQuery(name: string, value: string): number {
  return z.object({ [name]: intParam }).parse({ [name]: value })[name] as number;
}

type Route = (service: LiveDeskService, query: URLSearchParams) => unknown;

export const routes: Record<string, Route> = {
  '/api/metrics': (service) => metricsBody(service),
  '/api/snapshot': (service) => service.getSnapshot(),
  '/api/feed': (service) => service.getFeedStatus(),
  '/api/invalid': (service) => service.getInvalidSamples(),
  '/api/shows': (service) => service.listShows(),
  '/api/trend': (service, query) => {
    const since = query.get('sinceMinute');
    const [args] = parseApiArgs('getTrend', [
      {
        ...(query.get('showId') ? { showId: query.get('showId') } : {}),
        ...(since !== null ? { sinceMinute: intParam.parse(since) } : {}),
      },
    ]);
    return service.getTrend(args);
  },
  '/api/comments': (service, query) => {
    const before = query.get('beforeRowId');
    const limit = query.get('limit');
    const [args] = parseApiArgs('getComments', [
      {
        ...(before !== null ? { beforeRowId: intParam.parse(before) } : {}),
        ...(limit !== null ? { limit: intParam.parse(limit) } : {}),
      },
    ]);
    return service.getComments(args);
  },
  '/api/questions': (service, query) => {
    const state = query.get('state');
    const limit = query.get('limit');
    const showId = query.get('showId');
    const [args] = parseApiArgs('listQuestions', [
      {
        ...(state !== null ? { state } : {}),
        ...(limit !== null ? { limit: intQuery('limit', limit) } : {}),
        ...(showId !== null ? { showId } : {}),
      },
    ]);
    return service.listQuestions(args);
  },
  '/api/alerts': (service, query) => {
    const limit = query.get('limit');
    const showId = query.get('showId');
    const [args] = parseApiArgs('listAlerts', [
      {
        ...(limit !== null ? { limit: intQuery('limit', limit) } : {}),
        ...(showId !== null ? { showId } : {}),
      },
    ]);
    return service.listAlerts(args);
  },
  '/api/incidents': (service, query) => {
    const limit = query.get('limit');
    const showId = query.get('showId');
    const [args] = parseApiArgs('listIncidents', [
      {
        ...(limit !== null ? { limit: intQuery('limit', limit) } : {}),
        ...(showId !== null ? { showId } : {}),
      },
    ]);
    return service.listIncidents(args);
  },
  '/api/checklists/current': (service) => service.getChecklist({}),
  '/api/kpis/replies': (service, query) => {
    const showId = query.get('showId');
    const [args] = parseApiArgs('getReplyKpis', [showId !== null ? { showId } : {}]);
    return service.getReplyKpis(args);
  },
};
