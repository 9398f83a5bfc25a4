/**
 * rapport.html in a real browser (Debian's Chromium, driven by playwright-core): it loads with no
 * console error and no request, every chart is drawn, nothing is wider than an A4 page; `--pdf`
 * prints it. And the words: nothing a report's reader sees is English (a word list over the page,
 * the Word file, the workbook, index.md and the Markdown and Swedish-Excel tables).
 */
import JSZip from 'jszip';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_ARGS, findBrowser } from '../../src/report/pdf.js';
import { ROOT, cliAsync } from '../helpers.js';
import { sampleReport, type SharedReport } from '../shared-report.js';

const dir = mkdtempSync(join(tmpdir(), 'bistand-html-'));
let out = '';
const browser = findBrowser();
if (!browser) {
  const msg = 'no Chromium or Chrome on PATH: the browser checks of rapport.html do not run (apt-get install -y chromium)';
  // CI installs one: there a missing browser is a failure, not a skip
  if (process.env.BISTAND_REQUIRE_BROWSER) throw new Error(msg);
  console.warn(msg);
}

let run: SharedReport;
beforeAll(async () => {
  run = await sampleReport();
  out = run.out;
}, 120_000);

/** A few dozen words that are English and not Swedish; one of them in a reader's text is a leak. */
const ENGLISH = ['the', 'and', 'of', 'for', 'with', 'needs', 'not', 'missing', 'series', 'year', 'years', 'value', 'values', 'share', 'count', 'recipients', 'municipality', 'municipalities', 'long-term', 'skipped', 'chart', 'table', 'source', 'note', 'unemployment', 'ill_health', 'suppressed', 'unweighted', 'pooled', 'yes', 'axis', 'scale', 'discrete', 'linear', 'titled', 'values from', 'kommun_code', 'kommun_name', 'fraga', 'ej_svar', 'unknown', 'none', 'made', 'given', 'file'];

function englishWords(text: string): string[] {
  const found = new Set<string>();
  for (const w of ENGLISH) if (new RegExp(`(?<![\\p{L}_-])${w.replace(/[-_]/g, '[-_]')}(?![\\p{L}_-])`, 'iu').test(text)) found.add(w);
  return [...found];
}

/** What a reader of the page sees or hears: its text and the names of its images, not its styles. */
function pageText(html: string): string {
  const attrs = [...html.matchAll(/ (?:aria-label|alt|title)="([^"]*)"/g)].map((m) => m[1]);
  return html.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ') + '\n' + attrs.join('\n');
}

const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));

describe('rapport.html', () => {
  it('is written with the report, one self-contained page', () => {
    expect(run.status, run.stderr).toBe(0);
    const html = readFileSync(join(out, 'rapport.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="sv">/);
    // nothing fetched: no src/href to another file or host, fonts as data: URLs
    expect(html).not.toMatch(/(?:src|href)="(?!#)/);
    expect(html).not.toMatch(/url\((?!data:)/);
    // the region's outputs in order, then a section per municipality
    const captions = [...html.matchAll(/<h3>((?:Tabell|Diagram) \d+):/g)].map((m) => m[1]);
    expect(captions).toEqual(['Tabell 1', 'Tabell 2', 'Tabell 3', 'Tabell 4', 'Tabell 5', 'Tabell 6', 'Tabell 7', 'Tabell 8', 'Tabell 9', 'Tabell 10', ...Array.from({ length: 12 }, (_, i) => `Diagram ${i + 1}`)]);
    expect([...html.matchAll(/<section id="kommun-(\d{4})" class="kommun">/g)].length).toBe(13);
    // Vega's English screen-reader labels are gone; each chart is named by its Swedish alt text
    expect(html).not.toMatch(/aria-roledescription|X-axis/);
    expect(html).toMatch(/<svg[^>]* role="img" aria-label="Andel av befolkningen/);
    // a chart's source and notes are drawn in it, not printed again under it; a table's are under it
    const d1 = html.match(/<figure id="d1" class="chart">[\s\S]*?<\/figure>/)![0];
    expect(d1.match(/Källa: /g)).toHaveLength(1);
    expect(d1).not.toContain('class="source"');
    expect(html.match(/<figure id="t1" class="table">[\s\S]*?<\/figure>/)![0]).toContain('<p class="source">Källa: ');
  });

  it.runIf(browser)('loads in Chromium with no console error and no request, every chart visible, nothing wider than A4', async () => {
    const { chromium } = await import('playwright-core');
    const b = await chromium.launch({ executablePath: browser, headless: true, chromiumSandbox: false, args: BROWSER_ARGS });
    try {
      const page = await b.newPage();
      const problems: string[] = [];
      const url = pathToFileURL(join(out, 'rapport.html')).href;
      page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('request', (r) => r.url() !== url && !r.url().startsWith('data:') && problems.push(`request: ${r.url()}`));
      page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
      await page.goto(url, { waitUntil: 'load' });
      expect(problems).toEqual([]);
      const charts = await page.$$eval('figure.chart svg', (svgs) =>
        svgs.map((s) => {
          const r = s.getBoundingClientRect();
          return { w: r.width, h: r.height, visible: getComputedStyle(s).visibility === 'visible' && getComputedStyle(s).display !== 'none', texts: s.querySelectorAll('text').length };
        }),
      );
      // the region's twelve diagrams and each municipality's trend (its compact section)
      expect(charts.length).toBe(12 + 13);
      for (const c of charts) {
        expect(c.visible).toBe(true);
        expect(c.w).toBeGreaterThan(300);
        expect(c.h).toBeGreaterThan(150);
        expect(c.texts).toBeGreaterThan(3);
      }
      // the embedded chart font is the one the page uses
      expect(await page.evaluate(() => document.fonts.check("12px 'DejaVu Sans'"))).toBe(true);
      await page.screenshot({ path: join(dir, 'screen.png') });
      // printed on A4 (176 mm between the margins ≈ 665 CSS px), no element reaches past the page
      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize({ width: 665, height: 940 });
      const over = await page.evaluate(() => {
        const w = document.documentElement.clientWidth;
        const wide = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > w + 0.5).map((e) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}`);
        return { scroll: document.documentElement.scrollWidth, w, wide: wide.slice(0, 5) };
      });
      expect(over.wide).toEqual([]);
      expect(over.scroll).toBeLessThanOrEqual(over.w);
    } finally {
      await b.close();
    }
  }, 120_000);

  it.runIf(browser)('--pdf prints the page to rapport.pdf on A4, dated the report year', () => {
    const pdf = readFileSync(join(out, 'rapport.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdf.toString('latin1');
    expect(text).toMatch(/\/MediaBox \[0 0 594\.9\d* 841\.9\d*\]/);
    expect(text).toContain('/CreationDate (D:20210101000000');
    expect(Math.max(...[...text.matchAll(/\/Count (\d+)/g)].map((m) => Number(m[1])))).toBeGreaterThan(20);
    expect(readFileSync(join(out, 'index.md'), 'utf8')).toContain('[rapport.pdf](rapport.pdf)');
  });

  it('--pdf without a browser stops before any work, saying what to install', async () => {
    const target = join(dir, 'no-browser');
    const r = await cliAsync(['report', '--recipe', join(ROOT, 'data/sample/recipe.json'), '--out', target, '--pdf'], { BISTAND_BROWSER: join(dir, 'no-such-browser') });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^bistand: --pdf needs Chromium or Chrome/m);
    expect(r.stderr).toMatch(/apt-get install chromium/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(target)).toBe(false);
  });
});

describe('one language per audience', () => {
  it('no English word in the page, the Word file, the workbook, index.md or the reader tables', async () => {
    expect(run.status, run.stderr).toBe(0);
    const texts: [string, string][] = [
      ['rapport.html', pageText(readFileSync(join(out, 'rapport.html'), 'utf8'))],
      ['index.md', readFileSync(join(out, 'index.md'), 'utf8').replace(/\]\([^)]*\)/g, ']')],
    ];
    const docx = await JSZip.loadAsync(readFileSync(join(out, 'rapport.docx')));
    texts.push(['rapport.docx', (await docx.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, ' ')]);
    const xlsx = await JSZip.loadAsync(readFileSync(join(out, 'tabeller.xlsx')));
    texts.push(['tabeller.xlsx', (await xlsx.file('xl/sharedStrings.xml')!.async('string')).replace(/<[^>]+>/g, ' ')]);
    for (const f of walk(out).filter((f) => f.endsWith('.md') || f.endsWith('.sv.csv'))) texts.push([f.slice(out.length + 1), readFileSync(f, 'latin1').replace(/\]\([^)]*\)/g, ']')]);
    // option names (--register) and file names are the command line's, quoted for the reader
    const leaks = texts.map(([f, t]) => [f, englishWords(t.replace(/--[a-z-]+/g, ' ').replace(/[\w.-]+\.(?:csv|png|svg|md|docx|xlsx|json|html|pdf)\b/g, ' '))] as const).filter(([, w]) => w.length);
    expect(leaks).toEqual([]);
  });

  it('the command line speaks English with plain numbers: no grouped thousands, no decimal comma', () => {
    expect(run.stderr).toMatch(/87286 rows read, 87286 used/);
    expect(run.stderr).toMatch(/wrote \d+ files to .* in \d+\.\d s/);
    expect(run.stderr).not.toMatch(/\d[ \u00a0]\d{3}\b|\d,\d/);
  });

  it('the word list finds English when it is there', () => {
    expect(englishWords('Andel av befolkningen, share of recipients')).toEqual(['of', 'share', 'recipients']);
    expect(englishWords('Andel av befolkningen (%), Långvarigt ≥ 10 mån')).toEqual([]);
  });
});
