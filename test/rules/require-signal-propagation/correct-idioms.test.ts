import rule from '../../../rules/require-signal-propagation';
import { runInBothModes } from '../../ruleTester';

runInBothModes('require-signal-propagation: correct idioms', rule, {
  valid: [
    // Any signal passed counts: the one in scope, another, a composed one, a timeout.
    `
export async function load(url: string, signal: AbortSignal) {
  await fetch(url, { signal });
  await fetch(url, { signal: AbortSignal.timeout(1000) });
  await fetch(url, { signal: AbortSignal.any([signal, AbortSignal.timeout(1000)]) });
  const deadline = AbortSignal.any([signal, AbortSignal.timeout(500)]);
  return fetch(url, { signal: deadline });
}
`,
    // Options passed through a variable or a spread: their content is not ours to judge.
    `
export async function send(url: string, init: RequestInit, signal: AbortSignal) {
  await fetch(url, init);
  await fetch(url, { ...init, method: 'POST' });
}
`,
    // No signal in scope: nothing to propagate.
    `
import { setTimeout } from 'node:timers/promises';
export async function pause() {
  await setTimeout(100);
  return fetch('/health');
}
`,
    // Cleanup paths: a finally, an abort handler (the signal has already aborted there).
    `
export async function withReport(url: string, signal: AbortSignal) {
  signal.addEventListener('abort', () => {
    void fetch('/cancelled', { method: 'POST' });
  }, { once: true });
  signal.onabort = () => {
    void fetch('/cancelled-too');
  };
  try {
    await fetch(url, { signal });
  } finally {
    await fetch('/audit', { method: 'POST' });
  }
}
`,
    // Deliberately detached calls, named in the options.
    {
      code: `
import { request } from 'undici';
export async function flush(signal: AbortSignal, audit: { flush(options?: { signal?: AbortSignal }): Promise<void> }) {
  await fetch('/metrics');
  await audit.flush();
  await request('/log');
}
`,
      options: [{ allow: ['fetch', 'audit.flush', { from: 'package', package: 'undici', name: 'request' }] }],
    },
    // Functions that take no signal, and module-level code.
    `
function format(value: number) {
  return value.toFixed(2);
}
export function show(signal: AbortSignal, value: number) {
  return format(value);
}
const controller = new AbortController();
await fetch('/boot');
`,
    // A listener judged by no-leaked-subscription is not reported twice.
    `
export function watch(signal: AbortSignal, onResize: () => void) {
  window.addEventListener('resize', onResize);
}
`,
    // A listener on an object made here dies with it (end the object on abort instead), and an
    // addEventListener that takes no options is not an EventTarget's.
    `
interface EventSourceLike {
  addEventListener(type: string, listener: (event: unknown) => void): void;
  close(): void;
}
export function open(make: () => EventSourceLike, url: string, signal: AbortSignal) {
  const socket = new WebSocket(url);
  socket.addEventListener('message', () => undefined);
  const source = make();
  source.addEventListener('message', (event) => console.log(event));
  signal.addEventListener('abort', () => source.close(), { once: true });
  return { socket, source };
}
export function listen(source: EventSourceLike, signal: AbortSignal) {
  source.addEventListener('message', (event) => console.log(event));
}
`,
    // Method names alone are not APIs: an unknown client's get.
    `
export async function read(cache: { get(key: string): Promise<string> }, signal: AbortSignal) {
  return cache.get('key');
}
`,
  ],
  invalid: [],
});
