import { build } from 'hdr-histogram-js';

export interface PhaseResult {
  name: string;
  concurrency: number;
  requests: number;
  ok: number;
  /** Non-2xx answers by status, and failures without an answer under 'network' / 'timeout'. */
  errors: Record<string, number>;
  seconds: number;
  /** Latencies in milliseconds. */
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** True when the phase's hard time limit cut it short. */
  cut: boolean;
}

export interface Request {
  url: string;
  init: RequestInit;
}

/**
 * A closed loop of `concurrency` clients over Node's fetch (undici, keep-alive): each sends its next request as soon as
 * the previous answer's body has been read. Stops when `next` returns undefined or at `hardLimitMs`, whichever comes
 * first; every request has its own timeout. Latency (send to end of body) goes into an HDR histogram in microseconds.
 */
export async function drive(name: string, concurrency: number, next: (i: number) => Request | undefined, options: { hardLimitMs: number; requestTimeoutMs: number }): Promise<PhaseResult> {
  const histogram = build({ lowestDiscernibleValue: 1, highestTrackableValue: 120_000_000, numberOfSignificantValueDigits: 3 });
  const errors: Record<string, number> = {};
  let issued = 0;
  let ok = 0;
  let cut = false;
  const started = performance.now();
  const deadline = started + options.hardLimitMs;
  const client = async () => {
    for (;;) {
      if (performance.now() > deadline) {
        cut = true;
        return;
      }
      const request = next(issued);
      if (!request) return;
      issued += 1;
      const sent = performance.now();
      try {
        const response = await fetch(request.url, { ...request.init, signal: AbortSignal.timeout(options.requestTimeoutMs) });
        await response.arrayBuffer();
        histogram.recordValue(Math.max(1, Math.round((performance.now() - sent) * 1000)));
        if (response.ok) ok += 1;
        else errors[String(response.status)] = (errors[String(response.status)] ?? 0) + 1;
      } catch (error) {
        const kind = (error as Error).name === 'TimeoutError' ? 'timeout' : 'network';
        errors[kind] = (errors[kind] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  const seconds = (performance.now() - started) / 1000;
  // A percentile is its bucket's highest equivalent value (within 0.1%), which can exceed the exact maximum: clamp it.
  const ms = (q: number) => Math.min(histogram.getValueAtPercentile(q), histogram.maxValue) / 1000;
  const result: PhaseResult = { name, concurrency, requests: issued, ok, errors, seconds, p50: ms(50), p95: ms(95), p99: ms(99), max: histogram.maxValue / 1000, cut };
  histogram.destroy();
  return result;
}

/** Requests from a fixed list, each once. */
export const each = <T>(items: T[], toRequest: (item: T) => Request) => (i: number) => (i < items.length ? toRequest(items[i]) : undefined);

/** The same request again and again until `seconds` have passed. */
export function forSeconds(seconds: number, toRequest: (i: number) => Request): (i: number) => Request | undefined {
  const until = performance.now() + seconds * 1000;
  return (i) => (performance.now() < until ? toRequest(i) : undefined);
}
