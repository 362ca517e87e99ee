import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';

import type { FunctionNode } from './ast';
import { enclosingFunction, functionName, isFunctionNode, isInside, referenceRoot, runsImmediately, skipTypeWrappers } from './ast';
import type { AnalysisContext } from './fileCache';

/**
 * How long a function's own work lives:
 * - `program`: it runs once for the whole program (module scope, `main()`, a function called only
 *   from module scope, a top-level IIFE), so what it starts is meant to live as long;
 * - `call`: a named function or method that callers may call any number of times;
 * - `constructor`: what it starts belongs to the new object;
 * - `setup`: named as an installer (`attachHandlers`, `setupSignals`, `applyWSSHandler`): its job
 *   is to attach handlers for the life of what it is given;
 * - `callback`: an inline function handed to someone else, who decides when and how often it runs.
 */
export type FunctionLifetime = 'program' | 'call' | 'constructor' | 'callback' | 'setup';

/** Names of functions whose job is to install handlers: `attach…`, `setup…`, `register…`. */
const installerName = /^(?:apply|attach|setup|setUp|init|initialize|install|register|bind|wire|mount|hook|enable)(?:[A-Z_$\d]|$)/;

/** Functions that run once for the whole program, by name; users add their own (`bootstrap`). */
export const defaultEntryFunctions: readonly string[] = ['main'];

export function functionLifetime(
  context: AnalysisContext,
  fn: FunctionNode | undefined,
  entryFunctions: readonly string[] = defaultEntryFunctions,
): FunctionLifetime {
  if (!fn) return 'program';
  const parent = fn.parent;
  // A Promise executor and an IIFE run right away, as part of the function around them.
  if (runsImmediately(fn)) {
    return functionLifetime(context, enclosingFunction(fn), entryFunctions);
  }
  if (parent.type === AST_NODE_TYPES.MethodDefinition) {
    return parent.kind === 'constructor' ? 'constructor' : 'call';
  }
  if (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) {
    return 'callback';
  }
  const name = functionName(fn);
  if (name !== undefined && entryFunctions.includes(name)) return 'program';
  if (isCalledOnlyAtModuleLevel(context, fn)) return 'program';
  if (name !== undefined && installerName.test(name.replace(/^#/, ''))) return 'setup';
  return 'call';
}

/**
 * `function start() {…} start();`: a function its own module runs at top level, and otherwise
 * only exports, is an entry of the program (a daemon's `bind()`, a worker's `main`).
 */
function isCalledOnlyAtModuleLevel(context: AnalysisContext, fn: FunctionNode): boolean {
  const declarator = fn.parent.type === AST_NODE_TYPES.VariableDeclarator ? fn.parent : undefined;
  if (fn.type !== AST_NODE_TYPES.FunctionDeclaration && !declarator) return false;
  const name = functionName(fn);
  const variable = context.sourceCode
    .getDeclaredVariables(fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : (declarator as TSESTree.VariableDeclarator))
    .find((candidate) => candidate.name === name);
  if (!variable || (variable.scope.type !== 'module' && variable.scope.type !== 'global')) return false;
  const uses = variable.references.filter((reference) => !reference.init);
  const calls = uses.filter((reference) => {
    const call = reference.identifier.parent;
    return call.type === AST_NODE_TYPES.CallExpression && call.callee === reference.identifier;
  });
  const exportsOnly = uses.every(
    (reference) => calls.includes(reference) || reference.identifier.parent.type === AST_NODE_TYPES.ExportSpecifier,
  );
  return (
    calls.length > 0 &&
    exportsOnly &&
    calls.every((reference) => enclosingFunction(reference.identifier) === undefined && !insideLoop(reference.identifier))
  );
}

function insideLoop(node: TSESTree.Node): boolean {
  for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
        return true;
      default:
        if (isFunctionNode(current)) return false;
    }
  }
  return false;
}

/**
 * Who a target object belongs to, seen from the code that subscribes to it (`scope`: a function,
 * or one repetition such as a loop body or a cron callback):
 * - `outlives`: it was handed in (a parameter), is shared (module scope, an import, a global) or,
 *   for a repetition, was declared outside it: it lives on after `scope` ends;
 * - `own`: `scope` or its object made it (`this.conn`, `const e = new EventEmitter()`);
 * - `unknown`: a call's result, a callback's parameter, anything we cannot follow.
 */
export type TargetOwner =
  | { owner: 'outlives'; reason: OutlivesReason; parameterIndex?: number }
  | { owner: 'own'; local?: { variable: TSESLint.Scope.Variable; declarator: TSESTree.VariableDeclarator } }
  | { owner: 'unknown' };

export type OutlivesReason = 'parameter' | 'module' | 'global' | 'import' | 'outer';

export interface OwnerOptions {
  /** A repetition: anything declared outside it outlives it, whatever made it. */
  outerOutlives: boolean;
}

export function targetOwner(
  context: AnalysisContext,
  target: TSESTree.Node,
  scope: TSESTree.Node,
  options: OwnerOptions = { outerOutlives: false },
): TargetOwner {
  return ownerOf(context, target, scope, options, 0);
}

function ownerOf(
  context: AnalysisContext,
  target: TSESTree.Node,
  scope: TSESTree.Node,
  options: OwnerOptions,
  depth: number,
): TargetOwner {
  if (depth > 5) return { owner: 'unknown' };
  const root = referenceRoot(target);
  if (!root) return { owner: 'unknown' };
  if (root.type === AST_NODE_TYPES.ThisExpression) return { owner: 'own' };
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(root), root);
  const definition = variable?.defs[0];
  if (!variable || !definition) return { owner: 'outlives', reason: 'global' };
  switch (definition.type) {
    case 'ImportBinding':
      return { owner: 'outlives', reason: 'import' };
    case 'Parameter': {
      const owningFunction = definition.node;
      if (!isFunctionNode(owningFunction)) return { owner: 'unknown' };
      // A parameter of a function nested inside the scope is that function's business.
      if (owningFunction !== scope && isInside(owningFunction, scope)) return { owner: 'unknown' };
      if (owningFunction !== scope && options.outerOutlives) return { owner: 'outlives', reason: 'outer' };
      // A callback's parameters are objects its caller made for this one call (req, socket).
      if (functionLifetime(context, owningFunction) === 'callback') return { owner: 'unknown' };
      const index = owningFunction.params.findIndex((parameter) => isInside(definition.name, parameter));
      return { owner: 'outlives', reason: 'parameter', ...(owningFunction === scope && index >= 0 && { parameterIndex: index }) };
    }
    case 'Variable': {
      if (variable.scope.type === 'module' || variable.scope.type === 'global') {
        return { owner: 'outlives', reason: 'module' };
      }
      if (options.outerOutlives && !isInside(definition.name, scope)) return { owner: 'outlives', reason: 'outer' };
      const declarator = definition.node;
      const init = declarator.init ? skipTypeWrappers(declarator.init) : undefined;
      const reassigned = variable.references.some((reference) => reference.isWrite() && !reference.init);
      if (!init || reassigned || declarator.id.type !== AST_NODE_TYPES.Identifier) return { owner: 'unknown' };
      const value = init.type === AST_NODE_TYPES.AwaitExpression ? skipTypeWrappers(init.argument) : init;
      if (value.type === AST_NODE_TYPES.NewExpression || value.type === AST_NODE_TYPES.CallExpression) {
        return skipTypeWrappers(target) === root ? { owner: 'own', local: { variable, declarator } } : { owner: 'own' };
      }
      if (
        value.type === AST_NODE_TYPES.Identifier ||
        value.type === AST_NODE_TYPES.MemberExpression ||
        value.type === AST_NODE_TYPES.ThisExpression
      ) {
        return ownerOf(context, value, scope, options, depth + 1);
      }
      return { owner: 'unknown' };
    }
    default:
      return { owner: 'unknown' };
  }
}
