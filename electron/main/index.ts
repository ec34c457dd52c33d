/**
 * Electron main entry: hands what it reads from `process` to the app's lifecycle.
 */
import { runApp } from './lifecycle.js';

runApp({
  mainDir: import.meta.dirname,
  argv: process.argv,
  defaultApp: process.defaultApp === true,
  devServerUrl: process.env['ELECTRON_RENDERER_URL'],
  resourcesPath: process.resourcesPath,
  electronVersion: process.versions.electron,
  platform: process.platform,
});
