/**
 * The shape of one API family in the knowledge base: where its objects come from, what starts
 * something on them, what handle that returns, every way it is ended, which of its events fire
 * once, which calls run a callback again and again, which take a signal. `src/analysis/apis.ts`
 * derives every lookup table from the list in `./index.ts`; adding an API is adding a descriptor.
 */

/** What a start leaves running. */
export type StartKind =
  | 'listener'
  /** A subscription held by a client connection: ended by its unsubscribe or by closing the connection. */
  | 'channelSubscription'
  /** A subscription that hands back its own handle: `nc.subscribe(subject)` → `sub.unsubscribe()`. */
  | 'subscription'
  /** An observer that watches until disconnected: `new MutationObserver(cb)`. */
  | 'observer'
  | 'connection'
  | 'interval'
  | 'rxSubscription'
  | 'watcher'
  | 'eventsIterator'
  /** `src.pipe(dest)`: listeners on `dest` until `src` ends or is unpiped. */
  | 'pipe'
  /** A method of an API named in `settings.leaks.subscriptions`. */
  | 'customSubscription';

/** How a started thing that hands back a handle is ended through that handle. */
export interface HandleEnd {
  /** `h.close()`-style methods on the handle. */
  readonly methods: readonly string[];
  /** `clearInterval(h)`-style functions taking the handle. */
  readonly functions: readonly string[];
  /** What fixes write to end it: `clearInterval(h)`, `void h.quit()`, or `h()` for a disposer (`kind: 'call'`, no name). */
  readonly fix: { readonly kind: 'function' | 'method' | 'call'; readonly name: string; readonly returnsPromise: boolean };
  /** Methods that use the handle passed to them without taking it over: `job.waitUntilFinished(queueEvents)`. */
  readonly borrowedBy?: readonly string[];
  /**
   * A start and an end per target: `observer.unobserve(el)` ends the handle when every
   * `observer.observe(…)` on it names `el`, as nothing is left watched.
   */
  readonly perTarget?: { readonly start: string; readonly end: string };
  /**
   * The event ending it may emit on the handle (a ws client closed before it has connected emits
   * 'error'): with no listener for it, the end crashes the process.
   */
  readonly endEmits?: string;
}

export interface MethodStart {
  readonly kind: StartKind;
  /** Index of an options argument that accepts `{ signal }` (EventTarget's third argument). */
  readonly signalOptionIndex?: number;
  /** The kind of object the call returns: `client.duplicate()` is another client. */
  readonly returns?: string;
  /** The method on the same object that ends exactly this start: `subscribe` → `unsubscribe`. */
  readonly endWith?: string;
  /**
   * Ended by one of its object's `endSubscription` methods given what the call hands back, not its
   * own arguments: amqplib's `consume(queue, f)` resolves to `{ consumerTag }` for `cancel(consumerTag)`.
   * Made once it configures the shared object; made per run it adds one more, which is judged.
   * No fix writes that end: the value it needs is not in the call.
   */
  readonly endedByResult?: boolean;
  /** For a start that returns a handle: how that handle is ended, when it differs from its kind's. */
  readonly ends?: HandleEnd;
  /** Shown in messages: "a Kafka consumer". */
  readonly label?: string;
  /**
   * The subscription holds its object open while it runs (a lazy graphql-ws client keeps its
   * socket for as long as a subscription is live): made here, the object does not die with the
   * function, so the subscription is judged itself.
   */
  readonly keepsTargetOpen?: boolean;
  /** For a subscription on a shared client, what it subscribes it to: "Redis channels". */
  readonly subscribesTo?: string;
  /**
   * Subscribing the client again to the channels it already has changes nothing (Redis
   * `SUBSCRIBE`; an MQTT broker replaces a subscription to the same filter), and a function
   * argument is a completion callback, not a listener: run again with the same channels, it adds none.
   */
  readonly sameChannelsAgainIsNoop?: boolean;
  /** Only a start when its first argument, a string, matches: `client.query('LISTEN jobs')`. */
  readonly firstArgument?: RegExp;
  /** A listener that removes itself when its event fires (`once`): judged only where that event may never come. */
  readonly oneShot?: boolean;
  /** For `src.pipe(dest)`: which destinations and sources end by themselves, and what ends a destination. */
  readonly piping?: PipeFacts;
  /** Closing the object it was made on ends it too: an AMQP channel closes with its connection. */
  readonly endedWithReceiver?: boolean;
  /** No start when an argument shows it holds nothing: `lease(ttl, { autoKeepAlive: false })`. */
  readonly unlessWith?: StartCondition;
}

/** What `pipe()` leaves on its destination depends on whether either side ever ends. */
export interface PipeFacts {
  /** Destinations `pipe()` never ends: `process.stdout`. */
  readonly neverEnded: readonly string[];
  /** Sources, by property name, that end when their process does however it ends: a child's `stdout`. */
  readonly endWithTheirProcess: readonly string[];
  /** Methods that end a destination, and the listeners with it. */
  readonly destinationEnds: readonly string[];
  /** The option that, `false`, keeps the destination open when the source ends: `{ end: false }`. */
  readonly endOption: string;
}

/** A UI framework's component base classes or decorators, as {@link Family.viewComponents} lists them. */
export interface ViewComponent {
  /** The exports that make a class a component: `Component`, `PureComponent`. */
  readonly names: readonly string[];
  /** The method the framework calls when the component goes: `componentWillUnmount`. */
  readonly teardown: string;
  /** The member its props come in, typed by the base class's type argument: React's `props`. */
  readonly props?: string;
}

/**
 * How often an object's events fire. Events it does not list fall back to the families' `onceEvents`.
 * `{ again: ['ready'], once: ['end'] }` on an ioredis client: `'ready'` comes after every reconnect.
 */
export interface EventFacts {
  /** Fire again and again over one object's life (every reconnect): their listeners are repeated contexts. */
  readonly again: readonly string[];
  /** Fire at most once in one object's life: their listeners run once. */
  readonly once: readonly string[];
}

export interface ObjectApi {
  /** Shown in messages: "a Redis subscription". */
  readonly label: string;
  readonly starts: Readonly<Record<string, MethodStart>>;
  /** Methods on the same object that end a listener. */
  readonly removeListener: readonly string[];
  /** Methods on the same object that end its subscriptions (and with them the listeners). */
  readonly endSubscription: readonly string[];
  /** Methods that close the object itself. */
  readonly close: readonly string[];
  /** Method used by fixes to end a listener. */
  readonly fixRemoveListener?: string;
  /** Method used by fixes to close the object, and whether it returns a promise. */
  readonly fixClose?: { readonly method: string; readonly returnsPromise: boolean };
  /** Methods that start nothing but return an object of a known kind: `source.pipe(…)` is another observable. */
  readonly returns?: Readonly<Record<string, string>>;
  /** Methods that run a callback again and again: `agenda.define(name, job)`. */
  readonly schedulers?: Readonly<Record<string, RepeatedCallback>>;
  /** How often its events fire, when some fire again over its life (a client that reconnects by itself). */
  readonly events?: EventFacts;
  /** Properties that are objects of a kind: a `MessageChannel`'s `port1` and `port2`. */
  readonly properties?: Readonly<Record<string, string>>;
  /**
   * Listening for these events keeps the object open, and the process alive, until it is closed
   * (a `MessagePort` refs itself while it has 'message' listeners): a listener on one the function
   * made leaks it unless the function closes it, unrefs it or hands it on.
   */
  readonly keptOpenBy?: { readonly events: readonly string[]; readonly endedBy: readonly string[] };
  /**
   * The members a type must have to be of this kind when no package declares it, one list of
   * alternatives each: `[['on', 'addListener'], ['off', 'removeListener']]` is an emitter.
   */
  readonly shape?: readonly (readonly string[])[];
  /** A type its package declares is of this kind only when it has the shape too (rxjs declares Subscription, Subject, …). */
  readonly packageTypesNeedShape?: boolean;
}

/** Functions and constructors, found by import tracking, that start something. */
export interface CallStart {
  readonly kind: StartKind;
  readonly label: string;
  /** The object kind of what the call returns, when it returns a client. */
  readonly returns?: string;
  /** Where `{ signal }` goes: an options argument index, or `'beforeListener'` for `fs.watch`. */
  readonly signalOption?: number | 'beforeListener';
  /** A closing function that ends all such starts: `fs.unwatchFile(path)`. */
  readonly endFunction?: string;
  /** The fix for `chokidar`'s async close differs from `fs.watch`'s sync one. */
  readonly closeReturnsPromise?: boolean;
  /** How the handle it returns is ended, when it differs from its kind's. */
  readonly ends?: HandleEnd;
  /** It ends by itself when its work is done, unless the code keeps it waiting for more. */
  readonly endsByItself?: EndsByItself;
  /**
   * It holds nothing until one of these methods is called on what it returns (`server.listen()`,
   * `socket.bind()`): a start only where the file makes that call on its result.
   */
  readonly openedBy?: readonly string[];
  /** A start only when its callback runs again the function that makes it: a self-re-arming `setTimeout(poll, ms)` in `poll`. */
  readonly onlyRearming?: boolean;
  /** Its function argument listens for its first event (`net.connect(port, onConnect)`); it is not handed the handle. */
  readonly callbackIsListener?: boolean;
  /** That listener is handed the handle: `http2.connect(url, (session) => …)`; what it does with it counts. */
  readonly listenerGetsHandle?: boolean;
  /** Ending the object passed at `index` ends it too: `new Awareness(doc)` is destroyed by `doc.destroy()`. */
  readonly endedWithArgument?: { readonly index: number; readonly methods: readonly string[] };
  /** A start only when an argument shows it holds something: `new Agent({ keepAlive: true })`. */
  readonly onlyWith?: StartCondition;
  /** No start when an argument shows it holds nothing: `initTracer({ disable: true })` is a no-op tracer. */
  readonly unlessWith?: StartCondition;
  /** A start only when given its job after the first argument: `new Cron(expr, job)` runs; `Cron(expr)`, `Cron(expr, options)` only parse. */
  readonly onlyWithJob?: boolean;
  /**
   * Nothing its owner can call ends it: a class of ours whose constructor starts something no code
   * of the class ends. A leak only where it is made again and again, and no fix can end it.
   */
  readonly unendable?: boolean;
}

/**
 * What an argument must show for a call to start something: the options object at `index` has
 * `property` set to one of `values` (`true`, `1`, or a long-lived object by its path: `'process.stdin'`);
 * `positional`: the argument may be that value itself (`createInterface(process.stdin)`).
 */
export interface StartCondition {
  readonly index: number;
  readonly property: string;
  /** Absent: the property set to anything but `undefined` (`{ timeout: ms }`). */
  readonly values?: readonly (boolean | number | string)[];
  readonly positional?: boolean;
  /** Another fact the call must show as well: NATS ends `{ max: 1, timeout }` by itself, neither alone. */
  readonly and?: StartCondition;
}

/**
 * A start that ends by itself when its work is done: a `Worker` exits when its script returns.
 * It outlives the call only when the code keeps it waiting (`worker.postMessage(job)`: its script
 * listens for messages, which keeps its thread alive) and does not wait for it to end.
 */
export interface EndsByItself {
  /** Calls on the handle that keep it waiting for more work. */
  readonly keptWaitingBy: readonly string[];
  /** Events it fires when it ends: a listener for one shows the code waits for that end. */
  readonly endEvents: readonly string[];
}

/** How often a repeated callback runs, for messages: "on every tick of this cron job; each tick adds one more". */
export interface Repetition {
  /** "on every tick of this cron job" */
  readonly every: string;
  /** "tick" */
  readonly unit: string;
  /** Loops and array callbacks run once per element: what depends on the element is not repeated. */
  readonly perElement?: boolean;
  /**
   * The callback runs at most once per call of what schedules it (a React effect, once per render):
   * a start moved before that call would run as often, or more, so it is not offered.
   */
  readonly oncePerSchedulingCall?: boolean;
  /**
   * One run is one call of the function that schedules the callback: Vue's `setup()` runs once per
   * component instance, and its variables and other hooks (`onUnmounted`) belong to that mount, so
   * what the mount hook starts may be ended there. (Not React's: `useRef` and `useState` outlive a render.)
   */
  readonly runIsSchedulingFunction?: boolean;
}

/** Which argument of a scheduling call is the callback it runs again and again. */
export type RepeatedCallbackPosition =
  | number
  | 'last'
  /** Every function argument: middlewares and handler of a route. */
  | 'functions'
  /** A property of an options object argument: `CronJob.from({ onTick })`, `route({ handler })`. */
  | { readonly optionsIndex: number; readonly property: string };

export interface RepeatedCallback {
  readonly repetition: Repetition;
  readonly positions: readonly RepeatedCallbackPosition[];
  /** The kinds of object the callback is given, by parameter: `createServer((req, res) => …)` gives two streams. */
  readonly parameters?: readonly string[];
}

/** Where a function takes its signal: inside an options argument at `index`, or in the last options argument. */
export interface SignalParameter {
  readonly options: number | 'last';
  /** An async iterable that never ends by itself: a `for await` over it needs the signal to stop. */
  readonly endless?: boolean;
  /** A pause: `await setTimeout(ms)` from timers/promises. */
  readonly sleep?: boolean;
  /** Destroys the streams it is handed when its signal aborts: `pipeline(createReadStream(a), sink, { signal })`. */
  readonly endsItsArguments?: boolean;
  /** Methods of what it returns that end it as its signal would: a child's `kill()`. */
  readonly endedBy?: readonly string[];
  /** A lone argument may be the options themselves (`axios(config)` or `axios(url)`): `, { signal }` after it may be ignored. */
  readonly loneMayBeOptions?: boolean;
  /**
   * The event the abort emits on what it returns (a child made by `spawn` is killed and emits
   * 'error'): with no listener for it, aborting crashes the process.
   */
  readonly abortEmits?: string;
}

/** What a family knows about the exports of one module (keyed by export path, `'default'`, or `'*'` for the module itself). */
export interface ModuleFacts {
  /** Calls and constructors that start something. */
  readonly starts?: Readonly<Record<string, CallStart>>;
  /** Constructors and factories whose results are objects of a kind. */
  readonly objects?: Readonly<Record<string, string>>;
  /** Exports that are themselves objects of a kind, one per process: worker_threads' `parentPort`, electron's `ipcMain`. */
  readonly instances?: Readonly<Record<string, string>>;
  /** Type names that, in an annotation or as a declaration's name, tell an object's kind. */
  readonly types?: Readonly<Record<string, string>>;
  /** Calls that run a callback again and again. */
  readonly schedulers?: Readonly<Record<string, RepeatedCallback>>;
  /** Method decorators that have the method run again and again: NestJS's `@Cron(expr)`, `@Interval(ms)`. */
  readonly decorators?: Readonly<Record<string, Repetition>>;
  /** Platform functions that take an AbortSignal. */
  readonly takesSignal?: Readonly<Record<string, SignalParameter>>;
  /** Popular clients that take a signal in their request options. */
  readonly clientTakesSignal?: Readonly<Record<string, SignalParameter>>;
  /** Exports whose promise settles after a while: `await delay(1000)`, `await once(bus, 'ready')`. */
  readonly pauses?: readonly string[];
  /**
   * Exports that only listen on or read the handle they are given and never end it: a connection
   * passed to `events.on(sub, 'message')` is still the caller's to close.
   */
  readonly borrows?: readonly string[];
  /** Members that are another module's exports: `fs.promises` is `fs/promises`. */
  readonly submodules?: Readonly<Record<string, string>>;
  /** Exports that load, at run time, the module a string argument names: `await loadPackage('ioredis', …)` is ioredis. */
  readonly loadsModule?: Readonly<Record<string, ModuleLoader>>;
  /**
   * Exports that replace the global timers with a fake clock (`vi.useFakeTimers()`): a global
   * `setInterval` called after it holds no real timer, only an entry of a clock the test throws away.
   */
  readonly fakesTimers?: readonly string[];
}

/**
 * A function that loads a module by name at run time: what it returns (or its promise settles
 * to) is that module, as good a provenance as `require`. `nameArgument` says which argument
 * names it; `curried` that the call returns the loader instead (`createRequire(url)('ioredis')`).
 */
export interface ModuleLoader {
  readonly nameArgument: number;
  readonly curried?: boolean;
}

/** What a family knows about globals. */
export interface GlobalFacts {
  readonly starts?: Readonly<Record<string, CallStart>>;
  /** Globals that are objects of a kind and live as long as the program: `process`, `window`. */
  readonly instances?: Readonly<Record<string, string>>;
  /** Global constructors whose results are objects of a kind: `new MessageChannel()`. */
  readonly objects?: Readonly<Record<string, string>>;
  /** Global type names (lib.dom, @types/node) that tell an object's kind. */
  readonly types?: Readonly<Record<string, string>>;
  readonly schedulers?: Readonly<Record<string, RepeatedCallback>>;
  readonly takesSignal?: Readonly<Record<string, SignalParameter>>;
  /** One-shot timers: a callback that hands itself to one runs again (`setTimeout(poll, 1000)` in `poll`). */
  readonly timeouts?: readonly string[];
  /** Functions that run their callback once, soon after the current code: `queueMicrotask(f)`, `process.nextTick(f)`. */
  readonly deferrers?: readonly string[];
  /** Functions that turn a callback API into promises: `promisify(setTimeout)` is a sleep. */
  readonly promisifiers?: readonly string[];
  /** Test runners' globals that put the timers under a fake clock: jest's `jest.useFakeTimers()`. */
  readonly fakesTimers?: readonly string[];
}

/**
 * A client whose method returns an async iterable that ends only when something ends it:
 * `for await (const m of nc.subscribe('jobs'))` waits for messages until `unsubscribe()`.
 */
export interface EndlessIterators {
  /** Packages the client comes from, by import (untyped) or by the declaring file (typed). */
  readonly modules: readonly string[];
  /** Exports that make a client: `connect` (`await connect()`), `PubSub` (`new PubSub()`). */
  readonly factories: readonly string[];
  /** Type names of the client, in annotations and declarations. */
  readonly clientTypes: readonly string[];
  /** Methods of the client that return the iterable, with options that make it finite. */
  readonly iterators: Readonly<Record<string, { readonly finiteOptions?: readonly string[] }>>;
  /** Type names of the iterable itself. */
  readonly iterableTypes: readonly string[];
  /** Methods of the iterable that end it, and with it the loop; fixes call the first. */
  readonly ends: readonly string[];
  /** The first of `ends` returns a promise (a change stream's `close()`): fixes write `void stream.close()`. */
  readonly endReturnsPromise?: boolean;
  /** What fixes call the iterable when they name it: `changeStream` (else `subscription`). */
  readonly handleName?: string;
  /** Methods of the client that end every iterable it made. */
  readonly clientEnds: readonly string[];
}

export interface Family {
  /** The family's name, for the meta-test's messages. */
  readonly name: string;
  /** Kinds of object this family makes, with what starts and ends things on each. */
  readonly objects?: Readonly<Record<string, ObjectApi>>;
  /** Import-tracked facts, by module name (Node built-ins match with or without `node:`). */
  readonly modules?: Readonly<Record<string, ModuleFacts>>;
  readonly globals?: GlobalFacts;
  /** Packages whose declarations make a type of this kind in typed mode, unless `types` names it more precisely. */
  readonly typePackages?: Readonly<Record<string, string>>;
  /**
   * Types of the objects a server makes for one client or one request, by declaring module
   * (socket.io's server-side `Socket`, `http.IncomingMessage`): each lives as long as that client,
   * and a function handed one attaches its listeners for that life.
   */
  readonly perClientTypes?: Readonly<Record<string, readonly string[]>>;
  /** How a start kind's handle is ended (families adding to the same kind add their methods). */
  readonly handleEnds?: Partial<Readonly<Record<StartKind, HandleEnd>>>;
  /** Events that fire once in an object's life: their listeners are not repeated contexts. */
  readonly onceEvents?: readonly string[];
  /**
   * Once events that come while the program starts (a page's `DOMContentLoaded`): a wait for one
   * added after checking it has not come yet ends soon. Not an object's `'close'`, which may never come.
   */
  readonly startupEvents?: readonly string[];
  /** The process's own lifecycle: handlers for these are meant to live as long as the program. */
  readonly programEvents?: readonly string[];
  /** Events that fire only when an object fails or ends: a one-shot listener for one may wait forever. */
  readonly endOfLifeEvents?: readonly string[];
  /**
   * Events an object emits once, when its life is over (a stream's or socket's 'close'): when one
   * fires the object is done, so a listener that waits for it lasts no longer than the object.
   */
  readonly closedEvents?: readonly string[];
  /** Handler properties for an end-of-life event: `socket.onerror = f` listens as `addEventListener('error', f)` does. */
  readonly endOfLifeHandlerProperties?: readonly string[];
  /** Operators after which a subscription completes by itself. */
  readonly finiteOperators?: readonly string[];
  /** Creators combining observables, endless when one of their sources is: `merge(interval(1000), clicks$)`. */
  readonly combiners?: readonly string[];
  /** The method applying operators to an observable: `source.pipe(take(1))`. */
  readonly operatorMethod?: string;
  /** Methods handing back a view of the same source (NgRx `store.select(f)`): as long-lived as the source. */
  readonly viewMethods?: readonly string[];
  /** Creators of observables that never complete; `timer` only with a period. */
  readonly endlessCreators?: Readonly<Record<string, { readonly minArguments: number }>>;
  /** Route registration methods, with a path argument on any receiver or on a known HTTP app. */
  readonly routeMethods?: readonly string[];
  /** Array methods whose callback runs once per element. */
  readonly arrayIterationMethods?: readonly string[];
  /** Methods a framework or the platform calls when an object's life ends. */
  readonly teardownMethods?: readonly string[];
  /**
   * Methods a framework calls once on each object it makes, right after making it: what they
   * attach to what the object was given lives with the object, as the constructor's does.
   */
  readonly initMethods?: readonly string[];
  /**
   * Per module, the base classes and class decorators of UI components (`react`: `Component`;
   * `@angular/core`: `Component`), with the method the framework calls when one goes: made and
   * destroyed as views come and go, they outlive nothing they are given, their init hook is no
   * constructor for what they attach to it, and what they keep must be ended by that method.
   */
  readonly viewComponents?: Readonly<Record<string, ViewComponent>>;
  /**
   * Setup methods whose end is a method of the same object: `connect` → `disconnect`. The pair
   * answers only for what that setup starts (a client may disconnect and connect again, so what
   * its constructor started lives on), and only where the object has no teardown of its life.
   */
  readonly pairedTeardowns?: Readonly<Record<string, string>>;
  /** Methods that return the handle they are called on: `setInterval(f).unref()`. */
  readonly chainingMethods?: readonly string[];
  /** Clients whose methods return async iterables that never end by themselves, for `no-unbounded-loop`. */
  readonly endlessIterators?: readonly EndlessIterators[];
  /**
   * The events that end the process or announce its end, on the global that is the process:
   * their handlers run once (a signal sent again, `SIGHUP` for a reload, runs it again: a known gap).
   */
  readonly processEnd?: { readonly global: string; readonly events: readonly string[]; readonly pattern: RegExp; readonly exit: string };
  /** Methods of the built-in collections, strings and promises, never worth resolving: `items.push(x)`. */
  readonly builtinMethods?: readonly string[];
  /**
   * The language's own protocol names the engine reads: a promise's callbacks (`then` hands the
   * value on), methods that only bind `this` (`fn.call(this)`), adds to a collection (a listener
   * kept in a list), an iterator's end (`return()`), the global object's names.
   */
  readonly protocols?: {
    readonly promiseCallbacks: readonly string[];
    readonly promiseValue: string;
    /** The promise callback that runs on failure only: `.catch(() => retry())`. */
    readonly promiseFailure: string;
    /** `finally`: runs its callback on either outcome and discards what the callback returns. */
    readonly promiseSettled: string;
    readonly bindsThis: readonly string[];
    /** The function methods that call it at once with a given `this`: `x.m.call(x, …)`, `x.m.apply(x, args)`. */
    readonly callsWithThis: readonly string[];
    /** The method that makes a new function bound to a `this`: `f.bind(obj)`. */
    readonly bindsNew: string;
    readonly collectionAdds: readonly string[];
    /** Methods that return one entry of a collection: `sockets.get(id)`, `queue.pop()`. */
    readonly collectionLookups: readonly string[];
    /** Methods that return some of a collection's entries: `sockets.values()`, `list.slice(1)`. */
    readonly collectionViews: readonly string[];
    /** Removes one entry by key: `sockets.delete(id)`. */
    readonly collectionRemove: string;
    /** Empties a collection: `sockets.clear()`. */
    readonly collectionClear: string;
    /** Iteration methods whose callback's first parameter is not an entry: `reduce((sum, x) => …)`. */
    readonly collectionFolds: readonly string[];
    /** Global functions that only read a value: `Boolean(timer)`. */
    readonly conversions: readonly string[];
    readonly iteratorEnd: string;
    /** An iterator's next item, and the flag that says it has none left: `const item = it.next(); if (item.done) …`. */
    readonly iteratorNext: string;
    readonly iteratorDone: string;
    /** Collection methods that hand back an iterator over a snapshot's worth of entries: `hosts.values()`. */
    readonly collectionIterators: readonly string[];
    /** Global functions that copy a collection's entries into a new array: `Object.values(record)`, `Array.from(set)`. */
    readonly entryCopies: readonly { readonly global: string; readonly method: string }[];
    /** The promise combinator that settles with the first promise to settle: `Promise.race([work, aborted])`. */
    readonly promiseRace: { readonly global: string; readonly method: string };
    readonly globalObjects: readonly string[];
  };
  /** Logging calls: a catch that only logs its error does not hand the failure on. */
  readonly logging?: { readonly methods: readonly string[]; readonly globals: readonly string[] };
  /** Route registrations taking an options object, with the property that holds the handler: `route({ handler })`. */
  readonly routeOptions?: Readonly<Record<string, string>>;
  /** Properties and methods that tell whether a signal is aborted: `signal.aborted`, `signal.throwIfAborted()`. */
  readonly abortChecks?: readonly string[];
  /** The pause fixes write before going round again, and where it is imported from: `await sleep(1000, undefined, { signal })`. */
  readonly fixSleep?: { readonly module: string; readonly name: string };
  /** The listener option that makes a listener remove itself after its first event: `{ once: true }`. */
  readonly onceOption?: string;
  /** Members that tell a stream or an emitter: an object with one is not an options object. */
  readonly streamMembers?: readonly string[];
  /** Methods whose first argument is an event name: a value passed there is a string. */
  readonly eventNameMethods?: readonly string[];
  /**
   * What shows an untyped object is an emitter by use: it is made to `emit('name')`, or asked what
   * only an emitter answers (`bus.listenerCount('name')`); its own `on(event, fn)` forwards to `on`.
   */
  readonly emitterUses?: {
    readonly emit: string;
    readonly emitterOnly: readonly string[];
    readonly addListener: readonly string[];
    /** What asks an emitter for the listeners it holds for an event, their count (`bus.listenerCount('job')`) or their list: its own record of them. */
    readonly listenersOf: {
      readonly count: readonly string[];
      readonly list: readonly string[];
      /** Of `list`, those holding each function as added (a `once` wrapper unwrapped): `listeners(e).includes(f)` finds `f`. */
      readonly unwrapped: readonly string[];
    };
  };
  /**
   * POSIX signals, named like AbortSignals but strings: methods sending one (`child.kill(signal)`),
   * options naming one (`{ killSignal }`), events whose listeners are given one (`process.on('SIGTERM', (signal) => …)`).
   */
  /**
   * Types whose objects emit an event when the signal they were made with aborts (a `ChildProcess`
   * killed by its `signal` emits 'error'): known by the type the call returns where it is not tracked.
   */
  readonly abortEmitsByType?: Readonly<Record<string, string>>;
  readonly posixSignals?: { readonly senders: readonly string[]; readonly options: readonly string[]; readonly namingEvents: RegExp };
  /** The AbortSignal API itself, which the engine threads through code and reads evidence from. */
  readonly abortSignal?: AbortSignalFacts;
}

/** What AbortSignal and AbortController are made of: `new AbortController()`, `controller.signal`, `signal.addEventListener('abort', f)`. */
export interface AbortSignalFacts {
  /** The signal's type and global: `AbortSignal.timeout(ms)`, `signal: AbortSignal`. */
  readonly type: string;
  /** The controller's type and constructor: `new AbortController()`. */
  readonly controller: string;
  /** The controller's property holding its signal, and the option APIs take one under: `controller.signal`, `fetch(url, { signal })`. */
  readonly property: string;
  /** The event a signal fires when aborted: `'abort'`. */
  readonly event: string;
  /** The handler property for that event: `signal.onabort = f`. */
  readonly handlerProperty: string;
  /** How a listener for it is added and removed. */
  readonly addListener: string;
  readonly removeListener: string;
  /** Members only a signal has: using one tells a signal. */
  readonly ownMembers: readonly string[];
  /** Members a signal shares with other objects: using one tells a signal only of a value named like one. */
  readonly sharedMembers: readonly string[];
  /** The property fixes read to stop when aborted: `if (signal.aborted) …`. */
  readonly aborted: string;
  /** The property a fix throws once a loop stopped on abort: `throw signal.reason`. */
  readonly reason: string;
  /** Static methods of the signal's type that make a fresh signal: `AbortSignal.timeout(ms)`. */
  readonly factories: readonly string[];
  /** The static method composing signals, `AbortSignal.any([a, b])`, and the one aborting after a while, `AbortSignal.timeout(ms)`. */
  readonly compose: string;
  readonly timeout: string;
  /** The controller's method that aborts its signal: `controller.abort()`. */
  readonly abort: string;
  /** Functions adding an abort listener to the signal they are given first: `events.addAbortListener(signal, f)`. */
  readonly listenerFunctions: readonly string[];
  /** The platform's fetch request type, which carries a signal: `(req: Request) => req.signal`. */
  readonly request: string;
  /**
   * A web ReadableStream's pipe, which takes `{ signal }` in its options, told by its destination's
   * constructor: `readable.pipeTo(new WritableStream(sink), { signal })`.
   */
  readonly streamPipe: { readonly method: string; readonly options: number; readonly destinations: readonly string[] };
}

/** How often repeated callbacks run, shared by the families that schedule them. */
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
  fileChange: { every: 'on every change this file watcher sees', unit: 'change' },
  consumedMessage: { every: 'for every message this consumer receives', unit: 'message' },
} as const satisfies Record<string, Repetition>;

/** The listener methods of Node's EventEmitter, which many clients inherit. */
export const emitterListenerStarts = {
  on: { kind: 'listener' },
  addListener: { kind: 'listener' },
  prependListener: { kind: 'listener' },
  // Self-ending once their event fires; judged only where that event may never come (see `endOfLifeEvents`).
  once: { kind: 'listener', oneShot: true },
  prependOnceListener: { kind: 'listener', oneShot: true },
} as const satisfies Record<string, MethodStart>;

/** Events a client that reconnects by itself fires again on every reconnect (mqtt, socket.io-client). */
export const reconnectEvents = [
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
] as const;

export const emitterRemovals = ['off', 'removeListener', 'removeAllListeners'] as const;
