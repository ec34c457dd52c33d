// Loads the writer thread's TypeScript source under tsx (tests, `npm run web`, benchmarks).
// Node's Worker cannot load .ts by itself; the built app runs out/main/store-writer.js directly
// and never loads this file (tsx stays a devDependency).
import { workerData } from 'node:worker_threads';

const { register } = await import('tsx/esm/api');
register();
await import(workerData.entry);
