// Loads a worker thread's TypeScript source under tsx (tests, `npm run web`, the CLIs,
// benchmarks): worker-spawn.ts passes it as workerData.entry. The built app runs its bundled
// workers (out/main/*.js) directly and never loads this file (tsx stays a devDependency).
import { workerData } from 'node:worker_threads';

const { register } = await import('tsx/esm/api');
register();
await import(workerData.entry);
