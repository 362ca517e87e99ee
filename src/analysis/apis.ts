/**
 * The knowledge base: which calls start something long-lived, on which kind of object, and how
 * each is ended. Adding an API is adding a row here, not a branch in a rule.
 */

/** What we know an object to be, from its type or from where it was created. */
export type ObjectKind = BuiltinObjectKind | CustomObjectKind;

/** An object of a subscription API named in `settings.leaks.subscriptions`, by its index there. */
export type CustomObjectKind = `custom:${number}`;

export type BuiltinObjectKind =
  | 'ioredis'
  | 'nodeRedis'
  | 'emitter'
  | 'eventTarget'
  | 'observable'
  /** Objects whose callbacks run again and again: an HTTP app, an agenda, a bull queue. */
  | 'httpApp'
  | 'agenda'
  | 'bullQueue'
  /** An emitter that reconnects by itself and fires its connection events again (mqtt, socket.io-client). */
  | 'reconnectingClient';

/** What a start leaves running. */
export type StartKind =
  | 'listener'
  | 'redisSubscription'
  | 'connection'
  | 'interval'
  | 'rxSubscription'
  | 'watcher'
  | 'eventsIterator'
  /** A method of an API named in `settings.leaks.subscriptions`. */
  | 'customSubscription';

export interface MethodStart {
  kind: StartKind;
  /** Index of an options argument that accepts `{ signal }` (EventTarget's third argument). */
  signalOptionIndex?: number;
}

export interface ObjectApi {
  /** Shown in messages: "a Redis subscription". */
  label: string;
  starts: Readonly<Record<string, MethodStart>>;
  /** Methods on the same object that end a listener. */
  removeListener: readonly string[];
  /** Methods on the same object that end its subscriptions (and with them the listeners). */
  endSubscription: readonly string[];
  /** Methods that close the object itself. */
  close: readonly string[];
  /** Method used by fixes to end a listener. */
  fixRemoveListener?: string;
  /** Method used by fixes to close the object, and whether it returns a promise. */
  fixClose?: { method: string; returnsPromise: boolean };
}

const emitterListenerStarts = {
  on: { kind: 'listener' },
  addListener: { kind: 'listener' },
  prependListener: { kind: 'listener' },
  // Self-ending once their event fires; judged only where that event may never come (see `endOfLifeEvents`).
  once: { kind: 'listener' },
  prependOnceListener: { kind: 'listener' },
} as const satisfies Record<string, MethodStart>;

const emitterRemovals = ['off', 'removeListener', 'removeAllListeners'] as const;

export const objectApis: Readonly<Record<BuiltinObjectKind, ObjectApi>> = {
  ioredis: {
    label: 'ioredis client',
    starts: {
      ...emitterListenerStarts,
      subscribe: { kind: 'redisSubscription' },
      psubscribe: { kind: 'redisSubscription' },
      ssubscribe: { kind: 'redisSubscription' },
      monitor: { kind: 'connection' },
      duplicate: { kind: 'connection' },
    },
    removeListener: emitterRemovals,
    endSubscription: ['unsubscribe', 'punsubscribe', 'sunsubscribe'],
    close: ['quit', 'disconnect', 'end'],
    fixRemoveListener: 'off',
    fixClose: { method: 'quit', returnsPromise: true },
  },
  nodeRedis: {
    label: 'node-redis client',
    starts: {
      ...emitterListenerStarts,
      subscribe: { kind: 'redisSubscription' },
      pSubscribe: { kind: 'redisSubscription' },
      sSubscribe: { kind: 'redisSubscription' },
      SUBSCRIBE: { kind: 'redisSubscription' },
      PSUBSCRIBE: { kind: 'redisSubscription' },
      duplicate: { kind: 'connection' },
    },
    removeListener: emitterRemovals,
    endSubscription: ['unsubscribe', 'pUnsubscribe', 'sUnsubscribe', 'UNSUBSCRIBE', 'PUNSUBSCRIBE'],
    close: ['quit', 'QUIT', 'close', 'destroy', 'disconnect'],
    fixRemoveListener: 'off',
    fixClose: { method: 'quit', returnsPromise: true },
  },
  emitter: {
    label: 'event emitter',
    starts: emitterListenerStarts,
    removeListener: emitterRemovals,
    endSubscription: [],
    close: [],
    fixRemoveListener: 'off',
  },
  eventTarget: {
    label: 'event target',
    starts: { addEventListener: { kind: 'listener', signalOptionIndex: 2 } },
    removeListener: ['removeEventListener'],
    endSubscription: [],
    close: [],
    fixRemoveListener: 'removeEventListener',
  },
  observable: {
    label: 'observable',
    starts: { subscribe: { kind: 'rxSubscription' } },
    removeListener: [],
    endSubscription: [],
    close: [],
  },
  httpApp: { label: 'HTTP app', starts: {}, removeListener: [], endSubscription: [], close: [] },
  agenda: { label: 'agenda', starts: {}, removeListener: [], endSubscription: [], close: [] },
  bullQueue: { label: 'bull queue', starts: {}, removeListener: [], endSubscription: [], close: [] },
  reconnectingClient: {
    label: 'reconnecting client',
    starts: emitterListenerStarts,
    removeListener: emitterRemovals,
    endSubscription: [],
    close: ['end', 'close', 'disconnect'],
    fixRemoveListener: 'off',
  },
};

/** Every method name that starts something on some object kind: the rules' cheap pre-filter. */
export const startMethodNames: ReadonlySet<string> = new Set(
  Object.values(objectApis).flatMap((api) => Object.keys(api.starts)),
);

/** How a started thing that hands back a handle is ended through that handle. */
export interface HandleEnd {
  /** `h.close()`-style methods on the handle. */
  methods: readonly string[];
  /** `clearInterval(h)`-style functions taking the handle. */
  functions: readonly string[];
  /** What fixes write to end it: `clearInterval(h)` or `void h.quit()`. */
  fix: { kind: 'function' | 'method'; name: string; returnsPromise: boolean };
}

export const handleEnds = {
  connection: {
    methods: ['quit', 'disconnect', 'end', 'close', 'destroy', 'QUIT'],
    functions: [],
    fix: { kind: 'method', name: 'quit', returnsPromise: true },
  },
  interval: {
    methods: ['close'],
    functions: ['clearInterval', 'clearTimeout'],
    fix: { kind: 'function', name: 'clearInterval', returnsPromise: false },
  },
  rxSubscription: {
    methods: ['unsubscribe'],
    functions: [],
    fix: { kind: 'method', name: 'unsubscribe', returnsPromise: false },
  },
  watcher: {
    methods: ['close', 'unwatch'],
    functions: ['unwatchFile'],
    fix: { kind: 'method', name: 'close', returnsPromise: false },
  },
  eventsIterator: {
    methods: ['return', 'throw'],
    functions: [],
    fix: { kind: 'method', name: 'return', returnsPromise: true },
  },
} as const satisfies Partial<Record<StartKind, HandleEnd>>;

/** How a start of this kind is ended through its handle, when it has one. */
export function handleEndOf(kind: StartKind): HandleEnd | undefined {
  return (handleEnds as Partial<Record<StartKind, HandleEnd>>)[kind];
}

/** Functions and constructors, found by import tracking, that start something. */
export interface CallStart {
  kind: StartKind;
  label: string;
  /** The object kind of what the call returns, when it returns a client. */
  returns?: ObjectKind;
  /** Where `{ signal }` goes: an options argument index, or `'beforeListener'` for `fs.watch`. */
  signalOption?: number | 'beforeListener';
  /** A closing function that ends all such starts: `fs.unwatchFile(path)`. */
  endFunction?: string;
  /** The fix for `chokidar`'s async close differs from `fs.watch`'s sync one. */
  closeReturnsPromise?: boolean;
}

/**
 * Import-tracked call starts, keyed by module, then by export path (`'default'` for the default
 * export, `'*'` for the module itself called or constructed). Node built-ins match with or
 * without `node:`.
 */
export const moduleStarts: Readonly<Record<string, Readonly<Record<string, CallStart>>>> = {
  ioredis: {
    default: { kind: 'connection', label: 'a Redis connection', returns: 'ioredis' },
    Redis: { kind: 'connection', label: 'a Redis connection', returns: 'ioredis' },
    Cluster: { kind: 'connection', label: 'a Redis cluster connection', returns: 'ioredis' },
    '*': { kind: 'connection', label: 'a Redis connection', returns: 'ioredis' },
  },
  redis: {
    createClient: { kind: 'connection', label: 'a Redis connection', returns: 'nodeRedis' },
    createCluster: { kind: 'connection', label: 'a Redis cluster connection', returns: 'nodeRedis' },
  },
  '@redis/client': {
    createClient: { kind: 'connection', label: 'a Redis connection', returns: 'nodeRedis' },
  },
  fs: {
    watch: { kind: 'watcher', label: 'a file watcher', signalOption: 'beforeListener' },
    watchFile: { kind: 'watcher', label: 'a file poller', endFunction: 'unwatchFile' },
  },
  chokidar: {
    watch: { kind: 'watcher', label: 'a chokidar watcher', closeReturnsPromise: true },
    default: { kind: 'watcher', label: 'a chokidar watcher', closeReturnsPromise: true },
  },
  events: {
    on: { kind: 'eventsIterator', label: 'an events.on() iterator', signalOption: 2 },
  },
  timers: {
    setInterval: { kind: 'interval', label: 'an interval' },
  },
};

/** Global functions that start something. */
export const globalStarts: Readonly<Record<string, CallStart>> = {
  setInterval: { kind: 'interval', label: 'an interval' },
};

// ---------------------------------------------------------------------------------------------
// How often events fire, per family. One block, so that it can move into the family descriptors:
// which events fire again over one object's life (their listeners are repeated contexts), which
// fire once (their listeners run once), and on which a one-shot listener may wait forever.

/**
 * Clients that reconnect by themselves, by module and export, and fire their connection events
 * again on every reconnect. (`ws` does not reconnect: a `WebSocket`'s `open` fires once. nats.js
 * reports reconnects through `status()`, an async iterator, not events.)
 */
export const reconnectingClientModules = {
  mqtt: { connect: 'reconnectingClient', connectAsync: 'reconnectingClient', MqttClient: 'reconnectingClient' },
  'socket.io-client': { io: 'reconnectingClient', connect: 'reconnectingClient', default: 'reconnectingClient', '*': 'reconnectingClient' },
  'reconnecting-websocket': { default: 'reconnectingClient', '*': 'reconnectingClient' },
  'amqp-connection-manager': { connect: 'reconnectingClient', default: 'reconnectingClient' },
} as const satisfies Readonly<Record<string, Readonly<Record<string, ObjectKind>>>>;

/** How often an object's events fire. Events a family does not list fall back to `lifecycleEvents`. */
export interface EventFacts {
  /** Fire again and again over one object's life (every reconnect): their listeners are repeated contexts. */
  again: ReadonlySet<string>;
  /** Fire at most once in one object's life: their listeners run once. */
  once: ReadonlySet<string>;
}

/**
 * Per object kind. `'ready'` on an ioredis client fires after every reconnect, so a client made or
 * a listener added in its listener multiplies with each network blip:
 *
 * ```ts
 * redis.on('ready', () => { this.sub = new Redis(); }); // one more connection per reconnect
 * ```
 */
export const repeatingEvents: Readonly<Partial<Record<BuiltinObjectKind, EventFacts>>> = {
  ioredis: {
    again: new Set(['connect', 'ready', 'reconnecting', 'close', 'error', 'wait']),
    once: new Set(['end']),
  },
  nodeRedis: {
    again: new Set(['connect', 'ready', 'reconnecting', 'error']),
    once: new Set(['end']),
  },
  reconnectingClient: {
    again: new Set([
      'connect',
      'reconnect',
      'open',
      'close',
      'offline',
      'online',
      'disconnect',
      'error',
      'connect_error',
      'connectFailed',
      'reconnect_attempt',
    ]),
    once: new Set(['end']),
  },
};

/** Every event some family says fires again: the cheap filter before asking a receiver's kind. */
export const eventsFiringAgain: ReadonlySet<string> = new Set(
  Object.values(repeatingEvents).flatMap((facts) => [...facts.again, ...facts.once]),
);

/**
 * The process's own life: its POSIX signals (every `SIG…` event), `exit`, `beforeExit` and
 * `disconnect` end it or announce its end. Their handlers are installed for the whole program and
 * their bodies run once (a signal that is sent again, `SIGHUP` for a reload, runs it again: a
 * known gap).
 */
export function isProcessLifecycleEvent(event: string): boolean {
  return /^SIG[A-Z0-9]+$/.test(event) || processOnceEvents.has(event);
}

const processOnceEvents: ReadonlySet<string> = new Set(['exit', 'beforeExit', 'disconnect']);

/**
 * Events that fire only when an object fails or ends. A one-shot listener (`once`, `{ once: true }`)
 * for one of these is not ended when the work it guards succeeds: added on every run to an object
 * that outlives the run, they pile up.
 *
 * ```ts
 * for (const job of jobs) { channel.once('error', reject); await send(channel, job); } // one more per job
 * ```
 */
export const endOfLifeEvents: ReadonlySet<string> = new Set(['error', 'close', 'end', 'finish', 'exit']);

// ---------------------------------------------------------------------------------------------

/** Constructors and factories, by module, whose results are objects of a known kind. */
export const moduleObjects: Readonly<Record<string, Readonly<Record<string, ObjectKind>>>> = {
  events: { default: 'emitter', EventEmitter: 'emitter', '*': 'emitter' },
  rxjs: {
    Subject: 'observable',
    BehaviorSubject: 'observable',
    ReplaySubject: 'observable',
    interval: 'observable',
    timer: 'observable',
    fromEvent: 'observable',
    fromEventPattern: 'observable',
    merge: 'observable',
    combineLatest: 'observable',
    defer: 'observable',
  },
  net: { createServer: 'emitter', connect: 'emitter', createConnection: 'emitter', Socket: 'emitter' },
  http: { createServer: 'emitter' },
  https: { createServer: 'emitter' },
  express: { '*': 'httpApp', default: 'httpApp', Router: 'httpApp' },
  koa: { '*': 'httpApp', default: 'httpApp' },
  fastify: { '*': 'httpApp', default: 'httpApp', fastify: 'httpApp' },
  hono: { Hono: 'httpApp' },
  agenda: { Agenda: 'agenda', default: 'agenda', '*': 'agenda' },
  bull: { '*': 'bullQueue', default: 'bullQueue' },
  child_process: { spawn: 'emitter', fork: 'emitter', exec: 'emitter', execFile: 'emitter' },
  ...reconnectingClientModules,
};

/** Globals that are objects of a known kind and live as long as the program. */
export const globalObjects: Readonly<Record<string, ObjectKind>> = {
  process: 'emitter',
  window: 'eventTarget',
  document: 'eventTarget',
  globalThis: 'eventTarget',
  self: 'eventTarget',
  navigator: 'eventTarget',
};

/** Type names that, imported from these modules into a type annotation, tell an object's kind. */
export const annotatedTypes: Readonly<Record<string, Readonly<Record<string, ObjectKind>>>> = {
  ioredis: { Redis: 'ioredis', Cluster: 'ioredis', default: 'ioredis' },
  redis: { RedisClientType: 'nodeRedis', RedisClusterType: 'nodeRedis' },
  '@redis/client': { RedisClientType: 'nodeRedis' },
  events: { EventEmitter: 'emitter', default: 'emitter', '*': 'emitter' },
  rxjs: { Observable: 'observable', Subject: 'observable', BehaviorSubject: 'observable', ReplaySubject: 'observable' },
  net: { Socket: 'emitter', Server: 'emitter' },
  stream: { Readable: 'emitter', Writable: 'emitter', Duplex: 'emitter', Transform: 'emitter', Stream: 'emitter' },
};

/** Global type names (lib.dom / @types/node globals) that tell an object's kind in annotations. */
export const globalAnnotatedTypes: Readonly<Record<string, ObjectKind>> = {
  EventTarget: 'eventTarget',
  Window: 'eventTarget',
  Document: 'eventTarget',
  HTMLElement: 'eventTarget',
  Element: 'eventTarget',
  AbortSignal: 'eventTarget',
  WebSocket: 'eventTarget',
  NodeJS: 'emitter',
};

/**
 * RxJS operators after which a subscription completes by itself, and the Angular helper that
 * ties it to a component. `takeUntil` counts: its notifier is the owner's end.
 */
export const finiteOperators: ReadonlySet<string> = new Set([
  'take',
  'first',
  'takeUntil',
  'takeWhile',
  'takeLast',
  'last',
  'single',
  'find',
  'findIndex',
  'elementAt',
  'takeUntilDestroyed',
  'toArray',
  'reduce',
  'count',
  'every',
  'isEmpty',
  'timeout',
]);

/** Package path fragments that identify a declaration's origin in typed mode. */
export const typePackages: Readonly<Record<string, ObjectKind>> = {
  ...Object.fromEntries(Object.keys(reconnectingClientModules).map((name) => [`/node_modules/${name}/`, 'reconnectingClient'])),
  '/node_modules/ioredis/': 'ioredis',
  '/node_modules/@redis/client/': 'nodeRedis',
  '/node_modules/redis/': 'nodeRedis',
  '/node_modules/rxjs/': 'observable',
};


/** How often a repeated callback runs, for messages: "on every tick of this cron job; each tick adds one more". */
export interface Repetition {
  /** "on every tick of this cron job" */
  every: string;
  /** "tick" */
  unit: string;
  /** Loops and array callbacks run once per element: what depends on the element is not repeated. */
  perElement?: boolean;
}

export const repetitions = {
  cronTick: { every: 'on every tick of this cron job', unit: 'tick' },
  intervalTick: { every: 'on every tick of this interval', unit: 'tick' },
  scheduledRun: { every: 'on every run of this scheduled job', unit: 'run' },
  workerJob: { every: 'for every job this worker processes', unit: 'job' },
  request: { every: 'on every request to this route', unit: 'request' },
  serverRequest: { every: 'on every request to this server', unit: 'request' },
  rearm: { every: 'on every run of this self-rescheduling timer', unit: 'run' },
  loop: { every: 'on every iteration of this loop', unit: 'iteration' },
  endlessLoop: { every: 'on every iteration of this endless loop', unit: 'iteration' },
} as const satisfies Record<string, Repetition>;

/** Which argument of a scheduling call is the callback it runs again and again. */
export type RepeatedCallbackPosition =
  | number
  | 'last'
  /** Every function argument: middlewares and handler of a route. */
  | 'functions'
  /** A property of an options object argument: `CronJob.from({ onTick })`, `route({ handler })`. */
  | { optionsIndex: number; property: string };

export interface RepeatedCallback {
  repetition: Repetition;
  positions: readonly RepeatedCallbackPosition[];
}

/** Import-tracked schedulers, keyed by module then export path (dots for static members). */
export const moduleSchedulers: Readonly<Record<string, Readonly<Record<string, RepeatedCallback>>>> = {
  'node-cron': { schedule: { repetition: repetitions.cronTick, positions: [1] } },
  cron: {
    CronJob: { repetition: repetitions.cronTick, positions: [1, { optionsIndex: 0, property: 'onTick' }] },
    'CronJob.from': { repetition: repetitions.cronTick, positions: [{ optionsIndex: 0, property: 'onTick' }] },
  },
  'node-schedule': { scheduleJob: { repetition: repetitions.scheduledRun, positions: ['last'] } },
  'toad-scheduler': {
    Task: { repetition: repetitions.scheduledRun, positions: [1] },
    AsyncTask: { repetition: repetitions.scheduledRun, positions: [1] },
  },
  bullmq: { Worker: { repetition: repetitions.workerJob, positions: [1] } },
  timers: { setInterval: { repetition: repetitions.intervalTick, positions: [0] } },
  http: { createServer: { repetition: repetitions.serverRequest, positions: ['last'] } },
  https: { createServer: { repetition: repetitions.serverRequest, positions: ['last'] } },
};

export const globalSchedulers: Readonly<Record<string, RepeatedCallback>> = {
  setInterval: { repetition: repetitions.intervalTick, positions: [0] },
};

/** Methods of known objects that run a callback again and again. */
export const objectSchedulers: Readonly<Partial<Record<BuiltinObjectKind, Readonly<Record<string, RepeatedCallback>>>>> = {
  agenda: { define: { repetition: repetitions.scheduledRun, positions: ['last'] } },
  bullQueue: { process: { repetition: repetitions.workerJob, positions: ['last'] } },
};

/** Route registration methods: with a path argument on any receiver, or on a known HTTP app. */
export const routeMethods: ReadonlySet<string> = new Set([
  'get',
  'post',
  'put',
  'patch',
  'delete',
  'del',
  'all',
  'options',
  'head',
  'use',
  'route',
]);

/** Array methods whose callback runs once per element. */
export const arrayIterationMethods: ReadonlySet<string> = new Set([
  'forEach',
  'map',
  'flatMap',
  'filter',
  'some',
  'every',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
  'reduce',
  'reduceRight',
]);

/** Listener registrations whose callback runs on every event. */
export const listenerMethods: ReadonlySet<string> = new Set(['on', 'addListener', 'prependListener', 'addEventListener']);

/** The process's own lifecycle: handlers for these are meant to live as long as the program. */
export const processLifecycleEvents: ReadonlySet<string> = new Set([
  'SIGTERM',
  'SIGINT',
  'SIGHUP',
  'SIGUSR1',
  'SIGUSR2',
  'SIGBREAK',
  'uncaughtException',
  'unhandledRejection',
  'uncaughtExceptionMonitor',
  'exit',
  'beforeExit',
  'disconnect',
  'warning',
]);

/** Events that fire once in an object's life: their listeners are not repeated contexts. */
export const lifecycleEvents: ReadonlySet<string> = new Set([
  'ready',
  'connect',
  'listening',
  'open',
  'close',
  'end',
  'finish',
  'exit',
  'error',
  'SIGINT',
  'SIGTERM',
  'SIGHUP',
  'beforeExit',
  'load',
  'DOMContentLoaded',
  'abort',
  'spawn',
  'unload',
  'beforeunload',
]);

/** Where a function takes its signal: inside an options argument at `index`, or in the last options argument. */
export interface SignalParameter {
  options: number | 'last';
  /** An async iterable that never ends by itself: a `for await` over it needs the signal to stop. */
  endless?: boolean;
  /** A pause: `await setTimeout(ms)` from timers/promises. */
  sleep?: boolean;
}

/**
 * Platform functions that take an AbortSignal, by module and export path: what
 * require-signal-propagation checks and what loop fixes pass the signal to.
 */
export const signalTakingFunctions: Readonly<Record<string, Readonly<Record<string, SignalParameter>>>> = {
  'timers/promises': {
    setTimeout: { options: 2, sleep: true },
    setImmediate: { options: 1, sleep: true },
    setInterval: { options: 2, endless: true },
    'scheduler.wait': { options: 1, sleep: true },
  },
  events: {
    on: { options: 2, endless: true },
    once: { options: 2 },
  },
  'stream/promises': {
    pipeline: { options: 'last' },
    finished: { options: 1 },
  },
  child_process: {
    spawn: { options: 'last' },
    exec: { options: 1 },
    execFile: { options: 'last' },
    fork: { options: 'last' },
  },
  'fs/promises': {
    readFile: { options: 1 },
    writeFile: { options: 2 },
    watch: { options: 1, endless: true },
  },
};

/** Popular clients that take a signal in their request options. */
export const clientSignalTakingFunctions: Readonly<Record<string, Readonly<Record<string, SignalParameter>>>> = {
  undici: { request: { options: 1 }, fetch: { options: 1 }, stream: { options: 1 }, pipeline: { options: 1 } },
  axios: {
    '*': { options: 'last' },
    default: { options: 'last' },
    request: { options: 0 },
    get: { options: 1 },
    delete: { options: 1 },
    head: { options: 1 },
    options: { options: 1 },
    post: { options: 2 },
    put: { options: 2 },
    patch: { options: 2 },
  },
  'node-fetch': { '*': { options: 1 }, default: { options: 1 } },
};

/** Global functions that take an AbortSignal. */
export const globalSignalTakingFunctions: Readonly<Record<string, SignalParameter>> = {
  fetch: { options: 1 },
};
