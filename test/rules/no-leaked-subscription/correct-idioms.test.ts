import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// Every case here is correct code that earlier leak linters flagged: each one must stay quiet.
runInBothModes('no-leaked-subscription: correct idioms', rule, {
  valid: [
    // Module scope lives as long as the program.
    `
import Redis from 'ioredis';
const sub = new Redis();
void sub.subscribe('news');
sub.on('message', (channel, message) => console.log(channel, message));
setInterval(() => console.log('tick'), 1000);
process.on('SIGTERM', () => process.exit(0));
`,
    // main() and a private function called once from module scope are the program's own.
    `
import Redis from 'ioredis';
async function main() {
  const sub = new Redis();
  await sub.subscribe('news');
  setInterval(() => console.log('tick'), 1000);
}
function installSignalHandlers() {
  process.on('SIGTERM', () => process.exit(0));
}
installSignalHandlers();
void main();
`,
    // Entry functions named in the options.
    {
      code: `
export function bootstrap() {
  process.on('SIGINT', () => process.exit(130));
}
`,
      options: [{ entryFunctions: ['bootstrap'] }],
    },
    // A listener on an emitter the function itself created dies with it.
    `
import { EventEmitter } from 'node:events';
export function makeBus() {
  const bus = new EventEmitter();
  bus.on('error', (error) => console.error(error));
  return bus;
}
`,
    // Owned by \`this\`: the connection and its listeners live and die with the object.
    `
import Redis from 'ioredis';
export class Cache {
  private readonly conn = new Redis();
  constructor() {
    this.conn.on('error', (error) => console.error(error));
  }
  watch() {
    this.conn.on('ready', () => console.log('ready'));
  }
}
`,
    // A signal, once, or a one-shot method ends the listener by itself.
    `
import type { EventEmitter } from 'node:events';
export function onResize(signal: AbortSignal, handler: () => void) {
  window.addEventListener('resize', handler, { signal });
  window.addEventListener('load', handler, { once: true });
}
export function firstJob(bus: EventEmitter, handler: () => void) {
  bus.once('job', handler);
}
`,
    // Options passed through from the caller: their content is the caller's business.
    `
export function listen(target: EventTarget, options: AddEventListenerOptions, handler: () => void) {
  target.addEventListener('message', handler, options);
}
`,
    // Removal in finally.
    `
import type { EventEmitter } from 'node:events';
export async function withProgress(bus: EventEmitter, onProgress: (n: number) => void, work: () => Promise<void>) {
  bus.on('progress', onProgress);
  try {
    await work();
  } finally {
    bus.off('progress', onProgress);
  }
}
`,
    // A returned disposer.
    `
import type { EventEmitter } from 'node:events';
export function subscribe(bus: EventEmitter, handler: () => void) {
  bus.on('change', handler);
  return () => bus.removeListener('change', handler);
}
`,
    // Teardown in another function of the module (stop / removeAllListeners).
    `
import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
export function start(handler: () => void) {
  bus.on('job', handler);
}
export function stop() {
  bus.removeAllListeners('job');
}
`,
    // Teardown registered on a signal received from the caller: the fixed incident helper.
    `
import type { Redis } from 'ioredis';
export function subscribeNewTaskMsgIfAvailable(client: Redis | undefined, onNewTask: () => void, signal: AbortSignal) {
  if (!client) return;
  const sub = client.duplicate();
  void sub.subscribe('new-task');
  sub.on('message', () => onNewTask());
  signal.addEventListener('abort', () => void sub.quit(), { once: true });
}
`,
    // Handles returned, stored on the object, or in an outer let cleared later.
    `
let timer: ReturnType<typeof setInterval> | undefined;
export function startPolling(poll: () => void) {
  timer = setInterval(poll, 1000);
}
export function stopPolling() {
  clearInterval(timer);
}
export function every(ms: number, fn: () => void) {
  return setInterval(fn, ms);
}
export class Poller {
  #timer: ReturnType<typeof setInterval> | undefined;
  start() {
    this.#timer = setInterval(() => this.tick(), 1000);
  }
  tick() {}
  [Symbol.dispose]() {
    clearInterval(this.#timer);
  }
}
`,
    // Cleared in finally, or handed to a DisposableStack.
    `
export async function withHeartbeat(work: () => Promise<void>) {
  const heartbeat = setInterval(() => console.log('alive'), 1000);
  try {
    await work();
  } finally {
    clearInterval(heartbeat);
  }
}
export function withStack(stack: DisposableStack) {
  stack.adopt(setInterval(() => console.log('alive'), 1000), clearInterval);
}
`,
    // \`using\` disposes at the end of the block.
    `
import * as fs from 'node:fs';
export function peek(path: string) {
  using watcher = fs.watch(path);
  return watcher;
}
`,
    // A one-shot setTimeout is not a subscription.
    `
export function later(fn: () => void) {
  setTimeout(fn, 100);
}
`,
    // A connection closed in finally, or returned to an owner.
    `
import Redis from 'ioredis';
export async function countKeys() {
  const redis = new Redis();
  try {
    return await redis.dbsize();
  } finally {
    await redis.quit();
  }
}
export function createSubscriber(url: string) {
  const sub = new Redis(url);
  sub.on('error', (error) => console.error(error));
  return sub;
}
`,
    // Unsubscribed from a shared client in the same function.
    `
import type { Redis } from 'ioredis';
export async function once(client: Redis, channel: string) {
  await client.subscribe(channel);
  await new Promise((resolve) => client.once('message', resolve));
  await client.unsubscribe(channel);
}
`,
    // RxJS: finite operators last, firstValueFrom, takeUntil defined upstream, a kept Subscription.
    `
import { BehaviorSubject, Subject, Subscription, firstValueFrom, first, take, takeUntil } from 'rxjs';
export class Widget {
  private readonly state$ = new BehaviorSubject(0);
  private readonly destroy$ = new Subject<void>();
  private readonly value$ = this.state$.pipe(takeUntil(this.destroy$));
  private readonly subscriptions = new Subscription();
  once() {
    this.state$.pipe(take(1)).subscribe((value) => console.log(value));
    this.state$.pipe(first()).subscribe((value) => console.log(value));
  }
  async current() {
    return firstValueFrom(this.state$);
  }
  follow() {
    this.value$.subscribe((value) => console.log(value));
    this.subscriptions.add(this.state$.subscribe((value) => console.log(value)));
  }
  destroy() {
    this.destroy$.next();
    this.subscriptions.unsubscribe();
  }
}
`,
    // RxJS: a cold source made by a call (an HTTP request) completes by itself.
    `
import type { Observable } from 'rxjs';
export class Api {
  constructor(private readonly http: { get(url: string): Observable<unknown> }) {}
  load() {
    this.http.get('/items').subscribe((items) => console.log(items));
  }
}
`,
    // Method names alone mean nothing: an unknown store's subscribe returns its own disposer.
    `
export function connect(store: { subscribe(fn: () => void): () => void }, render: () => void) {
  const unsubscribe = store.subscribe(render);
  return unsubscribe;
}
export function watchStore(store: any, render: () => void) {
  store.subscribe(render);
}
`,
    // .on of an object that is not an emitter, and look-alike names.
    `
export function plot(chart: { on(event: string, fn: () => void): void }, redraw: () => void) {
  chart.on('zoom', redraw);
}
export function register(registry: { addDefaultListener(fn: () => void): void }, fn: () => void) {
  registry.addDefaultListener(fn);
}
`,
    // A target produced by a call: removal would use the same call.
    `
export function watchTheme(onChange: () => void) {
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', onChange);
}
`,
    // Async callbacks handed to emitters and routers: fire-and-forget by design.
    `
import { EventEmitter } from 'node:events';
const jobs = new EventEmitter();
jobs.on('job', async (job) => {
  await Promise.resolve(job);
});
`,
    // Per-call objects handed to a callback (a socket, a request) die with that call.
    `
import * as net from 'node:net';
const server = net.createServer((socket) => {
  socket.on('data', (chunk) => socket.write(chunk));
});
server.on('connection', (socket) => {
  socket.on('close', () => console.log('closed'));
});
`,
    // A listener inside a Promise executor that removes itself.
    `
import type { EventEmitter } from 'node:events';
export function nextMessage(bus: EventEmitter) {
  return new Promise((resolve) => {
    const onMessage = (message: unknown) => {
      bus.off('message', onMessage);
      resolve(message);
    };
    bus.on('message', onMessage);
  });
}
`,
    // fs.watch with a signal, and watchFile paired with unwatchFile.
    `
import * as fs from 'node:fs';
export function watchConfig(path: string, signal: AbortSignal, reload: () => void) {
  fs.watch(path, { signal }, () => reload());
}
export function poll(path: string, reload: () => void) {
  fs.watchFile(path, reload);
}
export function stopPolling(path: string) {
  fs.unwatchFile(path);
}
`,
    // events.on consumed by a for-await loop is judged by no-unbounded-loop, not here.
    `
import { on } from 'node:events';
import type { EventEmitter } from 'node:events';
export async function drain(bus: EventEmitter) {
  for await (const [job] of on(bus, 'job')) {
    if (job === 'stop') break;
  }
}
`,
    // From the corpus (rxjs WebSocketSubject): the Subscriber handed in is the subscription's handle.
    `
import { Observable, Subject, Subscriber, Subscription } from 'rxjs';
export class Relay<T> extends Observable<T> {
  private output = new Subject<T>();
  protected _subscribe(subscriber: Subscriber<T>): Subscription {
    this.output.subscribe(subscriber);
    subscriber.add(() => console.log('torn down'));
    return subscriber;
  }
}
`,
    // From the corpus (trpc applyWSSHandler): an installer attaches handlers for the life of what it is given.
    `
import type { Server } from 'node:http';
export function attachHandler(server: Server, handle: (url: string) => void) {
  server.on('request', (req) => handle(req.url ?? '/'));
}
export function setupGracefulShutdown(server: Server) {
  process.on('SIGTERM', () => server.close());
}
`,
    // From the corpus (node-cron daemon, bullmq child): a function its module runs at top level,
    // and process lifecycle handlers wherever they are installed.
    `
export function bind() {
  process.on('message', (message) => console.log(message));
  process.on('disconnect', () => process.exit(0));
}
bind();
export default (send: (message: unknown) => void) => {
  process.on('SIGTERM', () => send({ cmd: 'stopping' }));
  process.on('uncaughtException', (error) => {
    send({ cmd: 'failed', value: String(error) });
    process.exit(1);
  });
};
`,
    // An abort listener runs at most once: the cleanup idiom itself, with or without once.
    `
export function onCancel(signal: AbortSignal, cleanup: () => void) {
  signal.addEventListener('abort', cleanup);
}
`,
    // Shadowed globals are not the globals.
    `
export function fake(setInterval: (fn: () => void, ms: number) => void) {
  setInterval(() => undefined, 10);
}
`,
  ],
  invalid: [],
});
