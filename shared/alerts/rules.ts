/**
 * Alert rules for the field controller (场控): keyword rules over the comment stream, metric
 * rules over the stats, and feed-health rules. One zod schema per kind; it refuses a broken
 * regular expression or an impossible threshold with a message that says which and why, so a
 * bad rule is never saved.
 */
import { z } from 'zod';

export const SEVERITIES = ['info', 'warn', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

const ruleId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9_-]+$/, 'ids are lower-case ascii, digits, _ or -');
const phrase = z.string().trim().min(1, 'empty phrase').max(40, 'a phrase is at most 40 characters');
const phrases = z.array(phrase).max(500);
const seconds = (max: number) => z.number().int().min(1).max(max);

const ruleBase = {
  id: ruleId,
  name: z.string().trim().min(1).max(60),
  enabled: z.boolean(),
  severity: z.enum(SEVERITIES),
  /** What the field controller should do, shown with the alert (查库存：红色，请主播补充讲解). */
  hint: z.string().max(200),
  /** After firing, the rule stays quiet this long (a new match extends the open alert instead). */
  cooldownSec: z.number().int().min(0).max(3600),
};

function compiles(pattern: string): string | null {
  try {
    new RegExp(pattern, 'u');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export const KeywordRuleSchema = z
  .object({
    ...ruleBase,
    kind: z.literal('keyword'),
    /** A comment counts when it contains any of these … */
    anyOf: phrases,
    /** … and all of these … */
    allOf: phrases,
    /** … and none of these (normalised text, like the phrases). */
    noneOf: phrases,
    /** Optional regular expression on the normalised text, for what phrases cannot say. */
    pattern: z.string().max(200).optional(),
    /** Fires when ≥ minCount matching comments from ≥ minDistinctUsers viewers fall in windowSec. */
    windowSec: seconds(3600),
    minCount: z.number().int().min(1).max(100_000),
    minDistinctUsers: z.number().int().min(1).max(100_000),
  })
  .superRefine((rule, ctx) => {
    if (rule.anyOf.length === 0 && rule.allOf.length === 0 && !rule.pattern) {
      ctx.addIssue({
        code: 'custom',
        path: ['anyOf'],
        message: 'a keyword rule needs at least one phrase or a pattern',
      });
    }
    if (rule.minDistinctUsers > rule.minCount) {
      ctx.addIssue({
        code: 'custom',
        path: ['minDistinctUsers'],
        message: `impossible: ${rule.minDistinctUsers} distinct viewers cannot come from ${rule.minCount} comments`,
      });
    }
    if (rule.pattern !== undefined) {
      const error = compiles(rule.pattern);
      if (error)
        ctx.addIssue({ code: 'custom', path: ['pattern'], message: `broken regular expression: ${error}` });
    }
    const excluded = new Set(rule.noneOf);
    for (const p of [...rule.anyOf, ...rule.allOf]) {
      if (excluded.has(p)) {
        ctx.addIssue({ code: 'custom', path: ['noneOf'], message: `"${p}" is both required and excluded` });
      }
    }
  });
export type KeywordRule = z.infer<typeof KeywordRuleSchema>;

export const METRIC_CHECKS = [
  /** online viewers fall ≥ dropPct % within windowSec */
  'onlineDrop',
  /** comments per minute over windowSec fall ≥ dropPct % vs the windowSec before, with ≥ minOnline viewers */
  'commentRateCollapse',
  /** 1-minute retention falls ≥ dropPct % over windowSec (seed 002: −15 % over 30 minutes) */
  'retentionDrop',
  /** conversion over the last windowSec below the previous windowSec by ≥ dropPct % */
  'conversionDrop',
  /** GPM over the last windowSec below the previous windowSec by ≥ dropPct % */
  'gpmDrop',
  /** GMV pace (projected to the planned length) behind the target by ≥ dropPct % */
  'gmvPaceBehind',
] as const;
export type MetricCheck = (typeof METRIC_CHECKS)[number];

export const MetricRuleSchema = z.object({
  ...ruleBase,
  kind: z.literal('metric'),
  check: z.enum(METRIC_CHECKS),
  dropPct: z.number().gt(0, 'a drop must be more than 0 %').max(100, 'a drop cannot exceed 100 %'),
  windowSec: seconds(4 * 3600),
  /** Ignore the rule below this many viewers online (a small room's numbers are noise). */
  minOnline: z.number().int().min(0).max(100_000_000),
});
export type MetricRule = z.infer<typeof MetricRuleSchema>;

export const FEED_CHECKS = [
  /** no events for windowSec while the show is live */
  'silence',
  /** a sequence gap (events lost) */
  'gap',
  /** ≥ minCount invalid events within windowSec */
  'invalidBurst',
] as const;
export type FeedCheck = (typeof FEED_CHECKS)[number];

export const FeedRuleSchema = z.object({
  ...ruleBase,
  kind: z.literal('feed'),
  check: z.enum(FEED_CHECKS),
  windowSec: seconds(3600),
  minCount: z.number().int().min(1).max(100_000),
});
export type FeedRule = z.infer<typeof FeedRuleSchema>;

export const AlertRuleSchema = z.discriminatedUnion('kind', [
  KeywordRuleSchema,
  MetricRuleSchema,
  FeedRuleSchema,
]);
export type AlertRule = z.infer<typeof AlertRuleSchema>;

export const AlertRuleSetSchema = z.object({
  version: z.literal(1),
  rules: z
    .array(AlertRuleSchema)
    .max(2000)
    .refine((rules) => new Set(rules.map((r) => r.id)).size === rules.length, {
      message: 'rule ids must be unique',
    }),
});
export type AlertRuleSet = z.infer<typeof AlertRuleSetSchema>;
