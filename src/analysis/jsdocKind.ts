import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES, ASTUtils } from './estree';
import type { ObjectKind } from './apis';
import { annotatedTypes, globalAnnotatedTypes } from './apis';
import type { AnalysisContext } from './fileCache';
import { importedName } from './imports';
import { jsdocTypes } from './jsdoc';

/**
 * The kind of object a JavaScript parameter's JSDoc type names, resolved as TypeScript would:
 * `import('events').EventEmitter`, a name the file imports or requires (`const EventEmitter =
 * require('events')` then `@param {EventEmitter} server`), or a platform global
 * (`{EventTarget}`). `null`/`undefined` members of a union are dropped; other unions and
 * unknown names give `undefined`.
 *
 * `/** @param {EventEmitter} server *\/ function addListeners(server, map) {}` → `'emitter'`.
 */
export function jsdocParameterKind(context: AnalysisContext, fn: TSESTree.Node, name: string): ObjectKind | undefined {
  const written = jsdocTypes(context.sourceCode, fn)?.params.find((param) => param.name === name)?.type;
  if (written === undefined) return undefined;
  const parts = written
    .replace(/^\?|=$/g, '')
    .split('|')
    .map((part) => part.trim().replace(/^\(|\)$/g, ''))
    .filter((part) => part !== 'null' && part !== 'undefined');
  const kinds = new Set(parts.map((part) => namedKind(context, fn, part)));
  return kinds.size === 1 ? [...kinds][0] : undefined;
}

function namedKind(context: AnalysisContext, fn: TSESTree.Node, type: string): ObjectKind | undefined {
  const imported = /^import\(\s*['"]([^'"]+)['"]\s*\)(?:\.([\w$]+))?$/.exec(type);
  if (imported?.[1]) return annotatedTypes[imported[1].replace(/^node:/, '')]?.[imported[2] ?? 'default'];
  const [head, member] = type.split('.');
  if (!head || !/^[\w$]+$/.test(head) || (member !== undefined && !/^[\w$]+$/.test(member))) return undefined;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(fn), head);
  const binding = variable?.defs[0]?.name;
  if (binding?.type === AST_NODE_TYPES.Identifier) {
    const source = importedName(context.sourceCode, binding);
    if (!source) return undefined;
    // `const EventEmitter = require('events')` is the module itself; `events.EventEmitter` a member of it.
    const exported = member ?? (source.name === '*' || source.name === 'default' ? head : source.name);
    return annotatedTypes[source.module]?.[exported] ?? annotatedTypes[source.module]?.[source.name];
  }
  return member === undefined ? globalAnnotatedTypes[head] : undefined;
}
