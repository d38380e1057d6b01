// Two pages: the staff console (index.html) and the customer's mobile page (m.html).
// Routes are lazy-loaded, so a page downloads only what it shows (ECharts only with a chart).
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { fileURLToPath, URL } from 'node:url';

// Vant's stylesheet falls back to an icon font on a CDN (at.alicdn.com) when its inline
// woff2 is not taken. kefu's pages load nothing from the internet, and their CSP
// (font-src 'self' data:) refuses it anyway: the remote fallback is cut at build time.
const noRemoteFonts = {
  name: 'kefu-no-remote-fonts',
  transform(code, id) {
    if (!id.split('?')[0].endsWith('.css') || !code.includes('alicdn.com')) return null;
    return { code: code.replace(/,\s*url\([^)]*alicdn\.com[^)]*\)\s*format\(["'][^"']*["']\)/g, ''), map: null };
  },
};

export default defineConfig({
  plugins: [vue(), noRemoteFonts],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    manifest: true, // .vite/manifest.json: which chunks each route loads (bench/web.mjs)
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      input: {
        console: fileURLToPath(new URL('./index.html', import.meta.url)),
        mobile: fileURLToPath(new URL('./m.html', import.meta.url)),
      },
    },
  },
  // The returns console reads the policy case table the server's tests run (tests/returns/).
  server: { proxy: { '/api': 'http://127.0.0.1:8080' }, fs: { allow: ['.', '../tests/returns'] } },
  test: { environment: 'jsdom', include: ['tests/unit/**/*.test.js'] },
});
