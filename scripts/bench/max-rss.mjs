// Preloaded (`node --import ./scripts/bench/max-rss.mjs …`) into a CLI the export benchmark runs:
// at exit, tells the parent the process's peak RSS and its own lifetime, on the bench channel
// (a write to a pipe is synchronous on Linux, so it gets out before the process ends).
process.on('exit', (code) => {
  const report = { maxRssKB: process.resourceUsage().maxRSS, ms: performance.now(), code };
  process.stdout.write(`@@bench maxrss ${JSON.stringify(report)}\n`);
});
