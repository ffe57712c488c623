import type { Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  args?: { name?: string; data?: { url?: string; frame?: string } };
}

export interface MainThreadShare {
  /** Microseconds of the page's main-thread tasks (RunTask). */
  pageTaskUs: number;
  /** Microseconds spent in functions of chrome-extension:// scripts on that thread. */
  extensionUs: number;
  share: number;
}

/** JavaScript entry points that carry the script URL in their trace data. */
const JS_ENTRIES = new Set(['FunctionCall', 'EvaluateScript', 'TimerFire', 'FireAnimationFrame', 'EventDispatch']);

/**
 * Runs `work` under a Chrome trace and attributes the renderer main thread's time: all tasks
 * versus the JavaScript whose script URL is an extension's (content scripts included).
 */
export async function measureMainThreadShare(page: Page, work: () => Promise<void>): Promise<MainThreadShare> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8.execute'],
    },
  });
  await work();
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();

  const mainThreads = new Set(
    events
      .filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
      .map((event) => `${event.pid}:${event.tid}`),
  );
  let pageTaskUs = 0;
  let extensionUs = 0;
  for (const event of events) {
    if (event.ph !== 'X' || !mainThreads.has(`${event.pid}:${event.tid}`)) continue;
    if (event.name === 'RunTask') pageTaskUs += event.dur ?? 0;
    else if (JS_ENTRIES.has(event.name) && event.args?.data?.url?.startsWith('chrome-extension://')) {
      extensionUs += event.dur ?? 0;
    }
  }
  return { pageTaskUs, extensionUs, share: pageTaskUs > 0 ? extensionUs / pageTaskUs : 0 };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}
