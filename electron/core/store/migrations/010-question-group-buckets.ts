/**
 * Schema v10: a group's pending questions are found through (show, id bucket, group) instead of
 * (show, group). Questions arrive in id order but in every group at once, so the old index took
 * each insert to a random page of its whole length: the page writes at every commit were ~20 % of
 * the writer thread at 80,000 comments/s (bench ingest). A bucket holds 4,096 consecutive ids
 * (QUESTION_BUCKET_BITS in questions-repo.ts: the expression must read the same there), so
 * inserts stay within the newest bucket's few pages; settling a group seeks its key in each
 * bucket from its first pending question on (≤ 1,800 seeks for an 8-hour show's 7 M questions).
 */
export const up = `
DROP INDEX questions_show_group;
CREATE INDEX questions_show_bucket_group ON questions(show_id, id >> 12, group_key);
`;
