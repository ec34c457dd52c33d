/**
 * The FAQ library (话术库) and the reply workflow in the API: what the renderer, the web host's
 * HTTP API and the core exchange. Argument schemas validate at each host boundary.
 */
import { z } from 'zod';
import { FaqEntrySchema, type FaqCategory, type FaqEntry } from '../faq/entry.js';

/** A pending question turns amber at this age and red at the KPI (seed 002: answer within 30 s). */
export const REPLY_AMBER_MS = 20_000;
export const REPLY_TARGET_MS = 30_000;
/** Pending groups sent to the renderer (oldest first); the rest are counted. */
export const MAX_PENDING_GROUPS = 200;

const faqId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9_-]+$/, 'ids are lower-case ascii, digits, _ or -');
const showId = z.string().min(1).max(200);
const groupKey = z.string().min(1).max(400);
const variableName = z.string().min(1).max(20);

export interface FaqUsage {
  /** Times the entry was among a question's top-3 suggestions. */
  suggested: number;
  /** Times its answer was copied. */
  used: number;
  lastUsedAt: number | null;
}

/** What the library search looks at (computed by the core, where the pinyin table lives). */
export interface FaqSearchKeys {
  /** Normalised triggers, answer and category label. */
  text: string;
  /** Toneless pinyin of the same, letters only, per character joined (fahuo...). */
  pinyin: string;
  /** First letter of each character's pinyin (发货 → fh); non-Chinese characters kept. */
  initials: string;
}

export interface FaqEntryView extends FaqEntry {
  usage: FaqUsage;
  search: FaqSearchKeys;
}

export interface FaqLibraryView {
  /** In the user's order. */
  entries: FaqEntryView[];
  /** {变量} names the answers use, sorted. */
  variables: string[];
  /** Bumped on every change to the library; BoardUpdate.faqRevision says when to refetch. */
  revision: number;
}

export const FaqEntryInputSchema = FaqEntrySchema.extend({ id: faqId.optional() });
export type FaqEntryInput = z.input<typeof FaqEntryInputSchema>;

export const SaveFaqEntryArgs = z.object({ entry: FaqEntryInputSchema });
export const FaqIdArgs = z.object({ id: faqId });
/** The new order: a permutation of every entry id. */
export const ReorderFaqArgs = z.object({ ids: z.array(faqId).max(20_000) });

export const FAQ_FILE_FORMATS = ['csv', 'xlsx', 'json'] as const;
export type FaqFileFormat = (typeof FAQ_FILE_FORMATS)[number];

export const ImportFaqArgs = z.object({
  format: z.enum(FAQ_FILE_FORMATS),
  fileName: z.string().max(260).optional(),
  /** The file: text for csv/json, base64 for xlsx. */
  data: z.string().max(30_000_000),
  encoding: z.enum(['utf8', 'base64']),
  /** merge: same id → replaced, new → appended; replace: the library becomes the file's. */
  mode: z.enum(['merge', 'replace']),
});
export type ImportFaqArgs = z.input<typeof ImportFaqArgs>;

/** A rejected file names the row (1-based, as a spreadsheet shows it) and the problem; nothing is imported. */
export type FaqImportResult =
  | { ok: true; added: number; updated: number; removed: number; total: number }
  | { ok: false; error: string; row: number | null; column: string | null };

export const ExportFaqArgs = z.object({ format: z.enum(FAQ_FILE_FORMATS) });

export interface FaqExportFile {
  fileName: string;
  mime: string;
  encoding: 'utf8' | 'base64';
  data: string;
}

export interface FaqVariables {
  /** The show these values belong to; null: set for the next show. */
  showId: string | null;
  /** Values the user set; a new show starts with the previous show's values. */
  values: Record<string, string>;
  /** Filled from the feed (商品, 到手价 of the product being presented); user values win. */
  auto: Record<string, string>;
  /** {变量} names the library's answers use. */
  used: string[];
}

export const SetFaqVarsArgs = z.object({
  showId: showId.optional(),
  values: z.record(variableName, z.string().max(200)),
});

/** 广告法 wording check: a word matches anywhere unless an exception covers it (最 vs 最近). */
export interface ComplianceWords {
  words: string[];
  exceptions: string[];
  /** true: the list shipped in resources/, not edited. */
  isDefault: boolean;
}

export const SetComplianceWordsArgs = z
  .object({
    words: z.array(z.string().trim().min(1).max(20)).max(2000),
    exceptions: z.array(z.string().trim().min(1).max(20)).max(2000),
  })
  /** null: back to the shipped list. */
  .nullable();

export interface FaqSuggestion {
  faqId: string;
  score: number;
}

export type QuestionState = 'pending' | 'answered' | 'dismissed';

/** Similar pending questions, shown as one row (×count); one answer settles them all. */
export interface PendingGroup {
  key: string;
  count: number;
  /** When the first / newest question of the group reached LiveDesk (wall clock). */
  firstSeenAt: number;
  lastSeenAt: number;
  /** Distinct nicknames, first askers first, at most 5. */
  nicknames: string[];
  /** The first question's text, and the newest one's. */
  text: string;
  latestText: string;
  /** Top suggestions, best first (at most 3). */
  suggestions: FaqSuggestion[];
}

export interface TopQuestion {
  groupKey: string;
  text: string;
  faqId: string | null;
  count: number;
  answered: number;
}

export interface UnansweredQuestion {
  groupKey: string;
  text: string;
  faqId: string | null;
  count: number;
  firstSeenAt: number;
}

/**
 * Reply KPIs of a show. questions excludes dismissed ones (not a question after all);
 * response time runs from the question reaching LiveDesk to its answer being copied.
 */
export interface ReplyKpis {
  showId: string | null;
  questions: number;
  answered: number;
  dismissed: number;
  pending: number;
  /** answered ÷ questions; null with no questions. */
  resolutionRate: number | null;
  medianResponseMs: number | null;
  p90ResponseMs: number | null;
  /** answered within 30 s ÷ questions. */
  within30sRate: number | null;
  /** The 10 most asked question groups of the show. */
  top: TopQuestion[];
  /** Groups with questions still pending, oldest first (at most 50). */
  unanswered: UnansweredQuestion[];
}

export interface RepliesState {
  showId: string | null;
  /** Oldest first, at most MAX_PENDING_GROUPS. */
  pending: PendingGroup[];
  pendingGroups: number;
  pendingQuestions: number;
  kpis: ReplyKpis;
}

export const AnswerQuestionsArgs = z.object({
  groupKey,
  /** The entry whose answer was copied; null: answered by hand. */
  faqId: faqId.nullable(),
});
export const DismissQuestionsArgs = z.object({ groupKey });
export const RecordFaqUseArgs = z.object({ faqId });

export interface AnswerResult {
  /** Questions settled (0 when the group was already answered elsewhere). */
  settled: number;
  replies: RepliesState;
}

export const ListQuestionsArgs = z.object({
  showId: showId.optional(),
  state: z.enum(['pending', 'answered', 'dismissed']).optional(),
  limit: z.number().int().min(1).max(1000).default(100),
});
export type ListQuestionsArgs = z.input<typeof ListQuestionsArgs>;

export interface QuestionSuggestionView extends FaqSuggestion {
  category: FaqCategory;
  /** The answer with the show's {变量} filled (unknown ones left as {name}). */
  answer: string;
}

export interface QuestionView {
  id: number;
  showId: string;
  commentId: string;
  /** Feed time of the comment, and when it reached LiveDesk. */
  ts: number;
  seenAt: number;
  nickname: string;
  text: string;
  groupKey: string;
  state: QuestionState;
  answeredAt: number | null;
  responseMs: number | null;
  answeredFaqId: string | null;
  suggestions: QuestionSuggestionView[];
}
