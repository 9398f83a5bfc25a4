/**
 * `--pdf`: rapport.html printed to PDF by a Chromium or Chrome already on the machine (driven
 * with playwright-core; we download no browser). The page's own print styles set A4 and its
 * margins. The PDF's dates are set to the report year, so the same report gives the same bytes.
 */
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome', 'microsoft-edge'];

/** The browser to print with: $BISTAND_BROWSER, else the first of the usual names on PATH. */
export function findBrowser(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.BISTAND_BROWSER) return existsSync(env.BISTAND_BROWSER) ? env.BISTAND_BROWSER : undefined;
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of NAMES) for (const d of dirs) if (existsSync(join(d, name))) return join(d, name);
  return undefined;
}

/** Flags for a browser on a closed network, run as any user: no sandbox, no background traffic. */
export const BROWSER_ARGS = ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export async function htmlToPdf(html: string, browserPath: string, year: number): Promise<Uint8Array> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: browserPath, headless: true, chromiumSandbox: false, args: BROWSER_ARGS });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: '<div style="font-size:7pt;width:100%;text-align:center;color:#666">Sida <span class="pageNumber"></span> av <span class="totalPages"></span></div>',
    });
    return fixedPdfDates(pdf, year);
  } finally {
    await browser.close();
  }
}

/** Chromium stamps the print time into the PDF; the same-length report-year date keeps its offsets right. */
export function fixedPdfDates(pdf: Buffer, year: number): Uint8Array {
  const text = pdf.toString('latin1');
  const fixed = text.replace(/\/(CreationDate|ModDate) \(D:(\d{4})([^)]*)\)/g, (_, key: string, _y: string, rest: string) => `/${key} (D:${String(year).padStart(4, '0')}${rest.replace(/\d/g, (d, i: number) => (i < 4 ? (i === 1 || i === 3 ? '1' : '0') : '0'))})`);
  return Buffer.from(fixed, 'latin1');
}
