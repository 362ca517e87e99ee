import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { isTopLevelScope } from '../analysis/ast';
import { AST_NODE_TYPES } from '../analysis/estree';
import { signalApi } from '../analysis/families/abortSignal';
import { timers } from '../analysis/families/timers';
import type { AnalysisContext } from '../analysis/fileCache';
import { importedName } from '../analysis/imports';
import { showsNode } from '../analysis/nodeEvidence';
import { freeName } from './freeName';
import { indentationOf } from './indentation';
import { signalProperty } from './passSignal';

/** `catch {` → `catch (error) {` when the error is needed; the name to use either way. */
function catchParameter(
  context: AnalysisContext,
  fixer: TSESLint.RuleFixer,
  handler: TSESTree.CatchClause,
): { name: string; fix?: TSESLint.RuleFix } {
  if (handler.param?.type === AST_NODE_TYPES.Identifier) return { name: handler.param.name };
  if (handler.param) return { name: '' };
  const name = freeName(context, handler.body, 'error');
  return { name, fix: fixer.insertTextBefore(handler.body, `(${name}) `) };
}

/** First thing in the catch: `if (signal.aborted) throw error;`, so an abort ends the loop. */
export function rethrowWhenAborted(
  context: AnalysisContext,
  fixer: TSESLint.RuleFixer,
  handler: TSESTree.CatchClause,
  signal: string,
  { optional = false }: { optional?: boolean } = {},
): TSESLint.RuleFix[] {
  const parameter = catchParameter(context, fixer, handler);
  if (!parameter.name) return [];
  const indent = `${indentationOf(context.sourceCode, handler)}  `;
  return [
    ...(parameter.fix ? [parameter.fix] : []),
    fixer.insertTextAfterRange(
      [handler.body.range[0], handler.body.range[0] + 1],
      `\n${indent}if (${signal}${optional ? '?.' : '.'}${signalApi.aborted}) throw ${parameter.name};`,
    ),
  ];
}

const sleepModule = `node:${timers.fixSleep.module}`;

/**
 * Whether the wait {@link waitBeforeRetry} writes is Node's `timers/promises` sleep, which takes the
 * signal: the file imports it already, or shows it runs on Node. Otherwise the file may run in a
 * browser, and the wait is the platform's own `setTimeout` in a promise, without the signal.
 */
export function sleepsWithNode(context: AnalysisContext): boolean {
  return existingSleepImport(context) !== undefined || showsNode(context.sourceCode);
}

/**
 * Last thing before going round again: `await sleep(1000, undefined, { signal })`, with
 * `import { setTimeout as sleep } from 'node:timers/promises'` added when the file has none; in a
 * file that shows no sign of Node, `await new Promise((resolve) => setTimeout(resolve, 1000))`.
 */
export function waitBeforeRetry(
  context: AnalysisContext,
  fixer: TSESLint.RuleFixer,
  handler: TSESTree.CatchClause,
  signal: string | undefined,
): TSESLint.RuleFix[] {
  const { sourceCode } = context;
  const fixes: TSESLint.RuleFix[] = [];
  let wait = `await new Promise((resolve) => setTimeout(resolve, 1000));`;
  if (sleepsWithNode(context)) {
    let sleep = existingSleepImport(context);
    if (!sleep) {
      sleep = freeName(context, sourceCode.ast, 'sleep');
      fixes.push(addSleepImport(fixer, sourceCode, sleep));
    }
    wait = `await ${sleep}(1000${signal ? `, undefined, { ${signalProperty(signal)} }` : ''});`;
  }
  const statements = handler.body.body;
  const last = statements.at(-1);
  if (last?.type === AST_NODE_TYPES.ContinueStatement || last?.type === AST_NODE_TYPES.BreakStatement) {
    fixes.push(fixer.insertTextBefore(last, `${wait}\n${indentationOf(sourceCode, last)}`));
  } else if (last?.type === AST_NODE_TYPES.ThrowStatement || last?.type === AST_NODE_TYPES.ReturnStatement) {
    // The catch goes round through a `continue` earlier on (`if (retryable) continue; throw error;`): wait first.
    fixes.push(fixer.insertTextBefore(statements[0] as TSESTree.Statement, `${wait}\n${indentationOf(sourceCode, statements[0] as TSESTree.Statement)}`));
  } else if (last) {
    fixes.push(fixer.insertTextAfter(last, `\n${indentationOf(sourceCode, last)}${wait}`));
  } else {
    fixes.push(
      fixer.insertTextAfterRange(
        [handler.body.range[0], handler.body.range[0] + 1],
        `\n${indentationOf(sourceCode, handler)}  ${wait}\n${indentationOf(sourceCode, handler)}`,
      ),
    );
  }
  return fixes;
}

/**
 * The local name of an existing `import { setTimeout as x } from 'timers/promises'` or
 * `const { setTimeout: x } = require('timers/promises')`, at the top of the module.
 */
function existingSleepImport(context: AnalysisContext): string | undefined {
  const globalScope = context.sourceCode.scopeManager?.globalScope;
  const topScopes = globalScope ? [globalScope, ...globalScope.childScopes.filter(isTopLevelScope)] : [];
  for (const variable of topScopes.flatMap((scope) => scope.variables)) {
    const binding = variable.defs[0]?.name;
    if (binding?.type !== AST_NODE_TYPES.Identifier) continue;
    const imported = importedName(context.sourceCode, binding);
    if (imported?.module === timers.fixSleep.module && imported.name === timers.fixSleep.name) return variable.name;
  }
  return undefined;
}

function addSleepImport(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  name: string,
): TSESLint.RuleFix {
  const body = sourceCode.ast.body;
  const imports = body.filter((statement) => statement.type === AST_NODE_TYPES.ImportDeclaration);
  const usesRequire = imports.length === 0 && (sourceCode.ast.sourceType !== 'module' || isCommonJs(sourceCode));
  const declaration = usesRequire
    ? `const { ${timers.fixSleep.name}: ${name} } = require('${sleepModule}');`
    : `import { ${timers.fixSleep.name} as ${name} } from '${sleepModule}';`;
  const lastImport = imports.at(-1);
  if (lastImport) return fixer.insertTextAfter(lastImport, `\n${declaration}`);
  // After any 'use strict' directive, which must stay first.
  const first = body.find((statement) => !(statement.type === AST_NODE_TYPES.ExpressionStatement && statement.directive));
  return first ? fixer.insertTextBefore(first, `${declaration}\n`) : fixer.insertTextAfterRange([0, 0], `${declaration}\n`);
}

/**
 * A file parsed as a module that is CommonJS all the same (ESLint parses `.js` as a module by
 * default): no import or export, and a call of the global `require`. `import` would not load there.
 *
 * `'use strict'; const net = require('net'); module.exports = f;` → true.
 */
function isCommonJs(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const exportTypes = new Set<string>([AST_NODE_TYPES.ExportNamedDeclaration, AST_NODE_TYPES.ExportDefaultDeclaration, AST_NODE_TYPES.ExportAllDeclaration]);
  if (sourceCode.ast.body.some((statement) => exportTypes.has(statement.type))) return false;
  const unresolved = sourceCode.scopeManager?.globalScope?.through ?? [];
  return unresolved.some(({ identifier }) => identifier.type === AST_NODE_TYPES.Identifier && identifier.name === 'require' && identifier.parent.type === AST_NODE_TYPES.CallExpression);
}
