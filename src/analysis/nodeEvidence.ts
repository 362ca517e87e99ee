import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isBuiltin } from 'node:module';

import { AST_NODE_TYPES } from './estree';
import { staticString, walk } from './ast';

/** Globals only Node defines (none of them in a browser). */
const nodeGlobals: ReadonlySet<string> = new Set(['process', 'Buffer', '__dirname', '__filename', 'require', 'module', 'exports', 'global']);

const showsNodeCache = new WeakMap<object, boolean>();

/**
 * Whether a file shows that it runs on Node: it loads one of Node's own modules (`import … from
 * 'node:fs'`, `require('events')`, `import('net')`) or reads a global only Node defines (`process`,
 * `Buffer`, `require`, `__dirname`; not `process.env`, which bundlers write into browser code). A
 * file with none of these may run in a browser too, where an added
 * `import … from 'node:timers/promises'` would break the bundle.
 *
 * `import { EventEmitter } from 'events'; …` → true; `import { logger } from '../logger.ts'; …` → false.
 */
export function showsNode(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const cached = showsNodeCache.get(sourceCode.ast);
  if (cached !== undefined) return cached;
  const unresolved = sourceCode.scopeManager?.globalScope?.through ?? [];
  let found = unresolved.some(({ identifier }) => identifier.type === AST_NODE_TYPES.Identifier && nodeGlobals.has(identifier.name) && !isBundlerEnv(identifier));
  if (!found) {
    walk(sourceCode.ast, (node) => {
      if (found) return false;
      const source =
        node.type === AST_NODE_TYPES.ImportDeclaration || node.type === AST_NODE_TYPES.ExportAllDeclaration || node.type === AST_NODE_TYPES.ExportNamedDeclaration
          ? node.source?.value
          : node.type === AST_NODE_TYPES.ImportExpression || node.type === AST_NODE_TYPES.TSImportEqualsDeclaration
            ? staticString(node.type === AST_NODE_TYPES.ImportExpression ? node.source : node.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference ? node.moduleReference.expression : undefined)
            : undefined;
      if (typeof source === 'string' && isBuiltin(source)) found = true;
      return !found;
    });
  }
  showsNodeCache.set(sourceCode.ast, found);
  return found;
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
