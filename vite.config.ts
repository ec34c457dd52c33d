// Renderer build. The same bundle is loaded by Electron (file://) and by the web host, so paths
// are relative (`base: './'`) and the output goes next to the other build outputs in out/.
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The dev server's React Refresh preamble is an inline <script>, which the page's strict CSP
 * blocks. Allow inline scripts in `vite dev` only; the built page keeps `script-src 'self'`.
 */
function devOnlyInlinePreamble(): Plugin {
  return {
    name: 'livedesk:dev-csp',
    apply: 'serve',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), devOnlyInlinePreamble()],
  build: {
    outDir: '../out/web',
    emptyOutDir: true,
    target: 'es2022',
    // Electron and the web page load the bundle from the same origin as the page; keep one
    // chunk per entry so file:// loading never depends on dynamic chunk fetching.
    chunkSizeWarningLimit: 1024,
  },
});
