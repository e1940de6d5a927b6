import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Utrecht's React bundle sets `X.displayName = 'X'` after each component; to the bundler that is a
 * side effect, so every component would ship whether used or not (~300 kB). Without those lines
 * the components are pure and tree-shaken; displayName only serves React DevTools.
 */
const UTRECHT_REACT = /@utrecht\/[a-z-]+-react\/dist\/[\w-]+\.mjs$/;

function utrechtTreeShaking(): Plugin {
  return {
    name: 'klachtflow:utrecht-tree-shaking',
    apply: 'build',
    transform(code, id) {
      if (!UTRECHT_REACT.test(id)) return null;
      return { code: code.replace(/^[A-Za-z_$][\w$]*\.displayName = '[^']*';$/gm, ''), map: null };
    },
  };
}

/**
 * The faces the first screen uses (Noto Sans regular and bold, Noto Serif bold for headings, latin):
 * preloaded, so with font-display: optional (web/ui/fonts.css) they are usually there for the first
 * paint, and when not, the fallback stays and nothing reflows.
 */
const FIRST_FONTS = /(^|\/)noto-(sans-latin-(400|700)|serif-latin-700)-normal-[\w-]+\.woff2$/;

function preloadFonts(): Plugin {
  return {
    name: 'klachtflow:preload-fonts',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, ctx) =>
        Object.keys(ctx.bundle ?? {})
          .filter((f) => FIRST_FONTS.test(f))
          .map((f) => ({
            tag: 'link',
            attrs: { rel: 'preload', href: `/${f}`, as: 'font', type: 'font/woff2', crossorigin: '' },
            injectTo: 'head' as const,
          })),
    },
  };
}

/**
 * The staff app. `npm run build:web` writes web/staff/dist, which Klachtflow serves at `/`
 * (server/routes/webApp.ts). `npm run dev:web` proxies the API to a running server on :3000.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), utrechtTreeShaking(), preloadFonts()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0, // fonts and icons as files: the CSP allows no data: fonts
    chunkSizeWarningLimit: 250,
    // The Utrecht React packages have no side effects on import (their CSS is imported separately).
    rolldownOptions: { treeshake: { moduleSideEffects: (id: string) => !UTRECHT_REACT.test(id) } },
  },
  server: {
    proxy: Object.fromEntries(
      // The API, and the organisation's theme and logo (server/routes/brandingRoutes.ts).
      ['/api', '/theme.css', '/branding'].map((p) => [
        p,
        { target: process.env.KLACHTFLOW_URL ?? 'http://localhost:3000', changeOrigin: false },
      ]),
    ),
  },
});
