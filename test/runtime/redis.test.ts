// Runtime proof against a real Redis (issue 6): the incident's leak and its fix, measured by
// Redis itself rather than by reading code.
//
// A real `redis-server` is started on a free loopback port. The demo daemon's subscribe helper
// (examples/cronjob-daemon/{leaky,fixed}/subscribe.ts) is compiled to JavaScript and called the way
// the cron job calls it, with a real ioredis client, and `PUBSUB NUMSUB new-task` and `CLIENT LIST`
// are read from the server after every tick. Three versions run:
//   - leaky/subscribe.ts: every tick adds one subscriber and one connection, for good;
//   - fixed/subscribe.ts: the hand-written fix;
//   - the plugin-fixed helper: leaky/subscribe.ts with the plugin's own `--fix` fixes and its
//     no-leaked-subscription suggestion ("Add an optional `signal?: AbortSignal` parameter…") applied by this
//     test through the ESLint API, with the daemon's typed config (needs `npm run build` first).
// For both fixed versions: subscribed once under the owner's signal, N ticks leave the subscriber
// and connection counts constant; called on every tick with the owner's signal, everything the calls
// opened ends (zero subscribers, zero extra connections) once the owner aborts.
//
// Knobs:
//   REDIS_SERVER_BIN  the redis-server binary to run (default `redis-server`, looked up on PATH).
//                     Point it at a missing name to see the skip path.
//   CI=true           a missing redis-server fails the suite instead of skipping it (.ci/run
//                     installs redis-server, so in CI the proof must really run).

import type { ChildProcess } from 'node:child_process';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { ESLint } from 'eslint';
import { Redis } from 'ioredis';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** Simulated cron ticks per scenario. */
const TICKS = 5;
/** The channel the demo helper subscribes to. */
const CHANNEL = 'new-task';
/** How long Redis gets to show that something ended (subscribers gone, connections closed). */
const SETTLE_MS = 3_000;
/** Pause after each tick in the "stays constant" scenarios, so a stray SUBSCRIBE would land. */
const TICK_PAUSE_MS = 100;
const HOST = '127.0.0.1';

const REDIS_SERVER_BIN = process.env.REDIS_SERVER_BIN || 'redis-server';
const IN_CI = /^(true|1)$/i.test(process.env.CI ?? '');

const repoRoot = path.resolve(__dirname, '..', '..');
const daemonDir = path.join(repoRoot, 'examples', 'cronjob-daemon');
const configFile = path.join(daemonDir, 'eslint.config.mjs');
const pluginFile = path.join(repoRoot, 'dist', 'src', 'index.js');
const leakySubscribe = path.join(daemonDir, 'leaky', 'subscribe.ts');
const fixedSubscribe = path.join(daemonDir, 'fixed', 'subscribe.ts');

/** The description of the no-leaked-subscription suggestion this test applies. */
const THREAD_SIGNAL_SUGGESTION = 'Add an optional `signal?: AbortSignal` parameter';

// ---------------------------------------------------------------------------------------------
// redis-server: is it there, start it on a free port, wait for PING, stop it.

type Probe = { present: true; version: string } | { present: false; reason: string };

function probeRedisServer(): Probe {
  const probe = spawnSync(REDIS_SERVER_BIN, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  if (probe.error) return { present: false, reason: probe.error.message };
  if (probe.status !== 0) return { present: false, reason: `exit status ${probe.status}: ${probe.stderr.trim()}` };
  return { present: true, version: probe.stdout.trim() };
}

/** A loopback port nobody listens on right now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no port from listen(0)'))));
    });
  });
}

/** One raw `PING` over a fresh socket: true when the server answers `+PONG`. */
function pingOnce(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: HOST, port });
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString('latin1');
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

interface RedisServer {
  port: number;
  /** What the server printed so far (for failure messages). */
  output(): string;
  /** SIGTERM, then SIGKILL after 5 s; resolves once the process and its pipes are closed. */
  stop(): Promise<void>;
}

async function startRedisServer(workDir: string): Promise<RedisServer> {
  const failures: string[] = [];
  // The free-port probe can race with another process taking the port: try a few ports.
  for (let attempt = 1; attempt <= 3; attempt++) {
    const port = await freePort();
    const child: ChildProcess = spawn(
      REDIS_SERVER_BIN,
      ['--port', String(port), '--bind', HOST, '--save', '', '--appendonly', 'no', '--dir', workDir],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    let exit: string | undefined;
    const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
    child.once('exit', (code, signal) => (exit = `exited with ${signal ?? `code ${code}`}`));
    child.once('error', (error) => (exit = `failed to start: ${error.message}`));

    const deadline = Date.now() + 10_000;
    let ready = false;
    while (!ready && exit === undefined && Date.now() < deadline) {
      ready = await pingOnce(port);
      if (!ready) await sleep(50);
    }
    const stop = async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await closed;
      clearTimeout(timer);
    };
    if (ready) return { port, output: () => output, stop };
    await stop();
    failures.push(`port ${port}: ${exit ?? 'no PONG within 10 s'}\n${output}`);
  }
  throw new Error(`could not start ${REDIS_SERVER_BIN}:\n${failures.join('\n')}`);
}

// ---------------------------------------------------------------------------------------------
// The helpers under test, compiled to JavaScript.

interface HelperArguments {
  client: Redis | undefined;
  onNewTask: () => void;
  signal?: AbortSignal;
}

interface Helper {
  label: string;
  /** The TypeScript it was compiled from. */
  source: string;
  /** Its parameter names in order, read from the source (the fix decides where `signal` goes). */
  parameters: string[];
  call(args: HelperArguments): void;
}

const KNOWN_PARAMETERS = new Set(['client', 'onNewTask', 'signal']);

/** The parameter names of `subscribeNewTaskMsgIfAvailable` in `source`. */
function parameterNames(source: string, fileName: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  let names: string[] | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionDeclaration(node) && node.name?.text === 'subscribeNewTaskMsgIfAvailable') {
      names = node.parameters.map((parameter) => parameter.name.getText(file));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  if (!names) throw new Error(`${fileName}: no function subscribeNewTaskMsgIfAvailable`);
  for (const name of names) {
    if (!KNOWN_PARAMETERS.has(name)) throw new Error(`${fileName}: unexpected parameter \`${name}\``);
  }
  return names;
}

/** Transpiles `source` (TypeScript's transpileModule, CommonJS) into `outDir` and requires it. */
function compileHelper(label: string, source: string, fileName: string, outDir: string): Helper {
  const { outputText, diagnostics } = transpile(source, fileName);
  if (diagnostics.length > 0) {
    throw new Error(
      `${label}: ${diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('; ')}`,
    );
  }
  const outFile = path.join(outDir, `${label}.js`);
  writeFileSync(outFile, outputText);
  const loaded = createRequire(__filename)(outFile) as { subscribeNewTaskMsgIfAvailable?: unknown };
  const helper = loaded.subscribeNewTaskMsgIfAvailable;
  if (typeof helper !== 'function') throw new Error(`${label}: no exported subscribeNewTaskMsgIfAvailable`);
  const parameters = parameterNames(source, fileName);
  return {
    label,
    source,
    parameters,
    call: (args) => {
      const byName: Record<string, unknown> = { ...args };
      (helper as (...values: unknown[]) => void)(...parameters.map((name) => byName[name]));
    },
  };
}

function transpile(source: string, fileName: string): ts.TranspileOutput & { diagnostics: readonly ts.Diagnostic[] } {
  const output = ts.transpileModule(source, {
    fileName,
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  return { ...output, diagnostics: output.diagnostics ?? [] };
}

interface PluginFix {
  /** leaky/subscribe.ts after the plugin's fixes and the thread-a-signal suggestion. */
  text: string;
  /** Whether `--fix` (safe fixes) changed anything before the suggestion was applied. */
  safeFixesChanged: boolean;
  suggestion: string;
  /** What the plugin reports on `text`, as `ruleId: message`. */
  findingsAfter: string[];
}

/**
 * Applies the built plugin's own output to leaky/subscribe.ts, through the ESLint API with the
 * daemon's typed config: every `--fix` fix, then the no-leaked-subscription suggestion that adds a
 * `signal: AbortSignal` parameter (its `fix.range` / `fix.text`). Nothing is written to examples/.
 */
async function applyPluginFixes(): Promise<PluginFix> {
  if (!existsSync(pluginFile)) {
    throw new Error(`${path.relative(repoRoot, pluginFile)} is missing: run \`npm run build\` first.`);
  }
  // The file is linted three times in this process (--fix, for the suggestion, after it). Under
  // CI=true typescript-eslint infers a "single run" and builds its program once, from disk; linting
  // the same file again then crashes inside TypeScript's checker (any typed rule, the plugin's or
  // typescript-eslint's own). So this test opts out of that inference, as an editor session does.
  const options = {
    cwd: daemonDir,
    overrideConfigFile: configFile,
    overrideConfig: [
      { files: ['**/*.ts'], languageOptions: { parserOptions: { disallowAutomaticSingleRunInference: true } } },
    ],
  };
  const original = readFileSync(leakySubscribe, 'utf8');

  const [fixedByEslint] = await new ESLint({ ...options, fix: true }).lintText(original, { filePath: leakySubscribe });
  const afterFixes = fixedByEslint?.output ?? original;

  const eslint = new ESLint(options);
  const [linted] = await eslint.lintText(afterFixes, { filePath: leakySubscribe });
  const messages = linted?.messages ?? [];
  const suggestion = messages
    .filter((message) => message.ruleId === 'leaks/no-leaked-subscription')
    .flatMap((message) => message.suggestions ?? [])
    .find((candidate) => candidate.desc.startsWith(THREAD_SIGNAL_SUGGESTION));
  if (!suggestion) {
    throw new Error(
      `no "${THREAD_SIGNAL_SUGGESTION}…" suggestion from leaks/no-leaked-subscription on leaky/subscribe.ts; ` +
        `findings: ${JSON.stringify(messages, null, 2)}`,
    );
  }
  const [start, end] = suggestion.fix.range;
  const text = afterFixes.slice(0, start) + suggestion.fix.text + afterFixes.slice(end);

  const [relinted] = await eslint.lintText(text, { filePath: leakySubscribe });
  return {
    text,
    safeFixesChanged: afterFixes !== original,
    suggestion: suggestion.desc,
    findingsAfter: (relinted?.messages ?? []).map((message) => `${message.ruleId ?? '(fatal)'}: ${message.message}`),
  };
}

// ---------------------------------------------------------------------------------------------
// Waiting for Redis to show something.

/** Reads until `ok` or the deadline; returns the last value read either way (assert on it). */
async function settle<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = SETTLE_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() >= deadline) return value;
    await sleep(20);
  }
}

/** QUIT, then wait until the client has closed its socket (`quit()` resolves on the reply). */
async function quit(client: Redis): Promise<void> {
  if (client.status === 'end') return;
  const ended = new Promise<void>((resolve) => client.once('end', () => resolve()));
  await client.quit().catch(() => client.disconnect());
  await ended;
}

/** Sockets (and, with `processes`, child processes) this worker holds open; timers are vitest's. */
function openHandles(processes: boolean): number {
  const kinds = processes ? ['TCPSocketWrap', 'TCPServerWrap', 'ProcessWrap'] : ['TCPSocketWrap', 'TCPServerWrap'];
  return process.getActiveResourcesInfo().filter((kind) => kinds.includes(kind)).length;
}

// ---------------------------------------------------------------------------------------------

const probe = probeRedisServer();

if (!probe.present) {
  const why =
    `redis-server is absent: \`${REDIS_SERVER_BIN} --version\` failed (${probe.reason}). ` +
    'Install it (`apt-get install redis-server`) or point REDIS_SERVER_BIN at it.';
  describe('runtime proof against a real Redis', () => {
    if (IN_CI) {
      it('needs redis-server (CI=true: its absence is a failure, not a skip)', () => {
        throw new Error(`CI=true and ${why}`);
      });
    } else {
      console.warn(`test/runtime: SKIPPED because ${why}`);
      it('needs redis-server', (context) => {
        context.skip(`skipped because ${why}`);
      });
    }
  });
} else {
  describe(`runtime proof against a real Redis (${probe.version.split(' ').slice(0, 3).join(' ')})`, () => {
    let workDir: string;
    let server: RedisServer;
    /** Reads the server's state; its own connection is left out of every count. */
    let admin: Redis;
    let adminId: number;
    let leaky: Helper;
    let handFixed: Helper;
    let pluginFixed: Helper;
    let pluginFix: PluginFix;
    /** Every ioredis client this file creates: the admin, the daemon's, the helper's duplicates. */
    const clients = new Set<Redis>();
    let socketsBefore: number;
    let handlesBefore: number;

    beforeAll(async () => {
      socketsBefore = openHandles(false);
      handlesBefore = openHandles(true);
      workDir = mkdtempSync(path.join(os.tmpdir(), 'leaks-runtime-'));
      server = await startRedisServer(workDir);
      admin = new Redis(clientOptions('runtime-test-admin'));
      clients.add(admin);
      adminId = Number(await admin.call('CLIENT', 'ID'));

      leaky = compileHelper('leaky', readFileSync(leakySubscribe, 'utf8'), leakySubscribe, workDir);
      handFixed = compileHelper('hand-fixed', readFileSync(fixedSubscribe, 'utf8'), fixedSubscribe, workDir);
      pluginFix = await applyPluginFixes();
      pluginFixed = compileHelper('plugin-fixed', pluginFix.text, leakySubscribe, workDir);
    });

    // Nothing this file opened may outlive it. The clients are checked before the server stops
    // (its exit would close their sockets anyway); then the server process must be gone too.
    afterAll(async () => {
      const leftOpen: string[] = [];
      try {
        if (admin) await quit(admin);
        for (const client of clients) {
          if (client.status === 'end') continue;
          leftOpen.push(`ioredis client "${client.options.connectionName ?? ''}" (${client.status})`);
          client.disconnect();
        }
        const sockets = await settle(async () => openHandles(false), (count) => count <= socketsBefore);
        if (sockets > socketsBefore) leftOpen.push(`${sockets - socketsBefore} socket(s)`);
      } finally {
        await server?.stop();
        if (workDir) rmSync(workDir, { recursive: true, force: true });
      }
      const handles = await settle(async () => openHandles(true), (count) => count <= handlesBefore);
      if (handles > handlesBefore) leftOpen.push(`after stopping redis-server: ${process.getActiveResourcesInfo()}`);
      expect(leftOpen, 'left open by this test file').toEqual([]);
    });

    /** Loopback, this server, no reconnect: a connection that ends (or is killed) stays ended. */
    const clientOptions = (connectionName: string) => ({
      host: HOST,
      port: server.port,
      connectionName,
      retryStrategy: () => null,
    });

    /** `PUBSUB NUMSUB new-task` and the connections in `CLIENT LIST`, without the admin's own. */
    async function observe(): Promise<{ subscribers: number; connections: number }> {
      const numsub = (await admin.call('PUBSUB', 'NUMSUB', CHANNEL)) as [string, number | string];
      const lines = String(await admin.call('CLIENT', 'LIST'))
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '' && !line.startsWith(`id=${adminId} `));
      return { subscribers: Number(numsub[1]), connections: lines.length };
    }

    /**
     * The daemon's own Redis connection, as in daemon.ts. `duplicate()` is wrapped only to keep
     * hold of the connections the helper opens (to check they ended, and to close them if a test
     * fails halfway); the helper itself runs unchanged. `duplicate()` copies the options, so the
     * helper's connections do not reconnect either: by default ioredis reconnects a connection the
     * server kills and SUBSCRIBEs again, and `CLIENT KILL` would not clean up the leaky helper.
     */
    async function openDaemonClient() {
      const client = new Redis(clientOptions('cron-daemon'));
      clients.add(client);
      const opened: Redis[] = [];
      const duplicate = client.duplicate.bind(client);
      client.duplicate = (...args: Parameters<Redis['duplicate']>) => {
        const connection = duplicate(...args);
        opened.push(connection);
        clients.add(connection);
        return connection;
      };
      await client.ping();
      return {
        client,
        opened,
        /** One cron tick's own work, as runPendingTasks() in daemon.ts does. */
        runPendingTasks: async () => void (await client.lpop('pending-tasks')),
        async close() {
          for (const connection of opened) if (connection.status !== 'end') connection.disconnect();
          await quit(client);
        },
      };
    }

    /** Publishes on the channel; returns how many subscribers Redis delivered it to. */
    const publish = async () => Number(await admin.call('PUBLISH', CHANNEL, `task-${Date.now()}`));

    type Daemon = Awaited<ReturnType<typeof openDaemonClient>>;
    type State = Awaited<ReturnType<typeof observe>>;

    /** Redis is back where it was before the helper ran: no subscriber, no extra connection. */
    async function expectBackTo(before: State): Promise<void> {
      const baseline = { subscribers: 0, connections: before.connections };
      const after = await settle(
        observe,
        (state) => state.subscribers === 0 && state.connections === baseline.connections,
      );
      expect(after, 'PUBSUB NUMSUB / CLIENT LIST').toEqual(baseline);
    }

    /** Every connection the helper opened has ended on the client side too (no reconnect). */
    async function expectAllEnded(daemon: Daemon, count: number): Promise<void> {
      const statuses = await settle(
        async () => daemon.opened.map((connection) => connection.status),
        (all) => all.every((status) => status === 'end'),
      );
      expect(statuses, 'status of the connections the helper opened').toEqual(Array(count).fill('end'));
    }

    /** The onNewTask callback has fired exactly `count` times. */
    async function expectWakes(wakes: () => number, count: number): Promise<void> {
      expect(await settle(async () => wakes(), (n) => n >= count)).toBe(count);
    }

    it('compiles the plugin-fixed helper from the plugin’s own suggestion, not from hand-written code', () => {
      expect(pluginFix.suggestion).toMatch(
        /^Add an optional `signal\?: AbortSignal` parameter to `subscribeNewTaskMsgIfAvailable\(\)`/,
      );
      expect(pluginFix.text).toContain("signal?.addEventListener('abort'");
      expect(pluginFix.text).not.toBe(readFileSync(leakySubscribe, 'utf8'));
      expect(pluginFix.text).not.toBe(handFixed.source);
      expect(pluginFixed.parameters).toContain('signal');
      expect(leaky.parameters).not.toContain('signal');
      // The plugin accepts its own fix: no-leaked-subscription has nothing left to say.
      const leftOver = pluginFix.findingsAfter.filter((finding) => finding.startsWith('leaks/no-leaked-subscription'));
      expect(leftOver).toEqual([]);
      for (const helper of [leaky, handFixed, pluginFixed]) expect(helper.source).toContain(`'${CHANNEL}'`);
    });

    it(`leaky helper: ${TICKS} cron ticks leave ${TICKS} subscribers and ${TICKS} more connections`, async () => {
      const daemon = await openDaemonClient();
      try {
        const before = await observe();
        expect(before.subscribers).toBe(0);

        let wakes = 0;
        const perTick: State[] = [];
        for (let tick = 1; tick <= TICKS; tick++) {
          leaky.call({ client: daemon.client, onNewTask: () => wakes++ });
          await daemon.runPendingTasks();
          perTick.push(await settle(observe, (state) => state.subscribers >= tick));
        }
        // One more subscriber and one more connection on every tick.
        const growing = Array.from({ length: TICKS }, (_, index) => ({
          subscribers: index + 1,
          connections: before.connections + index + 1,
        }));
        expect(perTick).toEqual(growing);
        expect(daemon.opened).toHaveLength(TICKS);

        // The subscriptions are real: one PUBLISH wakes the scheduler once per leaked connection.
        expect(await publish()).toBe(TICKS);
        await expectWakes(() => wakes, TICKS);

        // Nothing in the leaky code can end them: kill them from the server so later tests start clean.
        expect(Number(await admin.call('CLIENT', 'KILL', 'TYPE', 'pubsub'))).toBe(TICKS);
        await expectBackTo(before);
        await expectAllEnded(daemon, TICKS);
      } finally {
        await daemon.close();
      }
    });

    const fixedVersions = [
      { name: 'hand-fixed helper (fixed/subscribe.ts)', helper: () => handFixed },
      { name: 'plugin-fixed helper (leaky/subscribe.ts + the plugin’s suggestion)', helper: () => pluginFixed },
    ];
    for (const { name, helper } of fixedVersions) {
      describe(name, () => {
        it(`subscribed once under the owner's signal: constant for ${TICKS} ticks, ended by abort`, async () => {
          const daemon = await openDaemonClient();
          try {
            const before = await observe();
            expect(before.subscribers).toBe(0);
            const owner = new AbortController();

            // The fixed daemon's shape: subscribe once at start-up, the cron job only runs tasks.
            let wakes = 0;
            helper().call({ client: daemon.client, onNewTask: () => wakes++, signal: owner.signal });
            const subscribed = await settle(observe, (state) => state.subscribers >= 1);
            expect(subscribed).toEqual({ subscribers: 1, connections: before.connections + 1 });

            const perTick: State[] = [];
            for (let tick = 1; tick <= TICKS; tick++) {
              await daemon.runPendingTasks();
              await sleep(TICK_PAUSE_MS);
              perTick.push(await observe());
            }
            expect(perTick).toEqual(Array(TICKS).fill(subscribed));

            expect(await publish()).toBe(1);
            await expectWakes(() => wakes, 1);

            owner.abort();
            await expectBackTo(before);
            await expectAllEnded(daemon, 1);
            expect(await publish()).toBe(0);
          } finally {
            await daemon.close();
          }
        });

        it(`called on every tick with the owner's signal: all ${TICKS} end when the owner aborts`, async () => {
          const daemon = await openDaemonClient();
          try {
            const before = await observe();
            expect(before.subscribers).toBe(0);
            const owner = new AbortController();

            let wakes = 0;
            for (let tick = 1; tick <= TICKS; tick++) {
              helper().call({ client: daemon.client, onNewTask: () => wakes++, signal: owner.signal });
              await daemon.runPendingTasks();
              await settle(observe, (state) => state.subscribers >= tick);
            }
            // Still one connection per call until the owner aborts (the repeated call is
            // no-repeated-subscription's business): what the fix guarantees is that each one ends.
            expect(await observe()).toEqual({ subscribers: TICKS, connections: before.connections + TICKS });
            expect(await publish()).toBe(TICKS);
            await expectWakes(() => wakes, TICKS);

            owner.abort();
            await expectBackTo(before);
            await expectAllEnded(daemon, TICKS);

            // Ended for real: a new task reaches nobody, and no callback fires any more.
            expect(await publish()).toBe(0);
            await sleep(TICK_PAUSE_MS);
            expect(wakes).toBe(TICKS);
          } finally {
            await daemon.close();
          }
        });
      });
    }
  });
}
