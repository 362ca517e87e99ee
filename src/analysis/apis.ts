/**
 * The knowledge base's lookup tables, derived from the family descriptors in `./families`:
 * adding an API is adding a descriptor there, not a branch in a rule or a row in five tables.
 */
import type { CallStart, EndlessIterators, Family, GlobalFacts, HandleEnd, ModuleFacts, ModuleLoader } from './families/family';
import type { ObjectApi, RepeatedCallback, Repetition, SignalParameter, StartKind, ViewComponent } from './families/family';
import { families } from './families';

export type { CallStart, EndlessIterators, EndsByItself, EventFacts, HandleEnd, MethodStart, ObjectApi } from './families/family';
export type { RepeatedCallback, RepeatedCallbackPosition, Repetition, SignalParameter, StartKind, ViewComponent } from './families/family';
export { repetitions } from './families/family';

type ObjectsOf<F> = F extends { objects: infer O } ? Extract<keyof O, string> : never;

/** The kinds of object the built-in families make: `'ioredis'`, `'emitter'`, `'observable'`, … */
export type BuiltinObjectKind = ObjectsOf<(typeof families)[number]>;

/** An object of a subscription API named in `settings.leaks.subscriptions`, by its index there. */
export type CustomObjectKind = `custom:${number}`;

/** What we know an object to be, from its type or from where it was created. */
export type ObjectKind = BuiltinObjectKind | CustomObjectKind;

const all: readonly Family[] = families;

/** `{ module: { export: value } }` gathered from every family's `modules[module][key]`. */
function byModule<T>(key: keyof ModuleFacts): Readonly<Record<string, Readonly<Record<string, T>>>> {
  const table: Record<string, Record<string, T>> = bare();
  for (const family of all) {
    for (const [module, facts] of Object.entries(family.modules ?? {})) {
      const entries = facts[key] as Readonly<Record<string, T>> | undefined;
      if (entries) Object.assign((table[module] ??= bare()), entries);
    }
  }
  return table;
}

/** `{ module: [names] }` gathered from every family's `modules[module][key]` lists. */
function listsByModule(key: 'pauses' | 'fakesTimers' | 'borrows'): Readonly<Record<string, readonly string[]>> {
  const table: Record<string, string[]> = bare();
  for (const family of all) {
    for (const [module, facts] of Object.entries(family.modules ?? {})) (table[module] ??= []).push(...(facts[key] ?? []));
  }
  return table;
}

/**
 * A table with no prototype: looked up by a name from user code (`import { constructor } from
 * 'electron'`), it must not answer with `Object.prototype`'s members.
 */
function bare<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** `{ global: value }` gathered from every family's `globals[key]`. */
function byGlobal<T>(key: keyof GlobalFacts): Readonly<Record<string, T>> {
  return Object.assign(bare(), ...all.map((family) => family.globals?.[key] ?? {})) as Record<string, T>;
}

/** The union of every family's list under `key`. */
function union(key: { [K in keyof Family]-?: Family[K] extends readonly string[] | undefined ? K : never }[keyof Family]): ReadonlySet<string> {
  return new Set(all.flatMap((family) => family[key] ?? []));
}

/** Every family's record under `key`, merged. */
function merged<T>(key: 'endlessCreators' | 'typePackages' | 'routeOptions' | 'pairedTeardowns'): Readonly<Record<string, T>> {
  return Object.assign(bare(), ...all.map((family) => family[key] ?? {})) as Record<string, T>;
}

export const objectApis = Object.assign(bare(), ...all.map((family) => family.objects ?? {})) as Readonly<Record<BuiltinObjectKind, ObjectApi>>;

/** Per declaring module, the types of what a server makes for one client or request. */
export const perClientTypes: Readonly<Record<string, readonly string[]>> = Object.assign(bare(), ...all.map((family) => family.perClientTypes ?? {}));

/** Every method name that starts something on some object kind: the rules' cheap pre-filter. */
export const startMethodNames: ReadonlySet<string> = new Set(Object.values(objectApis).flatMap((api) => Object.keys(api.starts)));

/**
 * How each start kind is ended through its handle; families adding to the same kind add their
 * methods and functions, and the first one to name the kind chooses the fix.
 */
export const handleEnds = (() => {
  const table: Partial<Record<StartKind, HandleEnd>> = {};
  for (const family of all) {
    for (const [kind, end] of Object.entries(family.handleEnds ?? {}) as [StartKind, HandleEnd][]) {
      const known = table[kind];
      table[kind] = known
        ? {
            methods: [...new Set([...known.methods, ...end.methods])],
            functions: [...new Set([...known.functions, ...end.functions])],
            fix: known.fix,
            ...((known.perTarget ?? end.perTarget) && { perTarget: known.perTarget ?? end.perTarget }),
          }
        : end;
    }
  }
  return table as Readonly<Record<'connection' | 'interval' | 'rxSubscription' | 'watcher' | 'eventsIterator', HandleEnd>>;
})();

/**
 * Every method some family ends something with: `close`, `quit`, `disconnect`, `destroy`,
 * `terminate`, `unsubscribe`, … On an object no family describes, a call of one is the only
 * sign that it was ended: enough to stay silent, never to report.
 */
export const everyEndMethod: ReadonlySet<string> = new Set([
  ...Object.values(objectApis).flatMap((api) => [...api.close, ...api.endSubscription]),
  ...Object.values(handleEnds).flatMap((end) => end.methods),
]);

/** How a start of this kind is ended through its handle, when it has one. */
export function handleEndOf(kind: StartKind): HandleEnd | undefined {
  return (handleEnds as Partial<Record<StartKind, HandleEnd>>)[kind];
}

/**
 * Import-tracked call starts, keyed by module, then by export path (`'default'` for the default
 * export, `'*'` for the module itself called or constructed). Node built-ins match with or
 * without `node:`.
 */
export const moduleStarts = byModule<CallStart>('starts');

/** Global functions that start something. */
export const globalStarts = byGlobal<CallStart>('starts');

/** Constructors and factories, by module, whose results are objects of a known kind. */
export const moduleObjects = byModule<ObjectKind>('objects');

/** Globals that are objects of a known kind and live as long as the program; global constructors of such objects (`new MessageChannel()`). */
export const globalObjects = byGlobal<ObjectKind>('instances');
/** Exports, by module, that are objects of a known kind and live as long as the program: `parentPort`. */
export const moduleInstances = byModule<ObjectKind>('instances');
export const globalConstructors = byGlobal<ObjectKind>('objects');

/** Type names that, imported from these modules into a type annotation, tell an object's kind. */
export const annotatedTypes = byModule<ObjectKind>('types');

/** Global type names (lib.dom / @types/node globals) that tell an object's kind in annotations. */
export const globalAnnotatedTypes = byGlobal<ObjectKind>('types');

/** RxJS operators after which a subscription completes by itself. */
export const finiteOperators = union('finiteOperators');

/** Observable creators that never complete, with how many arguments make them endless (`timer` needs a period). */
export const endlessCreators = merged<{ minArguments: number }>('endlessCreators');

/** Packages whose declarations make a type of this kind in typed mode. */
export const typePackages = merged<ObjectKind>('typePackages');

/** Import-tracked schedulers, keyed by module then export path (dots for static members). */
export const moduleSchedulers = byModule<RepeatedCallback>('schedulers');

export const globalSchedulers = byGlobal<RepeatedCallback>('schedulers');

/** Import-tracked method decorators that schedule the method, keyed by module then export. */
export const moduleDecorators = byModule<Repetition>('decorators');

/** Methods of known objects that run a callback again and again. */
export const objectSchedulers = Object.fromEntries(
  Object.entries(objectApis).flatMap(([kind, api]) => (api.schedulers ? [[kind, api.schedulers]] : [])),
) as Readonly<Partial<Record<BuiltinObjectKind, Readonly<Record<string, RepeatedCallback>>>>>;

/** Route registration methods: with a path argument on any receiver, or on a known HTTP app. */
export const routeMethods = union('routeMethods');

/** Array methods whose callback runs once per element. */
export const arrayIterationMethods = union('arrayIterationMethods');

/** Listener registrations whose callback runs on every event (not the one-shot `once`). */
export const listenerMethods = listenerStarts(false);

/** Listener registrations whose listener removes itself when its event fires: `once`, `prependOnceListener`. */
export const oneShotListenerMethods = listenerStarts(true);

function listenerStarts(oneShot: boolean): ReadonlySet<string> {
  const starts = Object.values(objectApis).flatMap((api: ObjectApi) => Object.entries(api.starts));
  return new Set(starts.flatMap(([method, start]) => (start.kind === 'listener' && (start.oneShot === true) === oneShot ? [method] : [])));
}

/**
 * How often each object kind's events fire, from its descriptor's `events`. `'ready'` on an
 * ioredis client fires after every reconnect, so a client made or a listener added in its
 * listener multiplies with each network blip:
 *
 * ```ts
 * redis.on('ready', () => { this.sub = new Redis(); }); // one more connection per reconnect
 * ```
 */
export const repeatingEvents = Object.fromEntries(
  Object.entries(objectApis).flatMap(([kind, api]: [string, ObjectApi]) =>
    api.events ? [[kind, { again: new Set(api.events.again), once: new Set(api.events.once) }]] : [],
  ),
) as Readonly<Partial<Record<BuiltinObjectKind, { again: ReadonlySet<string>; once: ReadonlySet<string> }>>>;

/** Every event some family says fires again or once: the cheap filter before asking a receiver's kind. */
export const eventsFiringAgain: ReadonlySet<string> = new Set(
  Object.values(objectApis).flatMap((api: ObjectApi) => [...(api.events?.again ?? []), ...(api.events?.once ?? [])]),
);

/**
 * The process's own life, from the family that describes the process: its POSIX signals (every
 * `SIG…` event), `exit`, `beforeExit` and `disconnect` end it or announce its end. Their handlers
 * are installed for the whole program and their bodies run once.
 */
export function isProcessLifecycleEvent(event: string): boolean {
  return all.some((family) => family.processEnd && (family.processEnd.pattern.test(event) || family.processEnd.events.includes(event)));
}

/** The globals that are the process: `process`. */
export const processGlobals: ReadonlySet<string> = new Set(all.flatMap((family) => (family.processEnd ? [family.processEnd.global] : [])));

/**
 * Events that fire only when an object fails or ends. A one-shot listener (`once`, `{ once: true }`)
 * for one of these is not ended when the work it guards succeeds: added on every run to an object
 * that outlives the run, they pile up.
 *
 * ```ts
 * for (const job of jobs) { channel.once('error', reject); await send(channel, job); } // one more per job
 * ```
 */
export const endOfLifeEvents = union('endOfLifeEvents');

/**
 * Events an object emits once, when its life is over: a wait for one ends with the object.
 *
 * ```js
 * dump() { return new Promise((resolve) => { this.on('close', resolve); this.resume(); }); } // gone with the stream
 * ```
 */
export const closedEvents = union('closedEvents');

/** `socket.onerror`, `socket.onclose`: properties whose handler runs only when its object fails or closes. */
export const endOfLifeHandlerProperties = union('endOfLifeHandlerProperties');

/** The process's own lifecycle: handlers for these are meant to live as long as the program. */
export const processLifecycleEvents = union('programEvents');

/** Events that fire once in an object's life: their listeners are not repeated contexts. */
export const lifecycleEvents = union('onceEvents');

/** Once events that come while the program starts: a page's `load`, `DOMContentLoaded`. */
export const startupEvents = union('startupEvents');

/** Methods that return the handle they are called on, so its fate is the outer call's: `setInterval(f).unref()`. */
export const chainingMethods = union('chainingMethods');

/** Methods a framework or the platform calls when an object's life ends: where a class ends what it started. */
export const teardownMethods = union('teardownMethods');

/** Methods a framework calls once on each object it makes (`onModuleInit`, `ngOnInit`): part of its construction. */
export const initMethods = union('initMethods');

/** Per module, the base classes and decorators of UI components, which come and go with their views. */
export const viewComponents: Readonly<Record<string, ViewComponent>> = Object.assign(bare(), ...all.map((family) => family.viewComponents ?? {}));

/** Setup methods whose own end is a paired method of the same object: `connect` → `disconnect`. */
export const pairedTeardowns = merged<string>('pairedTeardowns');

/** Platform functions taking an AbortSignal, by module and export path: what the signal rule and loop fixes pass it to. */
export const signalTakingFunctions = byModule<SignalParameter>('takesSignal');

/** Popular clients that take a signal in their request options. */
export const clientSignalTakingFunctions = byModule<SignalParameter>('clientTakesSignal');

/** Global functions that take an AbortSignal. */
export const globalSignalTakingFunctions = byGlobal<SignalParameter>('takesSignal');

/** Exports whose promise settles after a while, by module: `delay`'s default, `events.once`. */
export const pauseFunctions: Readonly<Record<string, readonly string[]>> = listsByModule('pauses');

/** Exports that put the global timers under a fake clock, by module: vitest's `vi.useFakeTimers`. */
export const fakeTimerInstallers: Readonly<Record<string, readonly string[]>> = listsByModule('fakesTimers');

/** The same as globals, by path: `jest.useFakeTimers`. */
export const globalFakeTimerInstallers: ReadonlySet<string> = new Set(all.flatMap((family) => family.globals?.fakesTimers ?? []));

/** Exports that use the handle they are given and never end it, by module: `events.on`, `events.once`. */
export const borrowingFunctions: Readonly<Record<string, readonly string[]>> = listsByModule('borrows');

/** Clients whose methods return endless async iterables, for no-unbounded-loop: nats, GraphQL PubSub. */
export const endlessIteratorFamilies: readonly EndlessIterators[] = all.flatMap((family) => family.endlessIterators ?? []);

/** Methods of the built-in collections, strings and promises, never worth resolving: `items.push(x)`. */
export const builtinMethods = union('builtinMethods');

/** Logging calls: `console.warn(…)`, `logger.error(…)`. */
export const logging = {
  methods: new Set(all.flatMap((family) => family.logging?.methods ?? [])),
  globals: new Set(all.flatMap((family) => family.logging?.globals ?? [])),
};

/** Route registrations taking an options object, with the property holding the handler: `route({ handler })`. */
export const routeOptions = merged<string>('routeOptions');

/** `signal.aborted`, `signal.throwIfAborted()`. */
export const abortChecks = union('abortChecks');

/** One-shot timers (`setTimeout`) and the functions that make them sleeps (`promisify`). */
export const timeoutFunctions: ReadonlySet<string> = new Set(all.flatMap((family) => family.globals?.timeouts ?? []));
export const deferFunctions: ReadonlySet<string> = new Set(all.flatMap((family) => family.globals?.deferrers ?? []));
export const promisifiers: ReadonlySet<string> = new Set(all.flatMap((family) => family.globals?.promisifiers ?? []));

/** `{ fs: { promises: 'fs/promises' } }`: members that are another module's exports; functions loading the module they name. */
export const submodules = byModule<string>('submodules');
export const moduleLoaders = byModule<ModuleLoader>('loadsModule');

/**
 * Kinds told by a type's members when no package declares it, the most specific first (a shape
 * naming fewer alternatives): an `addEventListener`/`removeEventListener` pair is an event target
 * even when it also has `on`/`off`.
 */
export const kindShapes = Object.entries(objectApis)
  .flatMap(([kind, api]: [string, ObjectApi]) => (api.shape ? [{ kind: kind as BuiltinObjectKind, shape: api.shape }] : []))
  .sort((a, b) => a.shape.flat().length - b.shape.flat().length);
