import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
// The subpath alone: the package's index also loads `TSESLint` and with it the scope manager.
import { RuleCreator } from '@typescript-eslint/utils/eslint-utils';

import { beginLint } from './analysis/otherFiles';
import { settingsProblem } from './analysis/settings';

/** `meta.docs` of this plugin's rules; configs are derived from `recommended` and `requiresTypeChecking`. */
export interface LeaksRuleDocs {
  description: string;
  /** In the `recommended` config (and so in `recommended-type-checked`). */
  recommended?: boolean;
  /** Needs type information: only in `recommended-type-checked`. */
  requiresTypeChecking?: boolean;
}

export const repositoryUrl = 'https://github.com/eslint-plugin-leaks/eslint-plugin-leaks';

const ruleCreator = RuleCreator<LeaksRuleDocs>((name) => `${repositoryUrl}/blob/main/docs/rules/${name}.md`);

/** The message every rule shares for its own failure, reported on the file like any finding. */
export const internalErrorMessage =
  'eslint-plugin-leaks: {{rule}} stopped checking this file here after an internal error ({{reason}}); please report it.';

/** The message every rule shares for a bad `settings.leaks`, reported once per file. */
export const invalidSettingsMessage = 'eslint-plugin-leaks: {{problem}}. See docs/settings.md.';

/** Files already told about a bad `settings.leaks` by one of the plugin's rules. */
const toldAboutSettings = new WeakSet<object>();

/**
 * Whether an internal error should fail the lint (a crash with its stack) instead of becoming a
 * finding: set `ESLINT_PLUGIN_LEAKS_STRICT=1`, as the tests and the corpus run do.
 */
function isStrict(): boolean {
  return process.env['ESLINT_PLUGIN_LEAKS_STRICT'] === '1';
}

/** `TypeError: Cannot read properties of undefined (reading 'x')` → one short line. */
function shortReason(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const line = text.split('\n')[0] ?? text;
  return line.length > 100 ? `${line.slice(0, 99)}…` : line;
}

/**
 * Creates a rule with its docs URL; checks `settings.leaks` before it runs, so a bad setting
 * becomes one `invalidSettings` finding per file naming the key (the plugin's rules then skip
 * the file) instead of ESLint's crash banner or silently doing nothing; and guards its
 * listeners, so an internal error becomes one `internalError` finding at the node where it
 * happened (seen in editors, CI and the CLI alike) and the rule skips the rest of that file,
 * instead of crashing the user's lint run.
 */
export const createRule: typeof ruleCreator = (rule) =>
  ruleCreator({
    ...rule,
    meta: {
      ...rule.meta,
      messages: { ...rule.meta.messages, internalError: internalErrorMessage, invalidSettings: invalidSettingsMessage },
    },
    create(context, options) {
      // ESLint creates every rule for a file before it walks it: the disk is read afresh per linted file.
      beginLint(context.sourceCode, context.id);
      const problem = settingsProblem(context);
      if (problem !== undefined) {
        if (toldAboutSettings.has(context.sourceCode)) return {};
        toldAboutSettings.add(context.sourceCode);
        return {
          Program() {
            context.report({
              loc: { line: 1, column: 0 },
              // Added to every rule's messages above, like `internalError`.
              messageId: 'invalidSettings' as Parameters<typeof context.report>[0]['messageId'],
              data: { problem },
            });
          },
        };
      }
      const listeners = rule.create(context, options);
      if (isStrict()) return listeners;
      let failed = false;
      const guarded: TSESLint.RuleListener = {};
      for (const [selector, listener] of Object.entries(listeners)) {
        if (typeof listener !== 'function') continue;
        const call = listener as unknown as (a: unknown, b: unknown, c: unknown) => void;
        // Node listeners take the node; code path listeners take segments or the path first and
        // the node last, at most three: `(segment, node)`, `(fromSegment, toSegment, node)`.
        // Three fixed parameters rather than a rest array: this runs for every node a rule listens to.
        guarded[selector] = (a?: unknown, b?: unknown, c?: unknown) => {
          if (failed) return;
          try {
            call(a, b, c);
          } catch (error) {
            failed = true;
            const node = (c ?? b ?? a) as TSESTree.Node | undefined;
            context.report({
              // Where it happened, as a point: a squiggle under one token, not the whole function.
              loc: node?.loc?.start ?? { line: 1, column: 0 },
              // Added to every rule's messages above; the rule's own message ids do not name it.
              messageId: 'internalError' as Parameters<typeof context.report>[0]['messageId'],
              data: { rule: `leaks/${rule.name}`, reason: shortReason(error) },
            });
          }
        };
      }
      return guarded;
    },
  });
