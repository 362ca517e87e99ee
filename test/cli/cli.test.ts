import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The `eslint-plugin-leaks` command, built (`npm run build` first), run as a user runs it: in a
// child process, on a repository made here with real git commits, and on the incident example.

const root = path.join(__dirname, '..', '..');
const cli = path.join(root, 'dist', 'src', 'cli.js');

function run(args: string[], cwd: string) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'ESLINT_PLUGIN_LEAKS_STRICT'));
  return spawnSync(process.execPath, [cli, ...args], { cwd, env, encoding: 'utf8' });
}

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', args, { cwd, stdio: 'ignore' });
}

const files: Record<string, string> = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'nodenext', strict: true, noEmit: true, lib: ['ES2022', 'DOM'] }, include: ['src'] }),
  // The cron job: it never changes.
  'src/cron.ts': "import { refresh } from './jobs.js';\n\nsetInterval(() => {\n  refresh();\n}, 60_000);\n",
  'src/jobs.ts': "import { watch } from './watch.js';\n\nexport function refresh(): void {\n  watch();\n}\n",
  // The helper: it hands its interval back, so its caller owns it.
  'src/watch.ts': 'export function watch(): ReturnType<typeof setInterval> {\n  return setInterval(() => {}, 1000);\n}\n',
  // Imports nothing that changes: not linted by a partial run.
  'src/unrelated.ts': 'export const answer = 42;\n',
  '.gitignore': 'dist/\n',
  'dist/built.js': 'setInterval(() => { setInterval(() => {}, 1); }, 1);\n',
};

/** What the helper becomes in the second commit: the interval is dropped, and every tick adds one. */
const leakyWatch = 'export function watch(): void {\n  setInterval(() => {}, 1000);\n}\n';

interface JsonReport {
  files: number;
  defects: { file: string; line: number; column: number; ruleId: string; path: { file: string; line: number }[]; related: { file: string; line: number; ruleId: string }[] }[];
}

describe('eslint-plugin-leaks on a git repository', () => {
  let repo: string;
  beforeAll(() => {
    expect(fs.existsSync(cli)).toBe(true);
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'leaks-cli-'));
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(repo, name)), { recursive: true });
      fs.writeFileSync(path.join(repo, name), text);
    }
    git(repo, 'init', '-q');
    git(repo, 'add', '.');
    git(repo, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'a helper that hands its interval back');
    fs.writeFileSync(path.join(repo, 'src/watch.ts'), leakyWatch);
    git(repo, 'add', '.');
    git(repo, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'the helper drops it');
  });
  afterAll(() => fs.rmSync(repo, { recursive: true, force: true }));

  const expectCronDefect = (report: JsonReport) => {
    expect(report.defects).toHaveLength(1);
    const [defect] = report.defects;
    expect(defect).toMatchObject({ file: 'src/cron.ts', line: 4, column: 3, ruleId: 'leaks/no-repeated-subscription' });
    expect(defect?.path.map((step) => `${step.file}:${step.line}`)).toEqual(['src/cron.ts:4', 'src/watch.ts:1', 'src/watch.ts:2']);
    expect(defect?.related.map((other) => `${other.file}:${other.line} ${other.ruleId}`)).toEqual(['src/watch.ts:2 leaks/no-leaked-subscription']);
  };

  it('--since HEAD~1 lints the changed helper and every file that imports it, and reports the unchanged cron job', () => {
    const result = run(['--since', 'HEAD~1', '--format', 'json'], repo);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as JsonReport;
    // watch.ts, jobs.ts and cron.ts; not unrelated.ts, not the ignored dist/.
    expect(report.files).toBe(3);
    expectCronDefect(report);
  });

  it('--changed <files> does the same for the files a hook is handed', () => {
    const result = run(['--format', 'json', '--changed', 'src/watch.ts'], repo);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.files).toBe(3);
    expectCronDefect(report);
  });

  it('--changed with only an unrelated file lints just it, and exits 0', () => {
    const result = run(['--changed', 'src/unrelated.ts'], repo);
    expect(result.stdout).toBe('No leaks found in 1 file.\n');
    expect(result.status).toBe(0);
  });

  it('lints the whole repository by default, build output left out, one defect shown once with its path', () => {
    const result = run([], repo);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('path: src/cron.ts:4:3 refresh() → src/watch.ts:1 watch → src/watch.ts:2:3 setInterval');
    // The message names the files on the path as the run does: relative to where it runs.
    expect(result.stdout).toContain('running: watch (src/watch.ts:1) → setInterval (src/watch.ts:2).');
    expect(result.stdout).toContain('also reported at src/watch.ts:2:3  leaks/no-leaked-subscription');
    expect(result.stdout).toContain(
      '✖ 1 problem in 1 file (4 linted), and 1 finding of the same start shown under the call that leads there',
    );
    expect(result.stdout).not.toContain('dist/');
  });

  it('writes SARIF 2.1.0 that the schema accepts, with the call path as a code flow', () => {
    const result = run(['--format', 'sarif'], repo);
    expect(result.status).toBe(1);
    const log = JSON.parse(result.stdout) as { runs: { results: { codeFlows?: unknown[]; relatedLocations?: unknown[] }[] }[] };
    const ajv = new Ajv({ strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const schema = JSON.parse(
      fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
    ) as object;
    const validate = ajv.compile(schema);
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(log.runs[0]?.results).toHaveLength(1);
    expect(log.runs[0]?.results[0]?.codeFlows).toHaveLength(1);
    expect(log.runs[0]?.results[0]?.relatedLocations).toHaveLength(1);
  });

  it('run from below the tsconfig, still lints with type information', () => {
    const result = run(['--format', 'json'], path.join(repo, 'src'));
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.files).toBe(4);
    expect(report.defects.map((defect) => `${defect.file}:${defect.line} ${defect.ruleId}`)).toEqual(['cron.ts:4 leaks/no-repeated-subscription']);
  });

  it('lints a directory git ignores when it is asked for by name', () => {
    const result = run(['--format', 'json', 'dist'], repo);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.files).toBe(1);
    expect(report.defects.map((defect) => `${defect.file}:${defect.line} ${defect.ruleId}`)).toEqual(['dist/built.js:1 leaks/no-repeated-subscription']);
  });

  it('lints a repository given by absolute path from another directory, with type information', () => {
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'leaks-cli-elsewhere-'));
    try {
      const result = run(['--format', 'json', repo], elsewhere);
      const report = JSON.parse(result.stdout) as JsonReport;
      expect(report.files).toBe(4);
      const prefix = path.relative(elsewhere, repo);
      expect(report.defects.map((defect) => `${defect.file}:${defect.line} ${defect.ruleId}`)).toEqual([`${prefix}/src/cron.ts:4 leaks/no-repeated-subscription`]);
      expect(result.status).toBe(1);
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('rejects an unknown format with exit code 2', () => {
    const result = run(['--format', 'xml'], repo);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Unknown format: xml');
  });
});

describe('eslint-plugin-leaks on the incident example', () => {
  it('prints the incident as one finding with its path', () => {
    const result = run(['examples/cronjob-daemon/leaky'], root);
    expect(result.status).toBe(1);
    const daemon = result.stdout.split('\n\n')[0];
    expect(daemon).toContain("examples/cronjob-daemon/leaky/daemon.ts\n  22:3  error  `subscribeNewTaskMsgIfAvailable()` is called on every tick");
    expect(daemon).toContain(
      'path: examples/cronjob-daemon/leaky/daemon.ts:22:3 subscribeNewTaskMsgIfAvailable() → examples/cronjob-daemon/leaky/subscribe.ts:7:8 sub.subscribe',
    );
    expect(daemon).toContain('also reported at examples/cronjob-daemon/leaky/subscribe.ts:7:8  leaks/no-leaked-subscription');
    // The helper's finding is not listed again on its own.
    expect(result.stdout).not.toContain('examples/cronjob-daemon/leaky/subscribe.ts\n');
  });
});

describe('progress on a large repository', () => {
  it('goes to stderr, leaving stdout to the report', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leaks-cli-large-'));
    try {
      for (let i = 0; i < 200; i++) fs.writeFileSync(path.join(dir, `module${i}.js`), `export const value${i} = ${i};\n`);
      const result = run([], dir);
      expect(result.status).toBe(0);
      expect(result.stdout).toBe('No leaks found in 200 files.\n');
      expect(result.stderr).toContain('eslint-plugin-leaks: 200/200 files');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('an older JavaScript repository', () => {
  it('lints a file with an eslint-env comment (ESLint 10 calls it fatal but lints it) and leaves untracked node_modules out', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leaks-cli-old-'));
    try {
      const leak = "/* eslint-env node */\nconst { EventEmitter } = require('events');\nconst bus = new EventEmitter();\nsetInterval(() => {\n  bus.on('x', () => {});\n}, 1000);\n";
      fs.writeFileSync(path.join(dir, 'app.js'), leak);
      fs.mkdirSync(path.join(dir, 'node_modules', 'dep'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'node_modules', 'dep', 'index.js'), 'setInterval(() => { setInterval(() => {}, 1); }, 1);\n');
      git(dir, 'init', '-q');
      const result = run(['--format', 'json', '--no-progress'], dir);
      expect(result.status).toBe(1);
      const report = JSON.parse(result.stdout) as JsonReport;
      expect(report.files).toBe(1);
      expect(report.defects.map((defect) => `${defect.file}:${defect.line} ${defect.ruleId}`)).toEqual(['app.js:5 leaks/no-repeated-subscription']);
      expect(result.stderr).toContain('app.js: /* eslint-env */ comments are no longer supported.');
      expect(result.stderr).not.toContain('node_modules');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
