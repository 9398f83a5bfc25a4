/**
 * Bundles the sources (esbuild reads TypeScript; tsc checks the types in `npm run build`) into
 * dist/bin/: the CLI and the thread pool's worker module, with the libraries they load. A few
 * files load faster than the hundreds of modules of vega, exceljs and docx, which Node's loader
 * resolves, reads and links one by one (docs/performance.md).
 */
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts', 'src/threads/worker.ts'],
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
