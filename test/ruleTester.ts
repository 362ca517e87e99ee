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
  untypedRuleTester.run(`${name} (untyped)`, rule, cases);
  typedRuleTester.run(`${name} (typed)`, rule, cases);
}
