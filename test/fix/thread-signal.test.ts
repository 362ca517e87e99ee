import { ESLint } from 'eslint';
import type { Linter } from 'eslint';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import tsParser, { clearCaches } from '@typescript-eslint/parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import plugin from '../../src/index';

// The story issue 5 promises: a suggestion gives a helper a signal, require-signal-propagation's
// --fix passes it from a caller in another file, and the program still typechecks.
const helperSource = `import type { EventEmitter } from 'node:events';

export function follow(bus: EventEmitter, onJob: (job: unknown) => void) {
  bus.on('job', onJob);
}

export function followWithin(bus: EventEmitter, onJob: (job: unknown) => void, signal: AbortSignal) {
  follow(bus, onJob);
}
`;

const callerSource = `import type { EventEmitter } from 'node:events';
import { follow } from './helper';

export function start(bus: EventEmitter, options: { signal: AbortSignal }) {
  follow(bus, (job) => console.log(job));
}
`;

let dir: string;

/** Each step is a separate `eslint` run, as on the command line: no program kept from the last one. */
function eslintWith(rule: string, fix: boolean): ESLint {
  clearCaches();
  return new ESLint({
    cwd: dir,
    fix,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        languageOptions: {
          parser: tsParser as Linter.Parser,
          parserOptions: { project: './tsconfig.json', tsconfigRootDir: dir, disallowAutomaticSingleRunInference: true },
        },
        plugins: { leaks: plugin as unknown as ESLint.Plugin },
        rules: { [`leaks/${rule}`]: 'error' },
      },
    ],
  });
}

function typeErrors(): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(dir, 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: () => undefined,
  });
  if (!config) throw new Error('fixture tsconfig did not parse');
  const program = ts.createProgram(config.fileNames, config.options);
  return ts
    .getPreEmitDiagnostics(program)
    .map((diagnostic) => `${path.basename(diagnostic.file?.fileName ?? '')}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
}

describe('threading a signal across files with repeated fixes', () => {
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(__dirname, '.tmp-thread-'));
    fs.writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', types: ['node'], noEmit: true },
        include: ['*.ts'],
      }),
    );
    fs.writeFileSync(path.join(dir, 'helper.ts'), helperSource);
    fs.writeFileSync(path.join(dir, 'caller.ts'), callerSource);
  });

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('starts from a program that typechecks', () => {
    expect(typeErrors()).toEqual([]);
  });

  it('step 1: the suggestion adds the parameter, ends the listener, and updates the same-file caller', async () => {
    const [result] = await eslintWith('no-leaked-subscription', false).lintFiles(['helper.ts']);
    const suggestion = result?.messages[0]?.suggestions?.[0];
    expect(result?.messages.map((message) => message.line)).toEqual([4]);
    expect(suggestion?.desc).toBe('Add an optional `signal?: AbortSignal` parameter to `follow()` and end this when it aborts.');
    if (!suggestion) throw new Error('no suggestion');
    const fix = suggestion.fix;
    const fixed = helperSource.slice(0, fix.range[0]) + fix.text + helperSource.slice(fix.range[1]);
    expect(fixed).toBe(`import type { EventEmitter } from 'node:events';

export function follow(bus: EventEmitter, onJob: (job: unknown) => void, signal?: AbortSignal) {
  bus.on('job', onJob);
  if (signal?.aborted) bus.off('job', onJob);
  else signal?.addEventListener('abort', () => bus.off('job', onJob), { once: true });
}

export function followWithin(bus: EventEmitter, onJob: (job: unknown) => void, signal: AbortSignal) {
  follow(bus, onJob, signal);
}
`);
    fs.writeFileSync(path.join(dir, 'helper.ts'), fixed);
    // The new parameter is optional: the caller in the other file still compiles, and
    // require-signal-propagation points it out (step 2).
    expect(typeErrors()).toEqual([]);
  });

  it('step 2: require-signal-propagation --fix passes the caller its signal, and the program typechecks', async () => {
    const [result] = await eslintWith('require-signal-propagation', true).lintFiles(['caller.ts']);
    expect(result?.output).toBe(`import type { EventEmitter } from 'node:events';
import { follow } from './helper';

export function start(bus: EventEmitter, options: { signal: AbortSignal }) {
  follow(bus, (job) => console.log(job), options.signal);
}
`);
    if (!result) throw new Error('no result');
    await ESLint.outputFixes([result]);
    expect(typeErrors()).toEqual([]);
  });

  it('step 3: a second run changes nothing', async () => {
    const results = await eslintWith('require-signal-propagation', true).lintFiles(['caller.ts', 'helper.ts']);
    expect(results.map((result) => [path.basename(result.filePath), result.output, result.messages])).toEqual([
      ['caller.ts', undefined, []],
      ['helper.ts', undefined, []],
    ]);
  });
});
