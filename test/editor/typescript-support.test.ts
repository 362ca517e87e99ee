import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as typescript from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { supportedTypeScript, typescriptProblem } from '../../src/analysis/otherFiles';

const root = path.join(__dirname, '..', '..');
const packageJson = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { peerDependencies: Record<string, string> };

// TypeScript 7 is installed for this test alone, outside the project: as a devDependency its `tsc`
// would take the place of TypeScript 6's in node_modules/.bin, and the typecheck with it.
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let typescript7Dir: string;
let typescript7Entry: string;
let typescript7: typeof typescript;
beforeAll(() => {
  typescript7Dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leaks-typescript7-'));
  const install = spawnSync(npm, ['install', '--silent', '--no-audit', '--no-fund', '--ignore-scripts', '--prefix', typescript7Dir, 'typescript@7.0.2'], {
    encoding: 'utf8',
  });
  if (install.status !== 0) throw new Error(`npm install typescript@7.0.2 failed: ${install.stderr}`);
  typescript7Entry = require.resolve('typescript', { paths: [typescript7Dir] });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  typescript7 = require(typescript7Entry) as typeof typescript;
}, 180_000);
afterAll(() => fs.rmSync(typescript7Dir, { recursive: true, force: true }));

describe('the TypeScript the parser of followed files loads', () => {
  it('is supported in the range the package declares', () => {
    expect(packageJson.peerDependencies['typescript']).toBe(supportedTypeScript);
    expect(typescriptProblem(typescript)).toBeUndefined();
  });

  it('names the range and what is lost for TypeScript 7, which has no JavaScript API', () => {
    expect(typescriptProblem(typescript7)).toBe(
      'TypeScript 7.0.2 is installed, and eslint-plugin-leaks supports typescript >=5.0.0 <6.1.0: calls are not followed into TypeScript files, so findings that span files (a job calling a helper in another file) are not reported.',
    );
  });

  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leaks-typescript-'));
    fs.writeFileSync(path.join(dir, 'watch.ts'), 'export function watch() {\n  setInterval(() => {}, 1000);\n}\n');
    fs.writeFileSync(path.join(dir, 'watchjs.js'), 'export function watch() {\n  setInterval(() => {}, 1000);\n}\n');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const run = (typescriptId: string, helper = './watch.js') => {
    // The built plugin in a child process where `typescript` is the real TypeScript 7 package:
    // two files follow a relative import to a helper that starts an interval (`./watch.js`
    // names watch.ts), and one warning says why nothing was followed.
    const script = `
      const Module = require('node:module');
      const resolve = Module._resolveFilename;
      Module._resolveFilename = function (request, ...rest) {
        return resolve.call(this, request === 'typescript' ? ${JSON.stringify(typescriptId)} : request, ...rest);
      };
      const { Linter } = require('eslint');
      const plugin = require('./dist/src/index.js');
      const linter = new Linter({ cwd: ${JSON.stringify(dir)} });
      for (const file of ['a.js', 'b.js']) {
        const messages = linter.verify("import { watch } from '${helper}';\\nsetInterval(() => { watch(); }, 1000);\\n",
          [{ plugins: { leaks: plugin }, rules: { 'leaks/no-repeated-subscription': 'error' } }], require('node:path').join(${JSON.stringify(dir)}, file));
        console.log(messages.length);
      }
    `;
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')));
    return spawnSync(process.execPath, ['-e', script], { cwd: root, env, encoding: 'utf8' });
  };

  it('with TypeScript 6, follows the call into watch.js', () => {
    const result = run('typescript');
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('1\n1\n');
  });

  it('with TypeScript 7, warns once per process, and the lint goes on', () => {
    const result = run(typescript7Entry);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('0\n0\n');
    const warnings = result.stderr.split('\n').filter((line) => line.includes('ESLINT_PLUGIN_LEAKS_TYPESCRIPT'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('TypeScript 7.0.2 is installed, and eslint-plugin-leaks supports typescript >=5.0.0 <6.1.0');
  });

  it('reads a JavaScript helper with ESLint\'s own parser, whatever TypeScript is installed', () => {
    for (const typescriptId of ['typescript', typescript7Entry]) {
      const result = run(typescriptId, './watchjs.js');
      expect(result.stderr).toBe('');
      expect(result.stdout).toBe('1\n1\n');
    }
  });
});
