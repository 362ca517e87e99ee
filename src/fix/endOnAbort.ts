import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from '../analysis/estree';
import { isFunctionNode, skipTypeWrappers, stableReferenceText } from '../analysis/ast';
import type { EndCall, EndOperand, EndPlan } from '../analysis/endPlan';
import { signalApi } from '../analysis/families/abortSignal';
import { eventTarget } from '../analysis/families/eventTarget';
import type { AnalysisContext } from '../analysis/fileCache';
import { mayBeNull, mayBeUnsetAt, readableBeforeSet } from '../analysis/nullable';
import { freeName } from './freeName';
import { indentationOf } from './indentation';
import { typedListenerText } from './typedListener';

type OnAbortPlan = Extract<EndPlan, { kind: 'onAbort' }>;

/**
 * `end` run when `signal` aborts, or at once when it has aborted already (its 'abort' event fired
 * before this ran and will not fire again), as two lines at `indent`:
 * `if (signal?.aborted) void sub.quit();`
 * `else signal?.addEventListener('abort', () => void sub.quit(), { once: true });`
 */
export function abortListenerText(signal: string, optional: boolean, end: string, indent: string): string {
  const { addListener, aborted, event } = signalApi;
  const read = `${signal}${optional ? '?.' : '.'}`;
  return `if (${read}${aborted}) ${end};\n${indent}else ${read}${addListener}('${event}', () => ${end}, { ${eventTarget.onceOption}: true });`;
}

/**
 * Ends a started thing when `signal` aborts, right after the statement that starts or last uses it:
 * `const sub = client.duplicate(); …` → `… if (signal.aborted) void sub.quit(); else signal.addEventListener('abort', () => void sub.quit(), { once: true });`
 * A dropped handle is bound first (`const interval = setInterval(…)`), and an inline listener is
 * moved into a named `const` so the same function can be removed, with its parameters' types
 * written out (no fix when they cannot be). An `optional` signal (a new
 * parameter callers may not pass) is read as `signal?.aborted` and `signal?.addEventListener(…)`.
 */
export function endOnAbort(
  context: AnalysisContext,
  fixer: TSESLint.RuleFixer,
  plan: OnAbortPlan,
  signal: string,
  { optional = false }: { optional?: boolean } = {},
): TSESLint.RuleFix[] {
  const { sourceCode } = context;
  const fixes: TSESLint.RuleFix[] = [];
  const bound: Record<'handle' | 'listener', string> = { handle: '', listener: '' };
  const indent = indentationOf(sourceCode, plan.after);
  if (plan.bindHandle) {
    bound.handle = freeName(context, plan.bindHandle.statement, plan.bindHandle.preferredName);
    fixes.push(
      fixer.replaceTextRange(
        [plan.bindHandle.statement.range[0], plan.bindHandle.value.range[1]],
        `const ${bound.handle} = ${sourceCode.getText(plan.bindHandle.value)}`,
      ),
    );
  }
  if (plan.extractListener) {
    // Standing alone, the listener keeps its parameters' types only if they are written out.
    const listener = isFunctionNode(plan.extractListener.node)
      ? typedListenerText(context, plan.extractListener.node)
      : sourceCode.getText(plan.extractListener.node);
    if (listener === undefined) return [];
    bound.listener = freeName(context, plan.after, plan.extractListener.preferredName);
    fixes.push(
      fixer.insertTextBefore(plan.after, `const ${bound.listener} = ${listener};\n${indent}`),
      fixer.replaceText(plan.extractListener.node, bound.listener),
    );
  }
  const end = endCallText(context, plan.end, bound, plan.after);
  if (end === undefined) return [];
  // After the statement's own trailing comment, so the comment stays on its line.
  const trailingComment = sourceCode
    .getCommentsAfter(plan.after)
    .filter((comment) => comment.loc.start.line === plan.after.loc.end.line)
    .at(-1);
  fixes.push(
    fixer.insertTextAfter(
      trailingComment ?? plan.after,
      `\n${indent}${abortListenerText(signal, optional, end, indent)}`,
    ),
  );
  return fixes;
}

/**
 * `clearInterval(interval)`, `void sub.quit()`, `bus.off('x', onX)`: the end call written out. Written
 * after `at`, a variable that may still be unset there (`let w; try { w = watch(); } catch {}`) is
 * read with `?.` when it is what is called or called on (`void w?.close()`); nothing (no edit) when
 * it is handed to a function, which may not take `undefined`, or when TypeScript would not let it be
 * read before it is set (its written type has no `undefined`, or none is written).
 */
export function endCallText(
  context: AnalysisContext,
  call: EndCall,
  bound: Readonly<Record<'handle' | 'listener', string>>,
  at?: TSESTree.Node,
): string | undefined {
  const unset = (operand: EndOperand): boolean => at !== undefined && 'node' in operand && mayBeUnsetAt(context, operand.node, at);
  const operands = call.kind === 'call' ? [call.callee] : call.kind === 'method' ? [call.receiver, ...call.arguments] : call.arguments;
  const unsetOperands = operands.filter(unset);
  if (unsetOperands.some((operand) => 'node' in operand && !readableBeforeSet(context, operand.node))) return undefined;
  const text = (operand: EndOperand): string => ('bound' in operand ? bound[operand.bound] : writtenReference(context.sourceCode, operand.node));
  if (call.kind === 'call') return `${text(call.callee)}${unset(call.callee) ? '?.' : ''}()`;
  if (call.arguments.some(unset)) return undefined;
  // `clearInterval(this.timer ?? undefined)`: an end function takes no `null`.
  const argument = (operand: EndOperand): string => (call.kind === 'function' && 'node' in operand && mayBeNull(context, operand.node) ? `${text(operand)} ?? undefined` : text(operand));
  const args = call.arguments.map(argument).join(', ');
  if (call.kind === 'function') return `${call.name}(${args})`;
  // `api.queue!.on(…)`: the writer asserted the member is set when it attached; by the time of the
  // abort it may have been cleared, so the end reads it with `?.` (which also type-checks).
  const asserted = 'node' in call.receiver && call.receiver.node.type === AST_NODE_TYPES.TSNonNullExpression ? call.receiver.node : undefined;
  const receiver = asserted ? text({ node: asserted.expression }) : text(call.receiver);
  return `${call.returnsPromise ? 'void ' : ''}${receiver}${call.optional || asserted || unset(call.receiver) ? '?.' : '.'}${call.method}(${args})`;
}

/**
 * A reference as an end call writes it: without its type wrappers (`(conn as Redis)` → `conn`), but
 * as written when it reads a member by a key in brackets (`room['_events']`, `buses['job-queue']`),
 * which TypeScript may keep private to its class, or which may be no identifier at all.
 */
function writtenReference(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string {
  // A class field is read on the instance: `timer = setInterval(…)` → `this.timer`.
  if (node.type === AST_NODE_TYPES.PropertyDefinition) return `this.${sourceCode.getText(node.key)}`;
  const stable = stableReferenceText(node);
  return stable === undefined || readsMemberByKey(node) || readsAssertedMember(node) ? sourceCode.getText(node) : stable;
}

function readsMemberByKey(node: TSESTree.Node): boolean {
  const inner = skipTypeWrappers(node);
  return inner.type === AST_NODE_TYPES.MemberExpression && (inner.computed || readsMemberByKey(inner.object));
}

/** `a!.b`: a member of something asserted to be set, which reads as written (`a.b` may not type-check). */
function readsAssertedMember(node: TSESTree.Node): boolean {
  const inner = skipTypeWrappers(node);
  return inner.type === AST_NODE_TYPES.MemberExpression && (inner.object.type === AST_NODE_TYPES.TSNonNullExpression || readsAssertedMember(inner.object));
}
