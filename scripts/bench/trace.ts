import type { Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: {
    name?: string;
    data?: {
      url?: string;
      frame?: string;
      processId?: number;
      message?: string;
      frames?: { frame: string; processId?: number }[];
    };
  };
}

export interface MainThreadShare {
  /** Microseconds of the measured page's main-thread tasks (RunTask). */
  pageTaskUs: number;
  /** Microseconds on that thread inside JavaScript of chrome-extension:// scripts (overlaps merged). */
  extensionUs: number;
  share: number;
}

const START_MARK = 'gap-closer-bench:start';
const END_MARK = 'gap-closer-bench:end';

/** JavaScript entry points that carry the script URL in their trace data. */
const JS_ENTRIES = new Set(['FunctionCall', 'EvaluateScript', 'TimerFire', 'FireAnimationFrame', 'EventDispatch']);

/** The renderer process of the page's main frame, as the browser reports it in the trace. */
function rendererPid(events: readonly TraceEvent[], frameId: string): number {
  for (const event of events) {
    const data = event.args?.data;
    const listed = data?.frames?.find((frame) => frame.frame === frameId)?.processId;
    if (listed !== undefined) return listed;
    if (data?.frame === frameId && data.processId !== undefined) return data.processId;
  }
  throw new Error(`The trace does not name the renderer process of frame ${frameId}`);
}

/** Total length of the union of [start, end) intervals. */
function unionLength(intervals: [number, number][]): number {
  intervals.sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [start, stop] of intervals) {
    if (stop <= end) continue;
    total += stop - Math.max(start, end);
    end = stop;
  }
  return total;
}

/**
 * Runs `work` under a Chrome trace and attributes the main thread of `page`'s renderer (found
 * through the page's main frame, not every renderer in the browser): all its tasks versus the
 * JavaScript whose script URL is an extension's (content scripts included).
 *
 * Throws when the thread ran no task (nothing was measured), and, with `expectExtensionWork`
 * (a positive control: the work makes our script act), when no extension time was seen.
 */
export async function measureMainThreadShare(
  page: Page,
  work: () => Promise<void>,
  options: { expectExtensionWork?: boolean } = {},
): Promise<MainThreadShare> {
  const cdp = await page.context().newCDPSession(page);
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8.execute'],
    },
  });
  // The renderer's trace can hold tasks from before Tracing.start (the page's own load, seconds
  // earlier): only what lies between these two marks, set by the page itself, is counted.
  await page.evaluate((label) => console.timeStamp(label), START_MARK);
  await work();
  await page.evaluate((label) => console.timeStamp(label), END_MARK);
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();

  const pid = rendererPid(events, frameTree.frame.id);
  const main = events.filter(
    (event) =>
      event.ph === 'M' && event.name === 'thread_name' && event.pid === pid && event.args?.name === 'CrRendererMain',
  );
  if (main.length !== 1) throw new Error(`Expected one CrRendererMain in renderer ${pid}, found ${main.length}`);
  const tid = (main[0] as TraceEvent).tid;
  const markTs = (label: string) =>
    events.find((event) => event.name === 'TimeStamp' && event.pid === pid && event.args?.data?.message === label)?.ts;
  const start = markTs(START_MARK);
  const end = markTs(END_MARK);
  if (start === undefined || end === undefined) throw new Error('The trace lost the marks of the measured work');
  let pageTaskUs = 0;
  const extension: [number, number][] = [];
  for (const event of events) {
    if (event.ph !== 'X' || event.pid !== pid || event.tid !== tid) continue;
    if (event.ts < start || event.ts > end) continue;
    if (event.name === 'RunTask') pageTaskUs += event.dur ?? 0;
    else if (JS_ENTRIES.has(event.name) && event.args?.data?.url?.startsWith('chrome-extension://')) {
      extension.push([event.ts, event.ts + (event.dur ?? 0)]);
    }
  }
  const extensionUs = unionLength(extension);
  if (pageTaskUs <= 0) throw new Error('The trace holds no task of the page under test: nothing was measured');
  if (options.expectExtensionWork && extensionUs <= 0)
    throw new Error('The trace shows none of our script’s work although the run made it act');
  return { pageTaskUs, extensionUs, share: extensionUs / pageTaskUs };
}
