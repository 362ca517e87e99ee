// End to end: the built plugin (dist/), loaded by real ESLint 10 and ESLint 9 from the incident
// daemon's own flat config (examples/cronjob-daemon/eslint.config.mjs), with type information.
// Needs `npm run build` first (`npm test` builds before it runs vitest).

import { ESLint as ESLint10 } from 'eslint';
import { ESLint as ESLint9 } from 'eslint9';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

/** One finding, as the test compares it: `message` is checked in full when given. */
interface Finding {
  /** Relative to examples/cronjob-daemon, with `/`. */
  file: string;
  line: number;
  column: number;
  ruleId: string | null;
  messageId: string | undefined;
  message?: string;
}

/**
 * Everything the plugin must report on the leaky daemon, in any order: one entry per finding.
 * When a rule starts reporting on it (no-repeated-subscription on the cron job in
 * leaky/daemon.ts, no-unbounded-loop on leaky/receive.ts), add its line here.
 */
const EXPECTED_LEAKY_FINDINGS: readonly Finding[] = [
  {
    file: 'leaky/receive.ts',
    line: 5,
    column: 3,
    ruleId: 'leaks/no-unbounded-loop',
    messageId: 'unboundedLoop',
    message: "`while (true)` awaits `client.brpop('tasks', 0)` forever: it has no exit and checks no signal or flag.",
  },
  {
    file: 'leaky/receive.ts',
    line: 11,
    column: 7,
    ruleId: 'leaks/no-unbounded-loop',
    messageId: 'spinningCatch',
  },
  {
    file: 'leaky/daemon.ts',
    line: 22,
    column: 3,
    ruleId: 'leaks/no-repeated-subscription',
    messageId: 'repeatedCall',
    message:
      '`subscribeNewTaskMsgIfAvailable()` is called on every tick of this cron job and leaves one more Redis subscription running: sub.subscribe (subscribe.ts:7).',
  },
  {
    file: 'leaky/subscribe.ts',
    line: 7,
    column: 8,
    ruleId: 'leaks/no-leaked-subscription',
    messageId: 'subscriptionConnectionNotClosed',
    message: "`sub.subscribe('new-task')` starts a Redis subscription on `sub`, which is never closed, returned or stored.",
  },
];

const repoRoot = path.resolve(__dirname, '..', '..');
const daemonDir = path.join(repoRoot, 'examples', 'cronjob-daemon');
const configFile = path.join(daemonDir, 'eslint.config.mjs');
const pluginFile = path.join(repoRoot, 'dist', 'src', 'index.js');

/** The parts of the built plugin this test looks at. */
interface BuiltPlugin {
  meta: { name: string; version: string };
  rules: Record<string, { create: unknown; meta?: unknown }>;
  configs: Record<'recommended' | 'recommended-type-checked', { name?: string; plugins?: object; rules?: object }>;
}

function loadBuiltPlugin(): BuiltPlugin {
  if (!existsSync(pluginFile)) {
    throw new Error(
      `${path.relative(repoRoot, pluginFile)} is missing: run \`npm run build\` before the e2e tests (\`npm test\` does).`,
    );
  }
  // Node's own require: the plugin exactly as ESLint users load it (CommonJS, `module.exports = plugin`).
  return createRequire(__filename)(pluginFile) as BuiltPlugin;
}

/** The parts of the `ESLint` class both major versions share and this test uses. */
interface LintMessage {
  ruleId: string | null;
  messageId?: string;
  message: string;
  line: number;
  column: number;
  fatal?: boolean;
}
interface LintResult {
  filePath: string;
  messages: LintMessage[];
}
interface ESLintInstance {
  lintFiles(patterns: string[]): Promise<LintResult[]>;
  lintText(code: string, options: { filePath: string }): Promise<LintResult[]>;
  calculateConfigForFile(filePath: string): Promise<{ rules?: Record<string, unknown> } | undefined>;
}
interface ESLintClass {
  readonly version: string;
  new (options: { cwd: string; overrideConfigFile: string | true; overrideConfig?: object[] }): ESLintInstance;
}

const versions: { name: string; major: number; ESLint: ESLintClass }[] = [
  { name: 'ESLint 10', major: 10, ESLint: ESLint10 as unknown as ESLintClass },
  { name: 'ESLint 9', major: 9, ESLint: ESLint9 as unknown as ESLintClass },
];

const byPosition = (a: Finding, b: Finding): number =>
  a.file.localeCompare(b.file) ||
  a.line - b.line ||
  a.column - b.column ||
  (a.ruleId ?? '').localeCompare(b.ruleId ?? '');

function findings(results: LintResult[]): Finding[] {
  return results
    .flatMap((result) =>
      result.messages.map((message) => ({
        file: path.relative(daemonDir, result.filePath).split(path.sep).join('/'),
        line: message.line,
        column: message.column,
        ruleId: message.ruleId,
        messageId: message.messageId,
        message: message.message,
      })),
    )
    .sort(byPosition);
}

describe.each(versions)('incident daemon with $name', ({ major, ESLint }) => {
  let plugin: BuiltPlugin;
  /** Lints with the daemon's own config file, as `eslint` run in examples/cronjob-daemon would. */
  let eslint: ESLintInstance;

  beforeAll(() => {
    plugin = loadBuiltPlugin();
    eslint = new ESLint({
      cwd: daemonDir,
      overrideConfigFile: configFile,
      // Under CI=true typescript-eslint assumes one lint per file per process; this file lints the
      // same files with ESLint 10 and 9, so keep its programs updatable.
      overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parserOptions: { disallowAutomaticSingleRunInference: true } } }],
    });
  });

  it(`is really ESLint ${major}`, () => {
    expect(ESLint.version.split('.')[0]).toBe(String(major));
  });

  it('loads the plugin as flat config, with every configured rule resolved', async () => {
    expect(plugin.meta.name).toBe('eslint-plugin-leaks');
    expect(plugin.configs.recommended.name).toBe('leaks/recommended');
    expect(plugin.configs['recommended-type-checked'].name).toBe('leaks/recommended-type-checked');

    const configured = Object.keys(plugin.configs['recommended-type-checked'].rules ?? {});
    expect(configured).toContain('leaks/no-leaked-subscription');
    for (const ruleId of configured) expect(plugin.rules[ruleId.replace(/^leaks\//, '')]?.create).toBeTypeOf('function');

    const config = await eslint.calculateConfigForFile(path.join(daemonDir, 'leaky', 'subscribe.ts'));
    // Resolved rule entries are `[severity, ...options]`, severity 2 for "error".
    for (const ruleId of configured) expect((config?.rules?.[ruleId] as unknown[] | undefined)?.[0], ruleId).toBe(2);
  });

  it('reports exactly the expected findings on leaky/', async () => {
    const actual = findings(await eslint.lintFiles(['leaky/']));
    const expected = [...EXPECTED_LEAKY_FINDINGS]
      .sort(byPosition)
      .map((finding) => ({ ...finding, message: finding.message ?? expect.any(String) }));
    expect(actual).toEqual(expected);
  });

  it('reports nothing on fixed/', async () => {
    const results = await eslint.lintFiles(['fixed/']);
    expect(results.map((result) => path.basename(result.filePath)).sort()).toEqual([
      'daemon.ts',
      'receive.ts',
      'subscribe.ts',
    ]);
    expect(findings(results)).toEqual([]);
  });

  it('lints plain JavaScript with the default parser and configs.recommended', async () => {
    const plain = new ESLint({
      cwd: daemonDir,
      overrideConfigFile: true,
      overrideConfig: [plugin.configs.recommended],
    });
    const code = ['export function startPolling(check) {', '  setInterval(check, 1000);', '}', ''].join('\n');
    const results = await plain.lintText(code, { filePath: path.join(daemonDir, 'polling.js') });
    expect(findings(results)).toEqual([
      {
        file: 'polling.js',
        line: 2,
        column: 3,
        ruleId: 'leaks/no-leaked-subscription',
        messageId: 'handleDropped',
        message: expect.stringContaining('`setInterval(check, 1000)` starts an interval'),
      },
    ]);
  });
});
