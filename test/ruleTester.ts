import type { RuleModule } from '@typescript-eslint/utils/ts-eslint';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import * as path from 'node:path';

export const fixturesDir = path.join(__dirname, 'fixtures');

/** Parses with @typescript-eslint/parser and no project: the rules' "no type information" mode. */
export const untypedRuleTester = new RuleTester();

/** Parses `test/fixtures/file.ts` inside a real program that sees ioredis, rxjs, node-cron and @types/node. */
export const typedRuleTester = new RuleTester({
  languageOptions: {
    parserOptions: {
      project: './tsconfig.json',
      tsconfigRootDir: fixturesDir,
    },
  },
});

/** Plain JavaScript with ESLint's default parser (espree): no TypeScript syntax, no types. */
export const javascriptRuleTester = new RuleTester({
  languageOptions: { parser: espree, sourceType: 'module' },
  defaultFilenames: { ts: 'file.js', tsx: 'file.jsx' },
});

interface Cases<MessageIds extends string, Options extends readonly unknown[]> {
  valid: readonly (string | ValidTestCase<Options>)[];
  invalid: readonly InvalidTestCase<MessageIds, Options>[];
}

/** Runs the same cases without and with type information: both modes must agree on them. */
export function runInBothModes<MessageIds extends string, Options extends readonly unknown[]>(
  name: string,
  rule: RuleModule<MessageIds, Options>,
  cases: Cases<MessageIds, Options>,
): void {
  // Case filenames are relative to test/fixtures, where the typed tester resolves them; the untyped
  // tester gets the same absolute path so relative imports find the same files.
  const inFixtures = <T extends string | { filename?: string }>(item: T): T =>
    typeof item === 'object' && item.filename ? { ...item, filename: path.join(fixturesDir, item.filename) } : item;
  untypedRuleTester.run(`${name} (untyped)`, rule, {
    valid: cases.valid.map(inFixtures),
    invalid: cases.invalid.map(inFixtures),
  });
  typedRuleTester.run(`${name} (typed)`, rule, cases);
}
