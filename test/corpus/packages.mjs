// The corpus, shared by test/corpus/run.mjs and bench/: which packages, which of their files,
// and how they are installed. Importing it runs nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

export const corpusDir = import.meta.dirname;
export const corpusModules = path.join(corpusDir, 'node_modules');
export const tsconfigDir = path.join(corpusDir, 'tsconfigs');

const seconds = (start) => `${((performance.now() - start) / 1000).toFixed(1)} s`;

const TS_FILE = /\.(?:ts|mts|cts|tsx)$/;
const DECLARATION_FILE = /\.d\.(?:ts|mts|cts)$/;
const JS_FILE = /\.(?:js|mjs|cjs)$/;

/**
 * `include`: folders or files inside the package. `tsconfig`: typed lint and the tsc check.
 * `sourceType`: for .js files (.mjs is always a module, .cjs always CommonJS). `skipped` says
 * which shipped code is left out and why (a second build of the same code, or bundles). `set`:
 * `application` for the long-running code added by issue 10, `fresh`/`fresh2` for code added
 * untouched to measure on, else the library set (see setOf).
 */
export const PACKAGES = [
  { name: 'rxjs', language: 'ts', include: ['src'], tsconfig: 'rxjs.json' },
  { name: 'zod', language: 'ts', include: ['src'], tsconfig: 'zod.json' },
  { name: '@trpc/server', language: 'ts', include: ['src'], tsconfig: 'trpc-server.json' },
  { name: 'effect', language: 'ts', include: ['src'] },
  {
    name: 'bullmq',
    language: 'js',
    include: ['dist/esm'],
    sourceType: 'module',
    skipped: 'dist/cjs (the same code compiled to CommonJS)',
  },
  { name: 'ioredis', language: 'js', include: ['built'], sourceType: 'commonjs' },
  { name: 'kafkajs', language: 'js', include: ['src'], sourceType: 'commonjs' },
  { name: 'nats', language: 'js', include: ['index.js', 'lib', 'examples'], sourceType: 'commonjs' },
  {
    name: 'mqtt',
    language: 'js',
    include: ['build'],
    sourceType: 'commonjs',
    skipped: 'dist/ (browser bundles of build/ and its dependencies)',
  },
  { name: '@nestjs/microservices', language: 'js', include: ['.'], sourceType: 'module' },
  {
    name: 'socket.io',
    language: 'js',
    include: ['dist', 'wrapper.mjs'],
    sourceType: 'commonjs',
    skipped: 'client-dist/ (the bundled browser client)',
  },
  {
    name: 'node-cron',
    language: 'js',
    include: ['dist'],
    exclude: /\.cjs$/,
    sourceType: 'module',
    skipped: 'dist/*.cjs (the same code as CommonJS)',
  },
  { name: 'cron', language: 'js', include: ['dist'], sourceType: 'commonjs' },
  { name: 'chokidar', language: 'js', include: ['.'], sourceType: 'module' },

  // The application set (issue 10): long-running code rather than primitives. Daemons and
  // process managers, job queues and schedulers, realtime and GraphQL-subscription servers,
  // pub/sub transports and service meshes, dev servers and file watchers. None of them ships
  // its TypeScript sources, so all are linted as the JavaScript they ship.
  { set: 'application', name: 'pm2', language: 'js', include: ['index.js', 'lib', 'modules'], sourceType: 'commonjs' },
  { set: 'application', name: 'nodemon', language: 'js', include: ['lib', 'bin'], sourceType: 'commonjs' },
  { set: 'application', name: 'moleculer', language: 'js', include: ['index.js', 'src'], sourceType: 'commonjs' },
  { set: 'application', name: 'bull', language: 'js', include: ['index.js', 'lib'], sourceType: 'commonjs' },
  { set: 'application', name: 'bee-queue', language: 'js', include: ['index.js', 'lib'], sourceType: 'commonjs' },
  { set: 'application', name: 'pg-boss', language: 'js', include: ['dist'], sourceType: 'module' },
  { set: 'application', name: 'graphile-worker', language: 'js', include: ['dist'], sourceType: 'module' },
  { set: 'application', name: 'agenda', language: 'js', include: ['dist'], sourceType: 'module' },
  { set: 'application', name: 'node-schedule', language: 'js', include: ['index.js', 'lib'], sourceType: 'commonjs' },
  { set: 'application', name: 'toad-scheduler', language: 'js', include: ['dist'], sourceType: 'commonjs' },
  { set: 'application', name: 'ws', language: 'js', include: ['index.js', 'wrapper.mjs', 'lib'], sourceType: 'commonjs' },
  {
    set: 'application',
    name: 'socket.io-client',
    language: 'js',
    include: ['build/cjs'],
    sourceType: 'commonjs',
    skipped: 'build/esm, build/esm-debug (the same code as ES modules), dist/ (browser bundles)',
  },
  {
    set: 'application',
    name: 'graphql-ws',
    language: 'js',
    include: ['dist'],
    exclude: /\.cjs$/,
    sourceType: 'module',
    skipped: 'dist/*.cjs (the same code as CommonJS), umd/ (browser bundles)',
  },
  {
    set: 'application',
    name: 'subscriptions-transport-ws',
    language: 'js',
    include: ['dist'],
    sourceType: 'commonjs',
    skipped: 'browser/ (a bundle of dist/ and its dependencies)',
  },
  {
    set: 'application',
    name: 'graphql-redis-subscriptions',
    language: 'js',
    include: ['dist'],
    exclude: /[\\/]dist[\\/]test[\\/]/,
    sourceType: 'commonjs',
    skipped: 'dist/test (the package\'s own tests)',
  },
  {
    set: 'application',
    name: 'amqp-connection-manager',
    language: 'js',
    include: ['dist/cjs'],
    sourceType: 'commonjs',
    skipped: 'dist/esm (the same code as ES modules)',
  },
  { set: 'application', name: 'pg-listen', language: 'js', include: ['index.js', 'dist'], sourceType: 'commonjs' },
  {
    set: 'application',
    name: 'webpack-dev-server',
    language: 'js',
    include: ['lib'],
    sourceType: 'module',
    skipped: 'dist/ (lib/ compiled to CommonJS, and a generated options validator), client/ (generated)',
  },
  {
    set: 'application',
    name: 'browser-sync',
    language: 'js',
    include: ['dist'],
    exclude: /lodash\.custom\.js$/,
    sourceType: 'commonjs',
    skipped: 'dist/lodash.custom.js (a bundled copy of lodash)',
  },
  { set: 'application', name: 'watchpack', language: 'js', include: ['lib'], sourceType: 'commonjs' },

  // The fresh set: application-like packages added after the plugin was tuned on the two sets
  // above, to measure precision and mutation recall on code nobody here tuned against. Job
  // queues and schedulers, realtime servers and their transports, pub/sub adapters and brokers,
  // process monitors and service meshes; two ship their TypeScript sources.
  { set: 'fresh', name: 'node-resque', language: 'ts', include: ['src', 'examples'], tsconfig: 'node-resque.json' },
  { set: 'fresh', name: '@hocuspocus/server', language: 'ts', include: ['src'], tsconfig: 'hocuspocus-server.json' },
  { set: 'fresh', name: 'bree', language: 'js', include: ['src'], sourceType: 'commonjs' },
  {
    set: 'fresh',
    name: 'primus',
    language: 'js',
    include: ['index.js', 'primus.js', 'spark.js', 'transformer.js', 'errors.js', 'middleware', 'parsers', 'transformers'],
    exclude: /[\\/]library\.js$/,
    sourceType: 'commonjs',
    skipped: 'dist/ (primus.js bundled with its dependencies for browsers), transformers/*/library.js (bundled browser clients)',
  },
  {
    set: 'fresh',
    name: 'faye',
    language: 'js',
    include: ['src'],
    sourceType: 'commonjs',
    skipped: 'client/ (browser bundles of src/)',
  },
  { set: 'fresh', name: 'sockjs', language: 'js', include: ['index.js', 'lib'], sourceType: 'commonjs' },
  { set: 'fresh', name: '@socket.io/redis-adapter', language: 'js', include: ['dist'], sourceType: 'commonjs' },
  { set: 'fresh', name: 'forever-monitor', language: 'js', include: ['lib'], sourceType: 'commonjs' },
  { set: 'fresh', name: 'cote', language: 'js', include: ['src', 'lib'], sourceType: 'commonjs' },
  {
    set: 'fresh',
    name: 'aedes',
    language: 'js',
    include: ['aedes.js', 'lib', 'example.js', 'examples'],
    sourceType: 'module',
    skipped: 'test/ and benchmarks/ (the package\'s own tests and load scripts)',
  },
  { set: 'fresh', name: 'rascal', language: 'js', include: ['index.js', 'lib', 'examples'], sourceType: 'commonjs' },

  // The second fresh set: added untouched and judged as it came, after the first fresh set had
  // been looked at. Pools, rate limiters and circuit breakers, database and RPC clients, a
  // message-queue client and a worker-thread stream: code that lives on timers, pools,
  // connections, listeners and retry loops. gRPC ships its TypeScript sources (typed too).
  {
    set: 'fresh2',
    name: '@grpc/grpc-js',
    language: 'ts',
    include: ['src'],
    exclude: /[\\/]src[\\/]generated[\\/]/,
    tsconfig: 'grpc-js.json',
    skipped: 'src/generated (types generated from .proto files), build/ (src/ compiled)',
  },
  {
    set: 'fresh2',
    name: 'mysql2',
    language: 'js',
    include: ['index.js', 'promise.js', 'lib'],
    sourceType: 'commonjs',
  },
  {
    set: 'fresh2',
    name: 'amqplib',
    language: 'js',
    include: ['channel_api.js', 'callback_api.js', 'lib', 'examples'],
    sourceType: 'commonjs',
  },
  { set: 'fresh2', name: 'nsqjs', language: 'js', include: ['lib'], sourceType: 'commonjs' },
  { set: 'fresh2', name: 'generic-pool', language: 'js', include: ['index.js', 'lib'], sourceType: 'commonjs' },
  {
    set: 'fresh2',
    name: 'bottleneck',
    language: 'js',
    include: ['lib'],
    sourceType: 'commonjs',
    skipped: 'es5.js, light.js (bundles of lib/), src/ (the CoffeeScript lib/ is compiled from)',
  },
  {
    set: 'fresh2',
    name: 'opossum',
    language: 'js',
    include: ['index.js', 'lib'],
    sourceType: 'commonjs',
    skipped: 'dist/ (browser bundles of lib/)',
  },
  {
    set: 'fresh2',
    name: 'thread-stream',
    language: 'js',
    include: ['index.js', 'lib'],
    sourceType: 'commonjs',
    skipped: 'test/ and bench.js (the package\'s own tests and benchmark)',
  },
];

/**
 * Which set a package belongs to: `library` (the first corpus), `application` (issue 10), `fresh`
 * or `fresh2` (unseen code, each judged as it came).
 */
export const setOf = (pkg) => pkg.set ?? 'library';

/** Installs the corpus from the lockfile when it is missing or not the pinned versions. */
export function ensureInstalled() {
  const pins = JSON.parse(readFileSync(path.join(corpusDir, 'package.json'), 'utf8')).dependencies;
  const installed = (name) => {
    try {
      return JSON.parse(readFileSync(path.join(corpusModules, name, 'package.json'), 'utf8')).version;
    } catch {
      return undefined;
    }
  };
  const stale = Object.entries(pins).filter(([name, version]) => installed(name) !== version);
  if (stale.length === 0) return;
  console.log(`Installing the corpus (npm ci --ignore-scripts) for ${stale.map(([n]) => n).join(', ')}`);
  const start = performance.now();
  const npm = spawnSync(
    'npm',
    ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', '--prefix', corpusDir],
    { stdio: 'inherit' },
  );
  if (npm.status !== 0) {
    console.error('npm ci failed in test/corpus');
    process.exit(1);
  }
  console.log(`Installed in ${seconds(start)}`);
}

/** Every file of a package that the corpus lints, sorted. */
export function packageFiles(pkg, root = path.join(corpusModules, pkg.name)) {
  const wanted = (file) =>
    !(pkg.exclude?.test(file) ?? false) &&
    (pkg.language === 'ts'
      ? TS_FILE.test(file) && !DECLARATION_FILE.test(file)
      : JS_FILE.test(file) && !file.endsWith('.min.js'));
  const files = [];
  const walk = (entry) => {
    const items = readdirSync(entry, { withFileTypes: true });
    for (const item of items) {
      const full = path.join(entry, item.name);
      if (item.isDirectory()) {
        if (item.name !== 'node_modules') walk(full);
      } else if (item.isFile() && wanted(full)) files.push(full);
    }
  };
  for (const include of pkg.include) {
    const full = path.join(root, include);
    if (!existsSync(full)) throw new Error(`${pkg.name}: ${include} is missing in ${root}`);
    if (readdirSync(path.dirname(full), { withFileTypes: true }).find((d) => d.name === path.basename(full))?.isFile())
      files.push(full);
    else walk(full);
  }
  return [...new Set(files)].sort();
}

/** Lines that are not blank. */
export const countLines = (text) => text.split('\n').filter((line) => line.trim() !== '').length;
