import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

const incidentHelper = `
import type { Redis } from 'ioredis';

export function subscribeNewTaskMsgIfAvailable(client: Redis | undefined, onNewTask: () => void) {
  if (!client) return;
  const sub = client.duplicate();
  void sub.subscribe('new-task');
  sub.on('message', () => onNewTask());
}
`;

runInBothModes('no-leaked-subscription: what it reports', rule, {
  valid: [],
  invalid: [
    {
      // The incident: a duplicated connection, subscribed, never closed.
      code: incidentHelper,
      errors: [
        {
          messageId: 'subscriptionConnectionNotClosed',
          data: { code: "sub.subscribe('new-task')", label: 'a Redis subscription', connection: 'sub' },
          line: 7,
          column: 8,
          endLine: 7,
          endColumn: 21,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`subscribeNewTaskMsgIfAvailable()`' },
              output: `
import type { Redis } from 'ioredis';

export function subscribeNewTaskMsgIfAvailable(client: Redis | undefined, onNewTask: () => void, signal?: AbortSignal) {
  if (!client) return;
  const sub = client.duplicate();
  void sub.subscribe('new-task');
  sub.on('message', () => onNewTask());
  if (signal?.aborted) void sub.quit();
  else signal?.addEventListener('abort', () => void sub.quit(), { once: true });
}
`,
            },
          ],
        },
      ],
    },
    {
      // The same helper with a signal in scope: --fix ends the connection on abort.
      code: `
import Redis from 'ioredis';

export async function listenForTasks(client: Redis, signal: AbortSignal) {
  const sub = client.duplicate();
  await sub.subscribe('new-task');
  return 'subscribed';
}
`,
      output: `
import Redis from 'ioredis';

export async function listenForTasks(client: Redis, signal: AbortSignal) {
  const sub = client.duplicate();
  if (signal.aborted) void sub.quit();
  else signal.addEventListener('abort', () => void sub.quit(), { once: true });
  await sub.subscribe('new-task');
  return 'subscribed';
}
`,
      errors: [{ messageId: 'subscriptionConnectionNotClosed', line: 6, column: 9, endLine: 6, endColumn: 22 }],
    },
    {
      // A connection opened per call and never closed, with nothing subscribed on it.
      code: `
import { Redis } from 'ioredis';

export async function countKeys() {
  const redis = new Redis();
  return await redis.dbsize();
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { label: 'a Redis connection', handle: 'redis', code: 'new Redis()' },
          line: 5,
          column: 17,
          endLine: 5,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`countKeys()`' },
              output: `
import { Redis } from 'ioredis';

export async function countKeys(signal?: AbortSignal) {
  const redis = new Redis();
  if (signal?.aborted) void redis.quit();
  else signal?.addEventListener('abort', () => void redis.quit(), { once: true });
  return await redis.dbsize();
}
`,
            },
          ],
        },
      ],
    },
    {
      // A subscription on a shared client handed in by the caller.
      code: `
import type { Redis } from 'ioredis';

export function follow(client: Redis, signal: AbortSignal) {
  void client.subscribe('news', 'sport');
}
`,
      output: `
import type { Redis } from 'ioredis';

export function follow(client: Redis, signal: AbortSignal) {
  void client.subscribe('news', 'sport');
  if (signal.aborted) void client.unsubscribe('news', 'sport');
  else signal.addEventListener('abort', () => void client.unsubscribe('news', 'sport'), { once: true });
}
`,
      errors: [
        {
          messageId: 'notUnsubscribed',
          data: { label: 'a Redis subscription', target: 'client', outlives: 'a parameter', code: "client.subscribe('news', 'sport')" },
          line: 5,
          column: 8,
          endLine: 5,
          endColumn: 24,
        },
      ],
    },
    {
      // emitter.on on a parameter, from an exported function, never removed.
      code: `
import { EventEmitter } from 'node:events';

export function track(bus: EventEmitter, onJob: (job: unknown) => void) {
  bus.on('job', onJob);
}
`,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          data: { label: "a 'job' listener", target: 'bus', outlives: 'a parameter', code: "bus.on('job', onJob)" },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`track()`' },
              output: `
import { EventEmitter } from 'node:events';

export function track(bus: EventEmitter, onJob: (job: unknown) => void, signal?: AbortSignal) {
  bus.on('job', onJob);
  if (signal?.aborted) bus.off('job', onJob);
  else signal?.addEventListener('abort', () => bus.off('job', onJob), { once: true });
}
`,
            },
          ],
        },
      ],
    },
    // A module singleton with an inline listener, named so it can be removed: test/fix/unattended.test.ts
    // (with types its parameter's type is written out; without, TypeScript gets no fix).
    {
      // process is a global that lives as long as the program.
      code: `
export function onParentMessage(options: { signal: AbortSignal }, handle: (message: unknown) => void) {
  process.on('message', handle);
}
`,
      output: `
export function onParentMessage(options: { signal: AbortSignal }, handle: (message: unknown) => void) {
  process.on('message', handle);
  if (options.signal.aborted) process.off('message', handle);
  else options.signal.addEventListener('abort', () => process.off('message', handle), { once: true });
}
`,
      errors: [{ messageId: 'listenerNotRemoved', line: 3, column: 3, endLine: 3, endColumn: 13 }],
    },
    {
      // addEventListener on window with no signal, once or removal: the fix passes the signal.
      code: `
export function watchResize({ signal }: { signal: AbortSignal }, onResize: () => void) {
  window.addEventListener('resize', onResize);
  window.addEventListener('scroll', onResize, true);
  window.addEventListener('focus', onResize, { passive: true });
}
`,
      output: `
export function watchResize({ signal }: { signal: AbortSignal }, onResize: () => void) {
  window.addEventListener('resize', onResize, { signal });
  window.addEventListener('scroll', onResize, { capture: true, signal });
  window.addEventListener('focus', onResize, { passive: true, signal });
}
`,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          data: { label: "a 'resize' listener", target: 'window', outlives: 'a global', code: 'window.addEventListener(…)' },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 26,
        },
        { messageId: 'listenerNotRemoved', line: 4, column: 3, endLine: 4, endColumn: 26 },
        { messageId: 'listenerNotRemoved', line: 5, column: 3, endLine: 5, endColumn: 26 },
      ],
    },
    {
      // A dropped setInterval handle inside a function.
      code: `
export function poll(refresh: () => void) {
  setInterval(() => refresh(), 1000);
}
`,
      errors: [
        {
          messageId: 'handleDropped',
          data: { label: 'an interval', code: 'setInterval(() => refresh(), 1000)' },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`poll()`' },
              output: `
export function poll(refresh: () => void, signal?: AbortSignal) {
  const interval = setInterval(() => refresh(), 1000);
  if (signal?.aborted) clearInterval(interval);
  else signal?.addEventListener('abort', () => clearInterval(interval), { once: true });
}
`,
            },
          ],
        },
      ],
    },
    {
      // Kept in a local but never cleared; a local named `interval` already exists.
      code: `
export const heartbeat = (signal: AbortSignal, interval: number) => {
  const timer = setInterval(() => console.log('beat'), interval);
  timer.unref();
};
`,
      output: `
export const heartbeat = (signal: AbortSignal, interval: number) => {
  const timer = setInterval(() => console.log('beat'), interval);
  timer.unref();
  if (signal.aborted) clearInterval(timer);
  else signal.addEventListener('abort', () => clearInterval(timer), { once: true });
};
`,
      errors: [
        {
          messageId: 'handleNotEnded',
          data: { label: 'an interval', handle: 'timer', ended: 'cleared', code: 'setInterval(…)' },
          line: 3,
          column: 17,
          endLine: 3,
          endColumn: 28,
        },
      ],
    },
    {
      // A dropped RxJS Subscription inside a method, on a stream the object keeps.
      code: `
import { BehaviorSubject } from 'rxjs';

export class Store {
  readonly state$ = new BehaviorSubject(0);

  logChanges() {
    this.state$.subscribe((value) => console.log(value));
  }
}
`,
      errors: [
        {
          messageId: 'handleDropped',
          data: { label: 'an RxJS subscription', code: 'this.state$.subscribe(…)' },
          line: 8,
          column: 5,
          endLine: 8,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`logChanges()`' },
              output: `
import { BehaviorSubject } from 'rxjs';

export class Store {
  readonly state$ = new BehaviorSubject(0);

  logChanges(signal?: AbortSignal) {
    const subscription = this.state$.subscribe((value) => console.log(value));
    if (signal?.aborted) subscription.unsubscribe();
    else signal?.addEventListener('abort', () => subscription.unsubscribe(), { once: true });
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      // fs.watch takes a signal: the fix passes it before the listener.
      code: `
import * as fs from 'node:fs';

export function watchConfig(path: string, signal: AbortSignal, reload: () => void) {
  fs.watch(path, () => reload());
}
`,
      output: `
import * as fs from 'node:fs';

export function watchConfig(path: string, signal: AbortSignal, reload: () => void) {
  fs.watch(path, { signal }, () => reload());
}
`,
      errors: [
        {
          messageId: 'handleDropped',
          data: { label: 'a file watcher', code: 'fs.watch(path, () => reload())' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 11,
        },
      ],
    },
    {
      // fs.watchFile is ended by fs.unwatchFile(path), which this file never calls: no fix to offer.
      code: `
import * as fs from 'node:fs';

export function pollConfig(path: string, reload: () => void) {
  fs.watchFile(path, reload);
}
`,
      errors: [
        {
          messageId: 'endFunctionNeverCalled',
          data: { label: 'a file poller', code: 'fs.watchFile(path, reload)', end: 'unwatchFile' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 15,
          suggestions: [],
        },
      ],
    },
    {
      // chokidar's close returns a promise.
      code: `
import chokidar from 'chokidar';

export function watchDir(dir: string, signal: AbortSignal) {
  const watcher = chokidar.watch(dir);
  watcher.on('change', (file) => console.log(file));
}
`,
      output: `
import chokidar from 'chokidar';

export function watchDir(dir: string, signal: AbortSignal) {
  const watcher = chokidar.watch(dir);
  watcher.on('change', (file) => console.log(file));
  if (signal.aborted) void watcher.close();
  else signal.addEventListener('abort', () => void watcher.close(), { once: true });
}
`,
      errors: [{ messageId: 'handleNotEnded', line: 5, column: 19, endLine: 5, endColumn: 33 }],
    },
    {
      // node-redis v4+: the client's subscribe takes the listener.
      code: `
import { createClient } from 'redis';

export async function onInvalidate(url: string, drop: (key: string) => void) {
  const subscriber = createClient({ url });
  await subscriber.connect();
  await subscriber.subscribe('invalidate', (key) => drop(key));
}
`,
      errors: [
        {
          messageId: 'subscriptionConnectionNotClosed',
          data: { label: 'a Redis subscription', connection: 'subscriber', code: 'subscriber.subscribe(…)' },
          line: 7,
          column: 9,
          endLine: 7,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`onInvalidate()`' },
              output: `
import { createClient } from 'redis';

export async function onInvalidate(url: string, drop: (key: string) => void, signal?: AbortSignal) {
  const subscriber = createClient({ url });
  if (signal?.aborted) void subscriber.quit();
  else signal?.addEventListener('abort', () => void subscriber.quit(), { once: true });
  await subscriber.connect();
  await subscriber.subscribe('invalidate', (key) => drop(key));
}
`,
            },
          ],
        },
      ],
    },
  ],
});
