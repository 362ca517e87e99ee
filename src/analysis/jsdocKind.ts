import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES, ASTUtils } from './estree';
import type { ObjectKind } from './apis';
import { annotatedTypes, globalAnnotatedTypes } from './apis';
import type { AnalysisContext } from './fileCache';
import { importedName } from './imports';
import { jsdocTypedefs, jsdocTypes } from './jsdoc';

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
  return written === undefined ? undefined : writtenKind(context, fn, written, 0);
}

/**
 * The kind of object the JSDoc `@type` in front of a declaration or an assignment names, read as
 * for parameters: `/** @type {import('ioredis').Redis} *\/ let redis;` and
 * `/** @type {Redis} *\/ this.client = options.client;` (with `Redis` a `@typedef` or an import) → `'ioredis'`.
 */
export function jsdocDeclaredKind(context: AnalysisContext, declaration: TSESTree.Node): ObjectKind | undefined {
  const written = jsdocTypes(context.sourceCode, declaration)?.type;
  return written === undefined ? undefined : writtenKind(context, declaration, written, 0);
}

const maxTypedefDepth = 4;

function writtenKind(context: AnalysisContext, at: TSESTree.Node, written: string, depth: number): ObjectKind | undefined {
  const parts = written
    .replace(/^\?|=$/g, '')
    .split('|')
    .map((part) => part.trim().replace(/^\(|\)$/g, ''))
    .filter((part) => part !== 'null' && part !== 'undefined');
  const kinds = new Set(parts.map((part) => namedKind(context, at, part, depth)));
  return kinds.size === 1 ? [...kinds][0] : undefined;
}

function namedKind(context: AnalysisContext, fn: TSESTree.Node, type: string, depth: number): ObjectKind | undefined {
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
  // `@typedef {import('ioredis').Redis} Redis` in the file names the type as TypeScript reads it.
  const typedef = member === undefined && !variable && depth < maxTypedefDepth ? jsdocTypedefs(context.sourceCode).get(head) : undefined;
  if (typedef !== undefined) return writtenKind(context, fn, typedef, depth + 1);
  return member === undefined ? globalAnnotatedTypes[head] : undefined;
}
