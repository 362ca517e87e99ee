import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isBuiltin } from 'node:module';

import { AST_NODE_TYPES } from './estree';
import { staticString, walk } from './ast';
import { browserPolyfilledModules } from './families/language';
import { requiredModule } from './moduleLoads';

/** Globals only Node defines (none of them in a browser). */
const nodeGlobals: readonly string[] = ['process', 'Buffer', '__dirname', '__filename', 'require', 'module', 'exports', 'global'];

const showsNodeCache = new WeakMap<object, boolean>();

/**
 * Whether a file shows that it runs on Node: it loads one of Node's own modules (`import … from
 * 'node:fs'`, `require('net')`, `import('child_process')`; a bare name bundlers fill in for
 * browsers, such as `events` or `buffer`, is no sign) or reads a global only Node defines
 * (`process`, `Buffer`, `require`, `__dirname`, declared by the configuration or not; not
 * `process.env`, which bundlers write into browser code). A file with none of these may run in a
 * browser too, where an added `import … from 'node:timers/promises'` would break the bundle.
 *
 * `import { spawn } from 'child_process'; …` → true; `import { EventEmitter } from 'events'; …` → false.
 */
export function showsNode(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const cached = showsNodeCache.get(sourceCode.ast);
  if (cached !== undefined) return cached;
  const found = readsNodeGlobal(sourceCode) || loadsNodeModule(sourceCode.ast);
  showsNodeCache.set(sourceCode.ast, found);
  return found;
}

function readsNodeGlobal(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!globalScope) return false;
  // Undeclared (`through`), or declared by the configuration (`globals.node`): a variable with no definition in the file.
  const configured = nodeGlobals.flatMap((name) => {
    const variable = globalScope.set.get(name);
    return variable && variable.defs.length === 0 ? variable.references : [];
  });
  return [...globalScope.through, ...configured].some(
    ({ identifier }) => identifier.type === AST_NODE_TYPES.Identifier && nodeGlobals.includes(identifier.name) && !isBundlerEnv(identifier),
  );
}

function loadsNodeModule(program: TSESTree.Program): boolean {
  let found = false;
  walk(program, (node) => {
    if (found) return false;
    const source =
      node.type === AST_NODE_TYPES.ImportDeclaration || node.type === AST_NODE_TYPES.ExportAllDeclaration || node.type === AST_NODE_TYPES.ExportNamedDeclaration
        ? node.source?.value
        : node.type === AST_NODE_TYPES.ImportExpression
          ? staticString(node.source)
          : node.type === AST_NODE_TYPES.TSImportEqualsDeclaration && node.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference
            ? staticString(node.moduleReference.expression)
            : requiredModule(node);
    if (typeof source === 'string' && isNodeOnlyModule(source)) found = true;
    return !found;
  });
  return found;
}

/** `node:events`, `fs`: Node's; `events`, `buffer`, `util`: also an npm package bundlers use in browsers. */
function isNodeOnlyModule(source: string): boolean {
  return source.startsWith('node:') ? isBuiltin(source) : isBuiltin(source) && !browserPolyfilledModules.includes(source.split('/')[0] ?? source);
}

/** `process.env.NODE_ENV`: a read bundlers replace in browser builds, so no sign of Node. */
function isBundlerEnv(identifier: TSESTree.Identifier): boolean {
  const parent = identifier.parent;
  return (
    identifier.name === 'process' &&
    parent?.type === AST_NODE_TYPES.MemberExpression &&
    parent.object === identifier &&
    !parent.computed &&
    parent.property.type === AST_NODE_TYPES.Identifier &&
    parent.property.name === 'env'
  );
}
