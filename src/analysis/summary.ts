import * as path from 'node:path';

import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';

import type { FunctionNode } from './ast';
import { isFunctionNode, isInside, runsImmediately, skipTypeWrappers, stableReferenceText, walk } from './ast';
import type { AnalysisContext } from './fileCache';
import type { Leak } from './findLeak';
import { judgeStart } from './findLeak';
import { findStart } from './findStart';
import { targetOwner } from './lifetime';
import { isCurrent } from './otherFiles';
import { resolveCallee } from './resolveCallee';

/** One function on the way from a call to the start it leads to. */
export interface PathStep {
  name: string;
  file: string;
  line: number;
}

/** What calling a function leaves running: the start nobody ends, and the calls that lead there. */
export interface LeakSummary {
  leak: Leak;
  /** The file of the start. */
  file: string;
  line: number;
  /** Functions between the called one and the start, outermost first. */
  via: PathStep[];
  /**
   * When the start is on an object the function was handed: which parameter. Whether it leaks
   * depends on the caller's argument: a shared object, yes; one made for this call (a socket, a
   * request), no.
   */
  parameterIndex?: number;
}

/** Deep enough for real helper chains; deeper paths are not followed (and not reported). */
const maxDepth = 8;

/** What one summary computation found, and what it relied on. */
interface Result {
  summary: LeakSummary | undefined;
  /** Followed files whose current version the answer depends on. */
  deps: Set<AnalysisContext>;
  /** False when the recursion guard or the depth limit cut a call short: the answer depends on the way here. */
  complete: boolean;
}

interface Cached {
  summary: LeakSummary | null;
  deps: readonly AnalysisContext[];
}

/**
 * Complete summaries by function node (nodes are per file version per program), valid while the
 * followed files they read are unchanged: whatever order functions are asked in, the answer is
 * the same, and a helper fixed on disk two calls down is seen by the next lint in the same process.
 */
const summaries = new WeakMap<FunctionNode, Cached>();
/** Answers to a top-level question whose exploration was cut short: they depend only on the function asked. */
const topLevel = new WeakMap<FunctionNode, Cached>();

/** One top-level question: the functions in progress, and the cut-short answers met on the way. */
interface Query {
  active: Set<FunctionNode>;
  partial: Map<FunctionNode, Result>;
}

/**
 * Does calling `fn` start something it neither ends nor hands back to its caller, itself or
 * through the functions it calls (in any file we can resolve)? Computed once per function,
 * lazily, with a depth limit and a guard against recursion.
 *
 * `function helper(c) { const sub = c.duplicate(); sub.subscribe('x'); }` → the subscription.
 */
export function summarizeFunction(context: AnalysisContext, fn: FunctionNode): LeakSummary | undefined {
  const cached = topLevel.get(fn);
  if (cached && cached.deps.every(isCurrent)) return cached.summary ?? undefined;
  const result = summarize(context, fn, 0, { active: new Set(), partial: new Map() });
  if (!result.complete) topLevel.set(fn, { summary: result.summary ?? null, deps: [...result.deps] });
  return result.summary;
}

function summarize(context: AnalysisContext, fn: FunctionNode, depth: number, query: Query): Result {
  const cached = summaries.get(fn);
  if (cached && cached.deps.every(isCurrent)) {
    return { summary: cached.summary ?? undefined, deps: new Set(cached.deps), complete: true };
  }
  const partial = query.partial.get(fn);
  if (partial) return partial;
  if (query.active.has(fn) || depth > maxDepth) return { summary: undefined, deps: new Set(), complete: false };
  query.active.add(fn);
  const result = computeSummary(context, fn, depth, query);
  query.active.delete(fn);
  result.deps.add(context);
  if (result.complete) summaries.set(fn, { summary: result.summary ?? null, deps: [...result.deps] });
  else query.partial.set(fn, result);
  return result;
}

function computeSummary(context: AnalysisContext, fn: FunctionNode, depth: number, query: Query): Result {
  const result: Result = { summary: undefined, deps: new Set(), complete: true };
  const calls: (TSESTree.CallExpression | TSESTree.NewExpression)[] = [];
  walk(fn.body, (node) => {
    // Functions defined inside run later, or elsewhere: only what runs during the call counts.
    if (isFunctionNode(node) && !runsImmediately(node)) return false;
    if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) calls.push(node);
    return true;
  });
  for (const call of calls) {
    const start = findStart(context, call);
    if (start) {
      const leak = judgeStart(context, start, { fn, scope: fn, inConstructor: false, repetition: false });
      if (leak && !isGuardedOnce(context, fn, call)) {
        const file = path.basename(context.filename);
        const line = start.node.loc.start.line;
        result.summary =
          leak.targetParameter === undefined
            ? { leak, file, line, via: [] }
            : { leak, file, line, via: [], parameterIndex: leak.targetParameter };
        return result;
      }
      continue;
    }
    if (call.type !== AST_NODE_TYPES.CallExpression) continue;
    const callee = resolveCallee(context, call);
    if (!callee || callee.fn === fn) continue;
    const innerResult = summarize(callee.context, callee.fn, depth + 1, query);
    for (const dep of innerResult.deps) result.deps.add(dep);
    result.complete &&= innerResult.complete;
    const inner = innerResult.summary;
    if (!inner || isGuardedOnce(context, fn, call)) continue;
    const handedOn = handedOnParameter(context, fn, call, inner);
    if (handedOn === 'own') continue;
    const step = { name: callee.name, file: path.basename(callee.context.filename), line: callee.fn.loc.start.line };
    const { parameterIndex: _inner, ...rest } = inner;
    result.summary = { ...rest, via: [step, ...inner.via], ...(handedOn !== undefined && { parameterIndex: handedOn }) };
    return result;
  }
  return result;
}

/**
 * For a callee that leaks on its parameter, what this call hands it: one of our own parameters
 * (its index: our caller decides), a shared object (`undefined`: the leak stands), or an object
 * this function made or was called with for one call (`'own'`: it dies with that object).
 */
function handedOnParameter(
  context: AnalysisContext,
  fn: FunctionNode,
  call: TSESTree.CallExpression,
  inner: LeakSummary,
): number | 'own' | undefined {
  if (inner.parameterIndex === undefined) return undefined;
  const argument = call.arguments[inner.parameterIndex];
  if (!argument) return 'own';
  const owner = targetOwner(context, argument, fn);
  if (owner.owner !== 'outlives') return 'own';
  return owner.reason === 'parameter' ? (owner.parameterIndex ?? 'own') : undefined;
}

/**
 * A function that starts something only once, however often it is called: it records that it
 * did in state that outlives it, and checks that state first.
 *
 * ```ts
 * let subscribed = false;
 * function ensure() { if (subscribed) return; subscribed = true; sub.subscribe('x'); }
 * function client() { return (cached ??= new Redis()); }
 * ```
 */
function isGuardedOnce(context: AnalysisContext, fn: FunctionNode, call: TSESTree.Node): boolean {
  for (let current = call.parent; current && current !== fn; current = current.parent) {
    if (current.type === AST_NODE_TYPES.AssignmentExpression && (current.operator === '??=' || current.operator === '||=')) {
      return true;
    }
  }
  const remembered = new Set<string>();
  const checked: { text: string; end: number }[] = [];
  walk(fn.body, (node) => {
    if (isFunctionNode(node)) return false;
    if (node.type === AST_NODE_TYPES.AssignmentExpression) {
      const text = outerStateText(context, fn, node.left);
      if (text !== undefined) remembered.add(text);
    }
    const test =
      node.type === AST_NODE_TYPES.IfStatement || node.type === AST_NODE_TYPES.ConditionalExpression
        ? node.test
        : node.type === AST_NODE_TYPES.LogicalExpression
          ? node.left
          : undefined;
    if (test) {
      walk(test, (part) => {
        const text = stableReferenceText(part);
        if (text !== undefined) checked.push({ text, end: test.range[1] });
        return text === undefined;
      });
    }
    return true;
  });
  return checked.some((check) => check.end <= call.range[0] && remembered.has(check.text));
}

/** `this.sub` or a variable declared outside `fn`: state that survives the call. */
function outerStateText(context: AnalysisContext, fn: FunctionNode, target: TSESTree.Node): string | undefined {
  const inner = skipTypeWrappers(target);
  const text = stableReferenceText(inner);
  if (text === undefined) return undefined;
  if (text.startsWith('this.')) return text;
  if (inner.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(inner), inner);
  const definition = variable?.defs[0];
  return definition && !isInside(definition.name, fn) ? text : undefined;
}

/** `(subscribe.ts:7: sub.subscribe('new-task'))`, `(via open (helpers.ts:4) → subscribe.ts:7: …)` */
export function describePath(summary: LeakSummary): string {
  const steps = summary.via.map((step) => `${step.name} (${step.file}:${step.line})`);
  const end = `${summary.file}:${summary.line}: ${summary.leak.code}`;
  return steps.length > 0 ? `via ${steps.join(' → ')} → ${end}` : end;
}
