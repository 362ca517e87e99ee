import rule from '../../../rules/no-leaked-subscription';
import { javascriptRuleTester, runInBothModes, typedRuleTester } from '../../ruleTester';

runInBothModes('no-leaked-subscription: abort listeners of finite jobs', rule, {
  valid: [
    // removed in `finally`, whichever way the job settles
    `
export async function fetchJson(url: string, signal: AbortSignal) {
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    return await (await fetch(url, { signal: controller.signal })).json();
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
`,
    // the listener is removed by the job's own controller when the job settles
    `
export async function fetchJson(url: string, signal: AbortSignal) {
  const controller = new AbortController();
  const done = new AbortController();
  signal.addEventListener('abort', () => controller.abort(), { once: true, signal: done.signal });
  try {
    return await (await fetch(url, { signal: controller.signal })).json();
  } finally {
    done.abort();
  }
}
`,
    // the promise settles only when the signal aborts: the listener fires and goes with it
    `
export async function untilAborted(signal: AbortSignal) {
  await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}
`,
    `
export function aborted(signal: AbortSignal) {
  return new Promise((resolve) => {
    signal.addEventListener('abort', resolve, { once: true });
  });
}
`,
    // the listener ends the subscription this same function started: they live and die together
    `
import type { Redis } from 'ioredis';

export async function follow(client: Redis, signal: AbortSignal) {
  const sub = client.duplicate();
  await sub.subscribe('news');
  signal.addEventListener('abort', () => void sub.quit(), { once: true });
}
`,
    `
export async function poll(signal: AbortSignal, tick: () => void) {
  const timer = setInterval(tick, 1000);
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
}
`,
    // closes the server this same job made and serves until the signal aborts
    `
import http from 'node:http';
import { once } from 'node:events';

export async function serve(port: number, signal: AbortSignal) {
  const server = http.createServer((req, res) => res.end('ok'));
  server.listen(port);
  signal.addEventListener('abort', () => server.close(), { once: true });
  await once(server, 'close');
}
`,
    // a signal the job made itself dies with it
    `
export async function withTimeout(work: (signal: AbortSignal) => Promise<void>) {
  const signal = AbortSignal.timeout(1000);
  signal.addEventListener('abort', () => console.log('timed out'));
  await work(signal);
}
`,
    // not a finite job: a plain function's listener is judged elsewhere
    `
export function onShutdown(signal: AbortSignal, close: () => void) {
  signal.addEventListener('abort', () => close(), { once: true });
}
`,
    // removed by the cleanup every settle path runs (agenda's drain)
    `
import { EventEmitter } from 'node:events';

export function drain(bus: EventEmitter, opts: { signal?: AbortSignal }) {
  return new Promise<boolean>((resolve) => {
    const cleanup = () => {
      bus.off('complete', onComplete);
      opts.signal?.removeEventListener('abort', onAbort);
    };
    const finish = (aborted: boolean) => {
      cleanup();
      resolve(aborted);
    };
    const onComplete = () => finish(false);
    const onAbort = () => finish(true);
    opts.signal?.addEventListener('abort', onAbort);
    bus.on('complete', onComplete);
  });
}
`,
    // a listener from elsewhere: what it does is not known here
    `
export async function register(signal: AbortSignal, onAbort: () => void) {
  signal.addEventListener('abort', onAbort);
  await Promise.resolve();
}
`,
  ],
  invalid: [
    {
      // the abort is forwarded to a per-call controller, and the listener stays after the fetch
      code: `
export async function fetchJson(url: string, signal: AbortSignal) {
  const controller = new AbortController();
  signal.addEventListener('abort', () => controller.abort());
  const response = await fetch(url, { signal: controller.signal });
  return response.json();
}
`,
      errors: [
        {
          messageId: 'abortListenerLeftOn',
          data: { code: 'signal.addEventListener(…)', target: 'signal', outlives: 'a parameter', settles: '`fetchJson()` settles' },
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 26,
        },
      ],
    },
    {
      // a sleep that rejects on abort: `{ once: true }` only removes it if the signal aborts
      code: `
export function sleep(ms: number, signal: AbortSignal) {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
`,
      errors: [
        {
          messageId: 'abortListenerLeftOn',
          data: { code: 'signal.addEventListener(…)', target: 'signal', outlives: 'a parameter', settles: 'the promise it is added for settles' },
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 28,
        },
      ],
    },
  ],
});

javascriptRuleTester.run('no-leaked-subscription: abort listeners of finite jobs (JavaScript)', rule, {
  valid: [
    `
/** @param {AbortSignal} signal */
export async function fetchJson(url, signal) {
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  signal.addEventListener('abort', onAbort);
  try {
    return await (await fetch(url, { signal: controller.signal })).json();
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
`,
  ],
  invalid: [
    {
      code: `
/** @param {AbortSignal} signal */
export async function fetchJson(url, signal) {
  const controller = new AbortController();
  signal.addEventListener('abort', () => controller.abort());
  const response = await fetch(url, { signal: controller.signal });
  return response.json();
}
`,
      errors: [
        {
          messageId: 'abortListenerLeftOn',
          data: { code: 'signal.addEventListener(…)', target: 'signal', outlives: 'a parameter', settles: '`fetchJson()` settles' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 26,
        },
      ],
    },
  ],
});

// Only the checker sees that a destructured option is an AbortSignal.
typedRuleTester.run('no-leaked-subscription: abort listeners of finite jobs (typed only)', rule, {
  valid: [],
  invalid: [
    {
      // a destructured option signal
      code: `
export async function download(url: string, { signal }: { signal: AbortSignal }) {
  const onAbort = () => console.warn('download aborted', url);
  signal.addEventListener('abort', onAbort);
  return fetch(url);
}
`,
      errors: [
        {
          messageId: 'abortListenerLeftOn',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 26,
        },
      ],
    },
  ],
});
