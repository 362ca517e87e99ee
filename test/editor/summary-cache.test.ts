import { Linter } from 'eslint';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

import { contextForRelativeImport, followedFilesCache } from '../../src/analysis/otherFiles';
import plugin from '../../src/index';

const config = [{ plugins: { leaks: plugin }, rules: { 'leaks/no-repeated-subscription': 'error' as const } }];

describe('summaries do not depend on the order functions are asked in', () => {
  // `b` leaks through `a`. Asked about `a` first, the recursion guard cuts `b`'s call back into
  // `a` short: that cut-short "nothing" for `b` must not be remembered as `b`'s answer.
  const helpers = `
function a() { b(); setInterval(() => {}, 1000); }
function b() { a(); }
`;
  const lint = (calls: string) =>
    new Linter()
      .verify(`${helpers}setInterval(() => { ${calls} }, 60000);\n`, config, 'file.js')
      .map((message) => `${message.line}:${message.column} ${message.message.slice(0, 60)}`);

  it.each(['a(); b();', 'b(); a();'])('reports both calls for `%s`', (calls) => {
    const messages = lint(calls);
    expect(messages).toHaveLength(2);
    expect(messages.some((message) => message.includes('`a()`'))).toBe(true);
    expect(messages.some((message) => message.includes('`b()`'))).toBe(true);
  });
});

describe('the followed-file cache', () => {
  it('stays within its byte budget, dropping the least recently used file first', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leaks-budget-'));
    const saved = followedFilesCache().budget;
    try {
      const from = path.join(dir, 'main.js');
      const body = `export function helper() {\n  setInterval(() => {}, 1000);\n}\n${'// padding\n'.repeat(200)}`;
      for (let i = 0; i < 40; i++) fs.writeFileSync(path.join(dir, `helper${i}.js`), body);
      followedFilesCache(1_000_000);
      for (let i = 0; i < 40; i++) {
        // helper0 is used again before each new file: it stays, the others make way.
        expect(contextForRelativeImport(from, './helper0.js', 'helper', undefined)).toBeDefined();
        expect(contextForRelativeImport(from, `./helper${i}.js`, 'helper', undefined)).toBeDefined();
        expect(followedFilesCache().bytes).toBeLessThanOrEqual(1_000_000);
      }
      const { files, bytes } = followedFilesCache();
      expect(files).toBeGreaterThan(1);
      expect(files).toBeLessThan(40);
      expect(bytes).toBeGreaterThan(0);
      // Still cached, so the same context comes back.
      const first = contextForRelativeImport(from, './helper0.js', 'helper', undefined);
      expect(contextForRelativeImport(from, './helper0.js', 'helper', undefined)).toBe(first);
    } finally {
      followedFilesCache(saved);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sees a helper written between two lints of the same text in one job', () => {
    // Stats and module resolutions are remembered while a file is linted, not from one lint to the next.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leaks-created-'));
    try {
      const from = path.join(dir, 'main.js');
      const text = `import { helper } from './helper';\nsetInterval(() => { helper(); }, 60000);\n`;
      const lint = () => new Linter({ cwd: dir }).verify(text, config, from).map((message) => `${message.line}:${message.column} ${message.ruleId}`);
      expect(lint()).toEqual([]);
      fs.writeFileSync(path.join(dir, 'helper.js'), 'export function helper() {\n  setInterval(() => {}, 1000);\n}\n');
      expect(lint()).toEqual(['2:21 leaks/no-repeated-subscription']);
      fs.rmSync(path.join(dir, 'helper.js'));
      expect(lint()).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sees a helper written between two lints of one SourceCode object in one job', () => {
    // `Linter#verify` takes a SourceCode as well as a text: linting it again is a new lint, which reads the disk afresh.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leaks-same-source-'));
    try {
      const from = path.join(dir, 'main.js');
      const linter = new Linter({ cwd: dir });
      linter.verify(`import { helper } from './helper';\nsetInterval(() => { helper(); }, 60000);\n`, config, from);
      const sourceCode = linter.getSourceCode();
      const lint = () => linter.verify(sourceCode, config, from).map((message) => `${message.line}:${message.column} ${message.ruleId}`);
      expect(lint()).toEqual([]);
      fs.writeFileSync(path.join(dir, 'helper.js'), 'export function helper() {\n  setInterval(() => {}, 1000);\n}\n');
      expect(lint()).toEqual(['2:21 leaks/no-repeated-subscription']);
      fs.rmSync(path.join(dir, 'helper.js'));
      expect(lint()).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the file used last even when it alone is over the budget', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leaks-budget-'));
    const saved = followedFilesCache().budget;
    try {
      const from = path.join(dir, 'main.js');
      fs.writeFileSync(path.join(dir, 'big.js'), 'export function helper() {\n  setInterval(() => {}, 1000);\n}\n');
      followedFilesCache(1);
      const first = contextForRelativeImport(from, './big.js', 'helper', undefined);
      expect(first).toBeDefined();
      expect(contextForRelativeImport(from, './big.js', 'helper', undefined)).toBe(first);
      expect(followedFilesCache().files).toBe(1);
    } finally {
      followedFilesCache(saved);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
