import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES, ASTUtils } from './estree';
import { endlessCreators, finiteOperators } from './apis';
import { calleeName, isFunctionNode, isReassigned, methodCallParts, referenceRoot, skipTypeWrappers, stableReferenceText } from './ast';
import { findClassMember } from './classMembers';
import { rxjs } from './families/rxjs';
import type { AnalysisContext } from './fileCache';
import { trackedCalls } from './imports';
import type { Judge } from './leak';
import { targetOwner } from './lifetime';

/**
 * An RxJS subscription is only judged when its source is long-lived and not made finite:
 * `this.state$.subscribe(f)` in a method or `interval(1000).subscribe(f)`, not
 * `http.get(url).subscribe(f)` or `src.pipe(take(1)).subscribe(f)`.
 */
export function rxSubscriptionMayLeak({ context, start, scope, repetition, inConstructor }: Judge): boolean {
  if (!start.object || start.node.type !== AST_NODE_TYPES.CallExpression) return false;
  // An observer handed in (a Subscriber) is the subscription's handle, and its owner's to end.
  const observer = start.node.arguments[0];
  if (observer && !isFunctionNode(observer) && observer.type !== AST_NODE_TYPES.ObjectExpression && !isFunctionValue(context, observer)) return false;
  let source: TSESTree.Node = start.object.target;
  for (let depth = 0; depth < 8; depth++) {
    const inner = skipTypeWrappers(source);
    const pipe = methodCallParts(inner);
    if (pipe?.method === rxjs.operatorMethod) {
      const operators = (inner as TSESTree.CallExpression).arguments;
      if (operators.some((operator) => isFiniteOperator(operator))) return false;
      source = pipe.target;
      continue;
    }
    // `store.select(f)`, `subject.asObservable()`: a view of the same long-lived source.
    if (pipe && (rxjs.viewMethods as readonly string[]).includes(pipe.method)) {
      source = pipe.target;
      continue;
    }
    // A source made by a call is usually a cold, finite one (an HTTP request); only known endless creators count.
    if (inner.type === AST_NODE_TYPES.CallExpression || inner.type === AST_NODE_TYPES.NewExpression) return isEndlessCreation(context, inner, 0);
    if (definedWithFiniteOperator(context, inner)) return false;
    const root = referenceRoot(inner);
    if (root?.type === AST_NODE_TYPES.ThisExpression) return !inConstructor;
    const owner = targetOwner(context, inner, scope, { outerOutlives: repetition });
    return owner.owner === 'outlives' && owner.reason !== 'parameter';
  }
  return false;
}

/**
 * A callback known to be a plain function, not a Subscriber that ends itself: a function declared
 * or assigned once in the file, a parameter typed as a function.
 *
 * `function watch(onTick: () => void) { interval(1000).subscribe(onTick) }` → `onTick`, a function.
 */
function isFunctionValue(context: AnalysisContext, node: TSESTree.Node): boolean {
  const inner = skipTypeWrappers(node);
  if (inner.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(inner), inner);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!definition) return false;
  if (definition.type === 'FunctionName') return true;
  const annotation = definition.name.type === AST_NODE_TYPES.Identifier ? definition.name.typeAnnotation?.typeAnnotation : undefined;
  if (definition.type === 'Parameter') return annotation?.type === AST_NODE_TYPES.TSFunctionType;
  if (definition.type !== 'Variable' || definition.node.id !== definition.name || !variable || isReassigned(variable)) return false;
  return annotation?.type === AST_NODE_TYPES.TSFunctionType || (definition.node.init !== null && isFunctionNode(skipTypeWrappers(definition.node.init)));
}

const combiners: ReadonlySet<string> = new Set(rxjs.combiners);

/**
 * `interval(1000)`, `timer(0, 1000)`, `fromEvent(el, 'click')`, and `merge(…)` or
 * `combineLatest(…)` of any of them: observables that never complete.
 */
function isEndlessCreation(context: AnalysisContext, call: TSESTree.CallExpression | TSESTree.NewExpression, depth: number): boolean {
  if (depth > 4 || trackedCalls(context).get(call)?.returns !== 'observable') return false;
  const name = call.callee.type === AST_NODE_TYPES.Identifier ? call.callee.name : undefined;
  if (name === undefined) return false;
  const creator = endlessCreators[name];
  if (creator) return call.arguments.length >= creator.minArguments;
  if (!combiners.has(name)) return false;
  const sources = call.arguments.flatMap((argument) =>
    argument.type === AST_NODE_TYPES.ArrayExpression ? argument.elements : [argument],
  );
  return sources.some(
    (source) =>
      (source?.type === AST_NODE_TYPES.CallExpression || source?.type === AST_NODE_TYPES.NewExpression) &&
      isEndlessCreation(context, source, depth + 1),
  );
}

function isFiniteOperator(node: TSESTree.Node): boolean {
  const name = node.type === AST_NODE_TYPES.CallExpression ? calleeName(node) : undefined;
  return name !== undefined && finiteOperators.has(name);
}

/** `this.data$ = src.pipe(takeUntil(this.destroy$))` upstream makes `this.data$.subscribe()` finite. */
function definedWithFiniteOperator(context: AnalysisContext, source: TSESTree.Node): boolean {
  const text = stableReferenceText(source);
  if (text === undefined) return false;
  let finite = false;
  const check = (value: TSESTree.Node | null | undefined): void => {
    const pipe = value && skipTypeWrappers(value);
    if (pipe?.type === AST_NODE_TYPES.CallExpression && methodCallParts(pipe)?.method === rxjs.operatorMethod && pipe.arguments.some(isFiniteOperator)) {
      finite = true;
    }
  };
  if (source.type === AST_NODE_TYPES.Identifier) {
    const scope = context.sourceCode.getScope(source);
    let variable: TSESLint.Scope.Variable | undefined;
    for (let current: TSESLint.Scope.Scope | null = scope; current && !variable; current = current.upper) {
      variable = current.set.get(source.name);
    }
    const definition = variable?.defs[0];
    if (definition?.type === 'Variable') check(definition.node.init);
  } else if (source.type === AST_NODE_TYPES.MemberExpression && source.object.type === AST_NODE_TYPES.ThisExpression) {
    findClassMember(source, text.slice('this.'.length))?.values.forEach(check);
  }
  return finite;
}
