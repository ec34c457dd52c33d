// Loads the big-sheet worker's TypeScript source in a worker thread under tsx (tests, the CLI).
// Node's Worker cannot load .ts by itself; the built app runs out/main/xlsx-sheet-worker.js
// directly and never loads this file (tsx stays a devDependency).
import { workerData } from 'node:worker_threads';

const { register } = await import('tsx/esm/api');
register();
await import(workerData.entry);
