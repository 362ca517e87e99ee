import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.join(__dirname, '..', '..');

describe('an internal error', () => {
  // A child process running the built plugin with its engine broken on purpose: what a user's
  // editor or CI would see, strict only when asked to be.
  const script = `
    const engine = require('./dist/src/analysis/findLeak.js');
    engine.findLeak = () => { throw new Error('engine broke'); };
    const { Linter } = require('eslint');
    const plugin = require('./dist/src/index.js');
    const messages = new Linter().verify('export function f() {\\n  setInterval(() => {}, 1);\\n  debugger;\\n}',
      [{ plugins: { leaks: plugin }, rules: { 'leaks/no-leaked-subscription': 'error', 'no-debugger': 'error' } }], 'x.js');
    console.log(JSON.stringify(messages.map(({ ruleId, messageId, message, line, column }) => ({ ruleId, messageId, message, line, column }))));
  `;
  const run = (strict: boolean) => {
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'ESLINT_PLUGIN_LEAKS_STRICT'),
    );
    if (strict) env['ESLINT_PLUGIN_LEAKS_STRICT'] = '1';
    return spawnSync(process.execPath, ['-e', script], { cwd: root, env, encoding: 'utf8' });
  };

  it('becomes one finding on the file, naming the rule and the reason, and the lint goes on', () => {
    const result = run(false);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      {
        ruleId: 'leaks/no-leaked-subscription',
        messageId: 'internalError',
        message:
          'eslint-plugin-leaks: leaks/no-leaked-subscription stopped checking this file here after an internal error (Error: engine broke); please report it.',
        line: 2,
        column: 3,
      },
      { ruleId: 'no-debugger', messageId: 'unexpected', message: "Unexpected 'debugger' statement.", line: 3, column: 3 },
    ]);
  });

  it('fails the lint with its stack when ESLINT_PLUGIN_LEAKS_STRICT=1 (tests, the corpus run)', () => {
    const result = run(true);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('Error: engine broke');
    expect(result.stderr).toMatch(/at .*findLeak|at .*no-leaked-subscription/);
  });
});
