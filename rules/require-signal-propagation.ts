import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { enclosingFunction, isFunctionNode, methodCallParts, shortText, staticString } from '../src/analysis/ast';
import { describeFunction, findLeak } from '../src/analysis/findLeak';
import { importedName } from '../src/analysis/imports';
import { optionsArgument } from '../src/analysis/signalArguments';
import { findSignalInScope } from '../src/analysis/signalInScope';
import type { SignalParameter } from '../src/analysis/signalParameter';
import { signalIsGiven, signalParameterOf } from '../src/analysis/signalParameter';
import { createRule } from '../src/createRule';
import { passSignal, signalProperty } from '../src/fix/passSignal';
import { signalArgumentEdit } from '../src/fix/signalArgument';

export type MessageIds = 'missingSignal';

type AllowEntry = string | { from: 'package'; package: string; name: string };
export type Options = [{ allow?: AllowEntry[] }];

export default createRule<Options, MessageIds>({
  name: 'require-signal-propagation',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require passing the AbortSignal in scope to calls that accept one',
      recommended: true,
    },
    fixable: 'code',
    messages: {
      missingSignal:
        '`{{call}}` takes an AbortSignal but is not given `{{signal}}`, so aborting {{owner}} does not stop it.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: {
            type: 'array',
            description:
              'Calls that deliberately run detached from the signal in scope: a callee as written (`"fetch"`, `"audit.flush"`), or an export of a package (`{ "from": "package", "package": "undici", "name": "request" }`).',
            items: {
              oneOf: [
                { type: 'string', minLength: 1 },
                {
                  type: 'object',
                  additionalProperties: false,
                  required: ['from', 'package', 'name'],
                  properties: {
                    from: { type: 'string', enum: ['package'] },
                    package: { type: 'string', minLength: 1 },
                    name: { type: 'string', minLength: 1 },
                  },
                },
              ],
            },
          },
        },
      },
    ],
    defaultOptions: [{ allow: [] }],
  },
  create(context, [{ allow = [] }]) {
    // Cheap pre-filter: a file that never mentions a signal has none in scope.
    if (!/signal|AbortController/i.test(context.sourceCode.text)) return {};

    return {
      CallExpression(call) {
        if (!enclosingFunction(call) || isAllowed(call) || inCleanupPath(call)) return;
        // The signal first: it is cached per scope, while a call's signature is a type query.
        const signal = findSignalInScope(context, call);
        if (!signal) return;
        const parameter = signalParameterOf(context, call);
        if (!parameter || signalIsGiven(context, call, parameter)) return;
        // A listener left on a long-lived target is no-leaked-subscription's finding, with its own fix.
        if (findLeak(context, call)) return;
        const fn = enclosingFunction(call);
        context.report({
          node: call,
          messageId: 'missingSignal',
          data: { call: shortText(context.sourceCode, call), signal: signal.text, owner: describeFunction(fn) },
          fix: (fixer) => giveSignal(fixer, call, parameter, signal.text),
        });
      },
    };

    function giveSignal(
      fixer: TSESLint.RuleFixer,
      call: TSESTree.CallExpression,
      parameter: SignalParameter,
      signal: string,
    ): TSESLint.RuleFix | null {
      if (parameter.kind === 'composition') {
        const first = parameter.signals.elements[0];
        return first ? fixer.insertTextBefore(first, `${signal}, `) : fixer.replaceText(parameter.signals, `[${signal}]`);
      }
      if (parameter.kind === 'positional') return givePositionalSignal(fixer, call, parameter, signal);
      const position = parameter.position;
      if (position === 'last') {
        // Merge into trailing options, or add them after the last argument that is not a callback.
        const existing = optionsArgument(call, 'last');
        if (existing?.type === AST_NODE_TYPES.ObjectExpression) {
          return passSignal(fixer, context.sourceCode, call, call.arguments.indexOf(existing), signal) ?? null;
        }
        const index = call.arguments.findLastIndex((argument) => !isFunctionNode(argument)) + 1;
        const edit = signalArgumentEdit(context.sourceCode, call, Math.max(index, 1), `{ ${signalProperty(signal)} }`);
        return edit ? fixer.replaceTextRange(edit.range, edit.text) : null;
      }
      return passSignal(fixer, context.sourceCode, call, position, signal) ?? null;
    }

    function givePositionalSignal(
      fixer: TSESLint.RuleFixer,
      call: TSESTree.CallExpression,
      parameter: Extract<SignalParameter, { kind: 'positional' }>,
      signal: string,
    ): TSESLint.RuleFix | null {
      const argument = call.arguments[parameter.index];
      if (argument) return fixer.replaceText(argument, signal);
      const edit = signalArgumentEdit(context.sourceCode, call, parameter.index, signal);
      return edit ? fixer.replaceTextRange(edit.range, edit.text) : null;
    }

    function isAllowed(call: TSESTree.CallExpression): boolean {
      if (allow.length === 0) return false;
      const callee = context.sourceCode.getText(call.callee);
      const root = call.callee.type === AST_NODE_TYPES.MemberExpression ? call.callee.object : call.callee;
      const imported = root.type === AST_NODE_TYPES.Identifier ? importedName(context.sourceCode, root) : undefined;
      const member = methodCallParts(call)?.method;
      return allow.some((entry) =>
        typeof entry === 'string'
          ? entry === callee
          : imported?.module === entry.package.replace(/^node:/, '') &&
            (imported.name === entry.name || (member === entry.name && ['*', 'default'].includes(imported.name))),
      );
    }

    /** In a `finally` or an `abort` handler the signal may already have aborted: passing it would cancel the cleanup. */
    function inCleanupPath(call: TSESTree.CallExpression): boolean {
      for (let current: TSESTree.Node | undefined = call.parent; current; current = current.parent) {
        if (current.parent?.type === AST_NODE_TYPES.TryStatement && current.parent.finalizer === current) return true;
        if (isFunctionNode(current)) {
          const registration = current.parent;
          if (
            registration.type === AST_NODE_TYPES.CallExpression &&
            methodCallParts(registration)?.method === 'addEventListener' &&
            staticString(registration.arguments[0]) === 'abort'
          ) {
            return true;
          }
          if (registration.type === AST_NODE_TYPES.AssignmentExpression && context.sourceCode.getText(registration.left).endsWith('.onabort')) {
            return true;
          }
          return false;
        }
      }
      return false;
    }
  },
});
