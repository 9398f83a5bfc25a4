/**
 * Bundles tsc's output in dist/ into dist/bin/: the CLI and the thread pool's worker module, with
 * the libraries they load. Loading vega, vega-lite, exceljs, docx and the rest as a few files was
 * about 0.5 s of the GR report's CPU less than as their hundreds of modules, which Node's loader
 * resolves, reads and links one by one (the report: 5.2 → 4.9 s, A/B, 4 runs each).
 */
import { build } from 'esbuild';

await build({
  entryPoints: ['dist/cli/main.js', 'dist/threads/worker.js'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  splitting: true,
  entryNames: '[name]',
  outdir: 'dist/bin',
  logLevel: 'warning',
  // loaded from node_modules at run time: resvg is a native addon in a package per platform,
  // highs finds its .wasm beside its own module, playwright-core drives a browser from its own
  // files, piscina starts its workers from its own worker script, and node-fetch (vega's loader, never called: specs carry their data) requires Node's
  // deprecated punycode through whatwg-url, which Node 22 and later warn about on stderr unless the
  // call comes from inside node_modules
  external: ['@resvg/resvg-js', 'highs', 'playwright-core', 'node-fetch', 'piscina'],
  // the libraries written as CommonJS call require() for Node's modules, which an ES module lacks
  banner: { js: "import { createRequire as __bistandRequire } from 'node:module'; const require = __bistandRequire(import.meta.url);" },
});
