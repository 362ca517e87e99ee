// Setup file for `npm run fixcheck`'s collection pass (test/fixcheck/vitest.config.mts): instead of
// running the rule tests, every `RuleTester#run` writes its invalid cases, with the rule's name and
// the tester's mode, to $FIXCHECK_CASES_DIR, so the harness checks the same cases the tests state.
import { RuleTester } from '@typescript-eslint/rule-tester';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { it } from 'vitest';

import { fixturesDir, javascriptRuleTester, typedRuleTester, untypedRuleTester } from '../ruleTester';

/** One invalid case as the harness needs it: what to lint, how, and with which rule. */
export interface CollectedCase {
  code: string;
  /** Relative to test/fixtures. */
  filename?: string;
  options?: readonly unknown[];
  settings?: Readonly<Record<string, unknown>>;
}

export interface CollectedSuite {
  /** The suite's name, as the test file gives it. */
  name: string;
  rule: string;
  mode: 'typed' | 'untyped' | 'javascript';
  cases: CollectedCase[];
  /**
   * Every message the suite's invalid cases state, reports and suggestions alike: the rule's
   * `meta.messages[messageId]` filled with the case's `data`, as RuleTester checks them
   * (test/messages.test.ts measures them).
   */
  messages: { messageId: string; text: string; suggestion: boolean }[];
}

const outDir = process.env['FIXCHECK_CASES_DIR'];
if (!outDir) throw new Error('FIXCHECK_CASES_DIR is not set: run this through `npm run fixcheck`');

RuleTester.prototype.run = function collect(name, rule, tests): void {
  const url = rule.meta.docs?.url ?? '';
  const ruleName = /\/([\w-]+)\.md$/.exec(url)?.[1];
  if (!ruleName) throw new Error(`${name}: a rule without a docs URL`);
  const mode = this === typedRuleTester ? 'typed' : this === javascriptRuleTester ? 'javascript' : 'untyped';
  if (this !== typedRuleTester && this !== javascriptRuleTester && this !== untypedRuleTester) {
    throw new Error(`${name}: a RuleTester the fix check does not know; use the ones in test/ruleTester.ts`);
  }
  const suite: CollectedSuite = {
    name,
    rule: ruleName,
    mode,
    cases: tests.invalid.map((test) => ({
      code: test.code,
      ...(test.filename !== undefined && {
        filename: path.isAbsolute(test.filename) ? path.relative(fixturesDir, test.filename) : test.filename,
      }),
      ...(test.options !== undefined && { options: test.options }),
      ...(test.settings !== undefined && { settings: test.settings }),
    })),
    messages: tests.invalid.flatMap((test) =>
      test.errors.flatMap((error) => [
        ...stated(rule.meta.messages, error, false),
        ...(error.suggestions ?? []).flatMap((suggestion) => stated(rule.meta.messages, suggestion, true)),
      ]),
    ),
  };
  writeFileSync(path.join(outDir, `${randomUUID()}.json`), JSON.stringify(suite));
  it(`collected ${suite.cases.length} invalid cases of ${name}`, () => undefined);
};

/** The message a stated error or suggestion stands for, when the case says it whole. */
function stated(
  messages: Readonly<Record<string, string>>,
  expected: { messageId?: string; message?: string | RegExp; data?: Readonly<Record<string, unknown>> },
  suggestion: boolean,
): CollectedSuite['messages'] {
  if (typeof expected.message === 'string') return [{ messageId: '', text: expected.message, suggestion }];
  const template = expected.messageId === undefined ? undefined : messages[expected.messageId];
  if (template === undefined || expected.messageId === undefined) return [];
  const text = template.replace(/\{\{\s*([^{}]+?)\s*\}\}/g, (whole, key: string) =>
    expected.data && key in expected.data ? String(expected.data[key]) : whole,
  );
  // A case that names only the messageId does not say the message: nothing to measure.
  return text.includes('{{') ? [] : [{ messageId: expected.messageId, text, suggestion }];
}
