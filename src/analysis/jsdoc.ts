import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from './estree';

/** The types a JSDoc comment gives: `@param {T} name` by name as written (`options.signal`), `@type {T}`. */
export interface JsdocTypes {
  /** `optional`: written `[name]`, `[name=default]` or with a type ending in `=`. */
  params: { name: string; type: string; optional: boolean }[];
  type?: string;
}

/** Declarations a JSDoc comment sits in front of, climbed through from a function or a declarator. */
const declarationWrappers = new Set<string>([
  AST_NODE_TYPES.ExportNamedDeclaration,
  AST_NODE_TYPES.ExportDefaultDeclaration,
  AST_NODE_TYPES.VariableDeclarator,
  AST_NODE_TYPES.VariableDeclaration,
  AST_NODE_TYPES.MethodDefinition,
  AST_NODE_TYPES.Property,
  AST_NODE_TYPES.PropertyDefinition,
  AST_NODE_TYPES.AssignmentExpression,
  AST_NODE_TYPES.ExpressionStatement,
]);

/**
 * The types the JSDoc comment in front of a declaration gives, read from the comment's text:
 * `/** @param {AbortSignal} [signal] *\/ export function f(signal) {}` on `f` →
 * `{ params: [{ name: 'signal', type: 'AbortSignal' }] }`. `undefined` without such a comment.
 */
export function jsdocTypes(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): JsdocTypes | undefined {
  if (parsed.has(node)) return parsed.get(node);
  const types = readJsdoc(sourceCode, node);
  parsed.set(node, types);
  return types;
}

/** Read once per declaration, however many of its parameters are asked about. */
const parsed = new WeakMap<TSESTree.Node, JsdocTypes | undefined>();

function readJsdoc(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): JsdocTypes | undefined {
  const comment = jsdocComment(sourceCode, node);
  return comment && parseTags(comment.value);
}

/**
 * The JSDoc comment in front of a declaration, climbed to from a function or a declarator:
 * `/** @param {string} a *\/ export function f(a) {}` on `f` → that comment.
 */
export function jsdocComment(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): TSESTree.Comment | undefined {
  let top = node;
  while (top.parent && declarationWrappers.has(top.parent.type) && !laterDeclarator(top)) top = top.parent;
  const comment = sourceCode.getCommentsBefore(top).at(-1);
  return comment?.type === 'Block' && comment.value.startsWith('*') ? comment : undefined;
}

/**
 * The types a file names with `@typedef {T} Name` in its JSDoc comments, read once per file:
 * `/** @typedef {import('ioredis').Redis} Redis *\/` → `Redis` ↦ `import('ioredis').Redis`.
 */
export function jsdocTypedefs(sourceCode: Readonly<TSESLint.SourceCode>): ReadonlyMap<string, string> {
  const cached = typedefs.get(sourceCode.ast);
  if (cached) return cached;
  const found = new Map<string, string>();
  for (const comment of sourceCode.getAllComments()) {
    if (comment.type !== 'Block' || !comment.value.startsWith('*') || !comment.value.includes('@typedef')) continue;
    const tag = /@typedef\b\s*/g;
    for (let match = tag.exec(comment.value); match; match = tag.exec(comment.value)) {
      const index = match.index + match[0].length;
      if (comment.value[index] !== '{') continue;
      const type = balancedBraces(comment.value, index);
      const name = type === undefined ? undefined : /^\s*([\w$]+)/.exec(comment.value.slice(index + type.length + 2))?.[1];
      if (type !== undefined && name) found.set(name, type.trim());
    }
  }
  typedefs.set(sourceCode.ast, found);
  return found;
}

const typedefs = new WeakMap<TSESTree.Program, Map<string, string>>();

/** `b` in `const a = 1, b = …`: the comment before `const` is `a`'s. */
function laterDeclarator(node: TSESTree.Node): boolean {
  return node.parent?.type === AST_NODE_TYPES.VariableDeclaration && node.parent.declarations[0] !== node;
}

function parseTags(text: string): JsdocTypes {
  const result: JsdocTypes = { params: [] };
  const tag = /@(param|arg|argument|type)\b\s*/g;
  for (let match = tag.exec(text); match; match = tag.exec(text)) {
    let index = match.index + match[0].length;
    if (text[index] !== '{') continue;
    const type = balancedBraces(text, index);
    if (type === undefined) continue;
    index += type.length + 2;
    if (match[1] === 'type') {
      result.type ??= type.trim();
      continue;
    }
    // `name`, `[name]`, `[name=default]`, `options.signal`.
    const written = /^\s*(\[?)\s*([\w$.]+)/.exec(text.slice(index));
    const name = written?.[2];
    if (name) result.params.push({ name, type: type.trim(), optional: written[1] === '[' || type.trim().endsWith('=') });
  }
  return result;
}

/** The text between the brace at `start` and its match: `{{ signal: AbortSignal }}` → `{ signal: AbortSignal }`. */
function balancedBraces(text: string, start: number): string | undefined {
  let depth = 0;
  for (let index = start; index < text.length; index++) {
    if (text[index] === '{') depth++;
    else if (text[index] === '}' && --depth === 0) return text.slice(start + 1, index);
  }
  return undefined;
}
