/**
 * The web host's HTTP API: GET-only mirrors of the service's read methods (docs/api.md).
 * Local tools and overlays integrate through it.
 */
import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import {
  parseApiArgs,
  type ApiMethod,
  type LiveDeskService,
  type MetricsReport,
} from '../../shared/api/contract.js';
import type { ReportFormat } from '../../shared/api/report.js';
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
  '/api/report': (service, query) =>
    service.getReport(parseApiArgs('getReport', [reportQuery(service, query)])[0]),
  '/api/kpis/replies': (service, query) => {
    const showId = query.get('showId');
    const [args] = parseApiArgs('getReplyKpis', [showId !== null ? { showId } : {}]);
    return service.getReplyKpis(args);
  },
};

/** The service method each endpoint stands for: a shared host checks the caller's role against it. */
const ROUTE_METHODS: Record<string, ApiMethod> = {
  '/api/metrics': 'getMetrics',
  '/api/snapshot': 'getSnapshot',
  '/api/feed': 'getFeedStatus',
  '/api/invalid': 'getInvalidSamples',
  '/api/shows': 'listShows',
  '/api/trend': 'getTrend',
  '/api/comments': 'getComments',
  '/api/questions': 'listQuestions',
  '/api/alerts': 'listAlerts',
  '/api/incidents': 'listIncidents',
  '/api/checklists/current': 'getChecklist',
  '/api/report': 'getReport',
  '/api/kpis/replies': 'getReplyKpis',
};

/** null for a path that is no endpoint (→ 404); an export download counts as getExportJob. */
export function routeMethod(pathname: string): ApiMethod | null {
  if (pathname.startsWith(EXPORT_DOWNLOAD_PREFIX)) return 'getExportJob';
  return ROUTE_METHODS[pathname] ?? null;
}

/** `?show=<id|latest>` or `?from=YYYY-MM-DD&to=YYYY-MM-DD[&room=ID]` as getReport's argument. */
function reportQuery(service: LiveDeskService, query: URLSearchParams): unknown {
  const show = query.get('show');
  if (show !== null) {
    if (show !== 'latest') return { scope: { kind: 'show', showId: show } };
    const latest = service.listShows()[0];
    if (!latest) throw new NotFoundError('no show recorded yet');
    return { scope: { kind: 'show', showId: latest.id } };
  }
  if (query.get('from') === null && query.get('to') === null)
    throw new BadRequestError('give show=<id|latest>, or from=YYYY-MM-DD&to=YYYY-MM-DD[&room=ID]');
  const room = query.get('room');
  return {
    scope: { kind: 'period', from: query.get('from'), to: query.get('to'), roomId: room ?? null },
  };
}

/** Something the request names does not exist (→ 404). */
export class NotFoundError extends Error {}
/** The request cannot be answered as asked (→ 400). */
export class BadRequestError extends Error {}

/** `/api/exports/<jobId>`: the finished file of an export job, as a download. */
export const EXPORT_DOWNLOAD_PREFIX = '/api/exports/';

const CONTENT_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

/**
 * `attachment` with an ASCII fallback name and the real (Chinese) one as RFC 5987
 * `filename*=UTF-8''…` (encodeURIComponent leaves ' ( ) * unescaped; RFC 5987 does not allow them).
 */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * Streams a finished export's own file (the path comes from the job, never from the request);
 * 404 for an unknown job, one still running, or one that failed or was cancelled.
 */
export function sendExportFile(
  service: LiveDeskService,
  pathname: string,
  res: ServerResponse,
  headOnly: boolean,
): void {
  const parsed = z
    .object({ jobId: z.string().regex(/^[a-z0-9-]{1,64}$/) })
    .safeParse({ jobId: pathname.slice(EXPORT_DOWNLOAD_PREFIX.length) });
  const job = parsed.success ? service.getExportJob({ jobId: parsed.data.jobId }) : null;
  if (!job) {
    sendJson(res, 404, { error: 'no such export job' });
    return;
  }
  if (job.state !== 'done' || !job.file) {
    sendJson(res, 404, { error: `export job ${job.jobId} is ${job.state}, no file to download` });
    return;
  }
  const file = job.file;
  let size: number;
  try {
    size = fs.statSync(file.path).size;
  } catch {
    sendJson(res, 404, { error: `the file of export job ${job.jobId} is no longer there` });
    return;
  }
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[job.format],
    'content-length': size,
    'content-disposition': contentDisposition(file.name),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  if (headOnly) {
    res.end();
    return;
  }
  const stream = fs.createReadStream(file.path);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}
