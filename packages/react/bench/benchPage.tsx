/// <reference types="vite/client" />
/* oxlint-disable no-await-in-loop -- a benchmark waits for each frame in turn, on purpose */
import { QueryClient } from '@tanstack/react-query';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { ClientList } from '../src/ClientList.js';
import { ConsoleProvider } from '../src/ConsoleProvider.js';
import { makeClients } from '../src/test/fixtures.js';
import { seedClientList } from '../src/test/seedClientList.js';
import '../src/styles.css';

/** One run's timings, ms. */
export interface BenchRun {
  /** The synchronous render and commit of the mount (JavaScript only). */
  render: number;
  /** From `render` to the first painted frame with rows. */
  mount: number;
  /** From the End key to the painted frame that shows the last client. */
  scrollToEnd: number;
  /** Frame times while scrolling one screen per frame through the list. */
  frames: number[];
}

declare global {
  interface Window {
    /** Mounts `ClientList` with `count` clients preloaded and times it (see runBench.ts). */
    c2dBench: (count: number) => Promise<BenchRun>;
  }
}

const PAGE_SIZE = 200;
const SCROLL_SCREENS = 120;
const noNetwork = () => Promise.reject(new Error('the benchmark must not touch the network'));
const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
// A task queued from rAF runs after that frame's paint: the closest a page gets to "painted".
const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
const generated = new Map<number, ReturnType<typeof makeClients>>();

window.c2dBench = async (count) => {
  let clients = generated.get(count);
  if (!clients) {
    clients = makeClients(count);
    generated.set(count, clients);
  }
  const queryClient = new QueryClient();
  seedClientList(queryClient, clients, { pageSize: PAGE_SIZE });
  const stage = document.getElementById('stage')!;
  const root = createRoot(stage);
  await afterPaint();

  const mountStart = performance.now();
  flushSync(() =>
    root.render(
      <ConsoleProvider apiUrl="/bench" fetch={noNetwork} queryClient={queryClient}>
        <ClientList pageSize={PAGE_SIZE} aria-label="Benchmark clients" />
      </ConsoleProvider>,
    ),
  );
  const render = performance.now() - mountStart;
  await afterPaint();
  const mount = performance.now() - mountStart;
  const list = stage.querySelector<HTMLElement>('[role="listbox"]');
  if (!list || list.querySelectorAll('[role="option"]').length === 0) throw new Error('ClientList rendered no rows');

  list.focus();
  const last = `[aria-posinset="${count}"]`;
  const endStart = performance.now();
  list.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
  while (!list.querySelector(last)) await nextFrame();
  await afterPaint();
  const scrollToEnd = performance.now() - endStart;

  // Smoothness: one screen per frame from the top, as a fast fling would.
  list.scrollTop = 0;
  await afterPaint();
  const frames: number[] = [];
  let previous = await nextFrame();
  for (let screen = 1; screen <= SCROLL_SCREENS; screen++) {
    list.scrollTop = screen * list.clientHeight;
    const now = await nextFrame();
    frames.push(now - previous);
    previous = now;
  }
  const rendered = list.querySelectorAll('[role="option"]').length;
  if (rendered >= 60) throw new Error(`ClientList kept ${rendered} rows in the DOM`);

  root.unmount();
  queryClient.clear();
  return { render, mount, scrollToEnd, frames };
};
