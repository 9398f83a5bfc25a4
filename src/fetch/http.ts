/**
 * HTTP for `fetch`, in one place: a JSON request with a timeout, a pause between requests to one
 * host (each service's limit), HTTP 429 waited out (its Retry-After, else 2, 4, 8 s) and retried
 * three times, and every failure as one line a user can act on — the host that could not be
 * reached, or the URL, the status and the service's own message.
 */
import { BistandError } from '../errors.js';
import * as msg from '../messages.js';

export interface RequestOptions {
  method?: 'GET' | 'POST';
  body?: unknown;
  /** ms before a request is given up (default 30 s) */
  timeout?: number;
}

/** One service's requests: spaced `gap` ms apart, counted for the closing note. */
export class Service {
  requests = 0;
  private last = 0;

  /** ms to wait before the first retry of a 429 without Retry-After */
  private readonly backoff = 2000;

  constructor(
    readonly name: string,
    /** the least time between two requests, in ms (SCB's `/config` sets its own) */
    public gap: number,
    /** told of each request, for a progress line */
    private readonly onRequest?: (service: Service) => void,
  ) {}

  async json(url: string, o: RequestOptions = {}): Promise<unknown> {
    for (let attempt = 0; ; attempt++) {
      const wait = this.last + this.gap - Date.now();
      if (wait > 0) await sleep(wait);
      this.last = Date.now();
      this.requests++;
      this.onRequest?.(this);
      let res: Response;
      try {
        res = await fetch(url, {
          method: o.method ?? 'GET',
          headers: { accept: 'application/json', ...(o.body === undefined ? {} : { 'content-type': 'application/json' }) },
          body: o.body === undefined ? undefined : JSON.stringify(o.body),
          signal: AbortSignal.timeout(o.timeout ?? 30_000),
        });
      } catch (e) {
        const host = new URL(url).host;
        if ((e as Error).name === 'TimeoutError') throw new BistandError(msg.fetchTimeout(this.name, host), 1, msg.fetchOfflineHint());
        throw new BistandError(msg.fetchUnreachable(this.name, host, causeOf(e)), 1, msg.fetchOfflineHint());
      }
      const text = await res.text();
      if (res.status === 429 && attempt < 3) {
        const after = Number(res.headers.get('retry-after'));
        await sleep(Number.isFinite(after) && after >= 0 ? Math.min(after, 120) * 1000 : this.backoff * 2 ** attempt);
        continue;
      }
      if (!res.ok) throw new BistandError(msg.fetchHttp(this.name, url, res.status, serviceMessage(text)), 1, msg.fetchHttpHint(res.status));
      try {
        return JSON.parse(text);
      } catch {
        throw new BistandError(msg.fetchNotJson(this.name, url), 1, msg.fetchShapeHint());
      }
    }
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Why a connection failed, in the system's words (ECONNREFUSED, ENOTFOUND …). */
function causeOf(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? String((e as Error).message ?? e);
}

/** The service's message in an error body: a problem's title and detail (SCB), an error field (Kolada), or its text. */
function serviceMessage(text: string): string {
  try {
    const j = JSON.parse(text) as Record<string, unknown>;
    const parts = [j.title, j.detail !== j.title ? j.detail : undefined, j.error, j.message].filter((p): p is string => typeof p === 'string' && p !== '');
    if (parts.length) return parts.join(': ');
    if (j.detail !== undefined) return JSON.stringify(j.detail).slice(0, 200);
  } catch {
    // not JSON: its text
  }
  return text.replace(/\s+/g, ' ').trim().slice(0, 200);
}
