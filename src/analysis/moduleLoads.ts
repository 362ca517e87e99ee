import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './estree';

import type { ModuleLoader } from './families/family';
import { isFunctionNode, returnedValues, skipTypeWrappers, staticString, walk } from './ast';

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
 * that the call hands back that module, whatever the call is named; and a call of a function of the
 * file that only ever returns `require('m')` (see {@link onlyRequiredModule}).
 */
export function dynamicImports(program: TSESTree.Program, text: string): ModuleLoad[] {
  // A full walk only for files with a dynamic import or a loader written with `require`.
  if (!/\bimport\s*\(|=>\s*require\s*\(|\breturn\s+require\s*\(/.test(text)) return [];
  const loads: ModuleLoad[] = [];
  const loaderFunctions = new Map<string, string>();
  walk(program, (node) => {
    if (node.type === AST_NODE_TYPES.FunctionDeclaration && node.id) {
      const module = onlyRequiredModule(node);
      if (module !== undefined) loaderFunctions.set(node.id.name, module);
    }
    const module = node.type === AST_NODE_TYPES.ImportExpression ? staticString(node.source) : requiredModule(node);
    if (module === undefined) return;
    const load = { module: withoutNodePrefix(module), value: settledValue(node) };
    if (node.type === AST_NODE_TYPES.ImportExpression) loads.push(load);
    const caller = callHandedLoaderOf(node, module);
    if (caller) loads.push({ module: load.module, value: settledValue(caller) });
  });
  if (loaderFunctions.size > 0) loads.push(...loaderFunctionCalls(program, loaderFunctions));
  return loads;
}

/**
 * The module a function only ever hands back as `require('m')`, the way optional dependencies are
 * loaded: `function loadPgModule() { try { return require('pg'); } catch {} throw … }` → `'pg'`.
 */
function onlyRequiredModule(fn: TSESTree.FunctionDeclaration): string | undefined {
  const modules = new Set(returnedValues(fn).map((value) => requiredModule(skipTypeWrappers(value)) ?? ''));
  const [only] = modules;
  return modules.size === 1 && only ? only : undefined;
}

/**
 * Calls of the file's module-loading functions (see {@link onlyRequiredModule}) by a name the file
 * binds to nothing else: `const pg = loadPgModule(); new pg.Pool(config)` is a pg pool.
 */
function loaderFunctionCalls(program: TSESTree.Program, loaderFunctions: ReadonlyMap<string, string>): ModuleLoad[] {
  const declared = new Map<string, number>();
  const loads: ModuleLoad[] = [];
  walk(program, (node) => {
    for (const name of declaredNames(node)) declared.set(name, (declared.get(name) ?? 0) + 1);
  });
  walk(program, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.Identifier || node.arguments.length > 0) return;
    const module = loaderFunctions.get(node.callee.name);
    if (module !== undefined && declared.get(node.callee.name) === 1) loads.push({ module: withoutNodePrefix(module), value: settledValue(node) });
  });
  return loads;
}

/** Names a node binds: a function's or class's id, the identifiers of a variable's or a parameter's pattern. */
function declaredNames(node: TSESTree.Node): string[] {
  if ((node.type === AST_NODE_TYPES.FunctionDeclaration || node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.ClassDeclaration) && node.id) return [node.id.name];
  const patterns = node.type === AST_NODE_TYPES.VariableDeclarator ? [node.id] : isFunctionNode(node) ? node.params : [];
  const names: string[] = [];
  for (const pattern of patterns) {
    walk(pattern, (inner) => {
      if (inner.type === AST_NODE_TYPES.Identifier) names.push(inner.name);
    });
  }
  return names;
}

/** `require('m')` → `'m'`, for a loader written with `require`. */
export function requiredModule(node: TSESTree.Node): string | undefined {
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
