import type { Family } from './family';
import { repetitions } from './family';

/** A node-cron task: `task.stop()`, or `destroy()` in v4. */
const cronTaskEnds = { methods: ['stop', 'destroy'], functions: [], fix: { kind: 'method', name: 'stop', returnsPromise: false } } as const;

/** A started `cron` job: `job.stop()`. */
const cronJob = {
  kind: 'interval',
  label: 'a cron job',
  ends: { methods: ['stop'], functions: [], fix: { kind: 'method', name: 'stop', returnsPromise: false } },
} as const;

/** A croner job: `job.stop()`. */
const cronerJobEnds = { methods: ['stop'], functions: [], fix: { kind: 'method', name: 'stop', returnsPromise: false } } as const;

/**
 * A bull (v3/v4) queue, `new Queue(name, url)` or `Queue(name)`: it holds its own Redis connections
 * until `close()`, and `queue.process(job)` runs `job` for every job.
 */
const bullQueue = {
  kind: 'connection',
  label: 'a Bull queue',
  returns: 'bullQueue',
  ends: { methods: ['close'], functions: [], fix: { kind: 'method', name: 'close', returnsPromise: true } },
} as const;

const reactEffect = { every: 'each time this React effect runs', unit: 'run', oncePerSchedulingCall: true } as const;
const vueMount = { every: 'each time this Vue component mounts', unit: 'mount', oncePerSchedulingCall: true, runIsSchedulingFunction: true } as const;

/**
 * A test runner's `beforeEach(fn)` runs `fn` before every test; the module or `describe` callback
 * that registers it is one run, whose `afterEach` ends what each test's run started.
 */
const beforeEveryTest = { every: 'before every test', unit: 'test', oncePerSchedulingCall: true, runIsSchedulingFunction: true } as const;
/** `beforeEach(fn)`, or mocha's `beforeEach(title, fn)`. */
const testHooks = { beforeEach: { repetition: beforeEveryTest, positions: [0, 1] } } as const;

/** Job schedulers and queue workers: their callbacks run on every tick or job (React effects on every run). */
export const schedulers = {
  name: 'schedulers',
  // jest, mocha, jasmine and vitest's `globals: true` define the same hooks (and their clocks) as
  // globals: a `beforeEach` the file neither declares nor imports is the runner's.
  globals: { schedulers: testHooks, fakesTimers: ['jest.useFakeTimers', 'vi.useFakeTimers'] },
  objects: {
    agenda: {
      label: 'agenda',
      starts: {},
      removeListener: [],
      endSubscription: [],
      close: [],
      schedulers: { define: { repetition: repetitions.scheduledRun, positions: ['last'] } },
    },
    bullQueue: {
      label: 'bull queue',
      starts: {},
      removeListener: [],
      endSubscription: [],
      close: ['close'],
      schedulers: { process: { repetition: repetitions.workerJob, positions: ['last'] } },
    },
  },
  modules: {
    // `cron.schedule(expr, job)` also returns the task it starts, which runs until `task.stop()` (v3, v4)
    // or `task.destroy()` (v4): made per request or per run and dropped, it ticks for ever.
    'node-cron': {
      starts: { schedule: { kind: 'interval', label: 'a cron task', ends: cronTaskEnds } },
      schedulers: { schedule: { repetition: repetitions.cronTick, positions: [1] } },
    },
    // cron: a `CronJob` made started (`CronJob.from({ …, start: true })`, `new CronJob(expr, onTick,
    // onComplete, true)`) ticks until `job.stop()` (kelektiv/node-cron#868: a job made per request,
    // the previous one never stopped). One made unstarted holds nothing until its `start()`.
    cron: {
      starts: {
        CronJob: { ...cronJob, onlyWith: { index: 3, property: 'start', values: [true], positional: true } },
        'CronJob.from': { ...cronJob, onlyWith: { index: 0, property: 'start', values: [true] } },
      },
      schedulers: {
        CronJob: { repetition: repetitions.cronTick, positions: [1, { optionsIndex: 0, property: 'onTick' }] },
        'CronJob.from': { repetition: repetitions.cronTick, positions: [{ optionsIndex: 0, property: 'onTick' }] },
      },
    },
    // croner: `new Cron(pattern, [options], job)` runs `job` on every tick until `stop()`.
    croner: {
      starts: {
        Cron: { kind: 'interval', label: 'a croner job', ends: cronerJobEnds, onlyWithJob: true },
        default: { kind: 'interval', label: 'a croner job', ends: cronerJobEnds, onlyWithJob: true },
      },
      schedulers: {
        Cron: { repetition: repetitions.cronTick, positions: ['last'] },
        default: { repetition: repetitions.cronTick, positions: ['last'] },
      },
    },
    'node-schedule': { schedulers: { scheduleJob: { repetition: repetitions.scheduledRun, positions: ['last'] } } },
    'toad-scheduler': {
      schedulers: {
        Task: { repetition: repetitions.scheduledRun, positions: [1] },
        AsyncTask: { repetition: repetitions.scheduledRun, positions: [1] },
      },
    },
    agenda: { objects: { Agenda: 'agenda', default: 'agenda', '*': 'agenda' }, types: { Agenda: 'agenda' } },
    bull: { starts: { '*': bullQueue, default: bullQueue }, objects: { '*': 'bullQueue', default: 'bullQueue' }, types: { Queue: 'bullQueue' } },
    bullmq: { schedulers: { Worker: { repetition: repetitions.workerJob, positions: [1] } } },
    // node:test (and its npm port `test`), vitest, mocha and @jest/globals, imported.
    // Their fake clocks (node:test's `mock.timers.enable()`, `vi.useFakeTimers()`) hold the timers
    // set after them, and are thrown away with the test; sinon's are the same clock.
    test: { schedulers: testHooks, fakesTimers: ['mock.timers.enable'] },
    vitest: { schedulers: testHooks, fakesTimers: ['vi.useFakeTimers'] },
    mocha: { schedulers: testHooks },
    '@jest/globals': { schedulers: testHooks, fakesTimers: ['jest.useFakeTimers'] },
    sinon: { fakesTimers: ['useFakeTimers'] },
    '@sinonjs/fake-timers': { fakesTimers: ['install'] },
    // A NestJS provider's method scheduled by its decorator runs on every tick.
    '@nestjs/schedule': { decorators: { Cron: repetitions.cronTick, Interval: repetitions.intervalTick } },
    // A React effect runs on every mount of its component and again when its dependencies change:
    // what it starts must be ended by the cleanup it returns.
    react: {
      schedulers: {
        useEffect: { repetition: reactEffect, positions: [0] },
        useLayoutEffect: { repetition: reactEffect, positions: [0] },
      },
    },
    // A Vue component's mount hooks run once for every instance it mounts: what they start must be
    // ended by that instance's `setup()`, in `onUnmounted`/`onBeforeUnmount`.
    vue: {
      schedulers: {
        onBeforeMount: { repetition: vueMount, positions: [0] },
        onMounted: { repetition: vueMount, positions: [0] },
      },
    },
  },
} as const satisfies Family;
