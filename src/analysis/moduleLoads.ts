import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './estree';

import type { ModuleLoader } from './families/family';
import { skipTypeWrappers, staticString, walk } from './ast';

/** A module the file loads at run time, and the expression whose value is that module. */
export interface ModuleLoad {
  readonly module: string;
  readonly value: TSESTree.Node;
}

/**
 * The module a call to a known loader loads (by its provenance, see `families/moduleLoaders.ts`),
 * with the expression that is the module: `await loadPackage('ioredis', …)` → ioredis, the
 * `await`; `createRequire(url)('ioredis')` → ioredis, the outer call.
 */
export function loadedByLoader(call: TSESTree.Node, loader: ModuleLoader): ModuleLoad | undefined {
  let loading: TSESTree.Node = call;
  if (loader.curried) {
    const outer = call.parent;
    if (outer?.type !== AST_NODE_TYPES.CallExpression || outer.callee !== call) return undefined;
    loading = outer;
  }
  if (loading.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const module = staticString(loading.arguments[loader.nameArgument]);
  return module === undefined ? undefined : { module: withoutNodePrefix(module), value: settledValue(loading) };
}

/**
 * The modules a file imports at run time, found by syntax: `await import('ioredis')`, and a call
 * that names a module and is handed a loader of that very module,
 * `await this.loadPackage('kafkajs', ctx, () => import('kafkajs'))`: the loader is the evidence
 * that the call hands back that module, whatever the call is named.
 */
export function dynamicImports(program: TSESTree.Program, text: string): ModuleLoad[] {
  // A full walk only for files with a dynamic import or a loader written with `require`.
  if (!/\bimport\s*\(|=>\s*require\s*\(/.test(text)) return [];
  const loads: ModuleLoad[] = [];
  walk(program, (node) => {
    const module = node.type === AST_NODE_TYPES.ImportExpression ? staticString(node.source) : requiredModule(node);
    if (module === undefined) return;
    const load = { module: withoutNodePrefix(module), value: settledValue(node) };
    if (node.type === AST_NODE_TYPES.ImportExpression) loads.push(load);
    const caller = callHandedLoaderOf(node, module);
    if (caller) loads.push({ module: load.module, value: settledValue(caller) });
  });
  return loads;
}

/** `require('m')` → `'m'`, for a loader written with `require`. */
function requiredModule(node: TSESTree.Node): string | undefined {
  return node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.Identifier &&
    node.callee.name === 'require' &&
    node.arguments.length === 1
    ? staticString(node.arguments[0])
    : undefined;
}

/** The call `loading` is the loader of: `() => import('m')` handed to a call whose first argument is `'m'`. */
function callHandedLoaderOf(loading: TSESTree.Node, module: string): TSESTree.CallExpression | undefined {
  const loader = loading.parent;
  if (loader?.type !== AST_NODE_TYPES.ArrowFunctionExpression || loader.body !== loading) return undefined;
  const call = loader.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(loader)) return undefined;
  return staticString(call.arguments[0]) === module ? call : undefined;
}

/** What the value of a load is read from: the `await` of it when awaited. */
function settledValue(node: TSESTree.Node): TSESTree.Node {
  let at = node;
  while (at.parent && skipTypeWrappers(at.parent) === node) at = at.parent;
  return at.parent?.type === AST_NODE_TYPES.AwaitExpression ? at.parent : at;
}

const withoutNodePrefix = (module: string): string => module.replace(/^node:/, '');
