import type { TSESTree } from '@typescript-eslint/utils';

import { enclosingFunction, findObjectProperty, isInside, isReassigned, outermostWrapper, skipTypeWrappers, staticMemberName, walk } from './ast';
import { classMembersOf } from './classMembers';
import { AST_NODE_TYPES, ASTUtils } from './estree';
import type { AnalysisContext } from './fileCache';
import { signalApi } from './families/abortSignal';
import { isNewAbortController } from './signalEvidence';
import { holderOf, memberName, methodKeyName, teardownOf, thisFunction } from './teardown';

/** A signal that can never abort, and the controller that would have to abort it. */
export interface NeverAbortedSignal {
  /** `ac.signal`, `signal`: as written where it is handed over. */
  signal: string;
  /** `ac`: the controller that nothing aborts. */
  controller: string;
}

/**
 * A signal that can never abort: the `.signal` of a `new AbortController()` made `within` the code
 * judged (a function, one run of a job) whose every use reads `.signal`, so nothing aborts it,
 * stores it or hands it on (and nothing else could). What the signal was handed to in order to end
 * it is then never ended. Read through one `const` that holds the signal. A controller made outside
 * (the program's shutdown) outlives the code judged: that is `outlivingSignalEnds`' question.
 *
 * `const ac = new AbortController(); bus.addEventListener('x', f, { signal: ac.signal })` → `ac`;
 * with `ac.abort()` anywhere, or `return ac` to a caller that may abort it, → `undefined`; returned
 * to callers this file shows all of, that never abort it, → `ac`. A controller kept on `this` counts
 * too, when its class has a teardown method that does not abort it (see `neverAbortedMember`).
 */
export function neverAbortedSignal(context: AnalysisContext, value: TSESTree.Node, within: TSESTree.Node): NeverAbortedSignal | undefined {
  const text = context.sourceCode.getText(value);
  const read = signalRead(context, skipTypeWrappers(value));
  if (read?.object.type === AST_NODE_TYPES.MemberExpression) {
    const controller = neverAbortedMember(context, read.object);
    return controller === undefined ? undefined : { signal: text, controller };
  }
  if (!read || read.object.type !== AST_NODE_TYPES.Identifier) return undefined;
  const controller = read.object;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(controller), controller);
  const definition = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || definition?.type !== 'Variable' || isReassigned(variable)) return undefined;
  const init = definition.node.init;
  if (!init || !isNewAbortController(init) || !isInside(definition.name, within)) return undefined;
  const maker = enclosingFunction(definition.name);
  let returned = false;
  const onlyReadsSignal = variable.references.every((reference) => {
    if (reference.init) return true;
    const parent = reference.identifier.parent;
    if (parent?.type === AST_NODE_TYPES.ReturnStatement && maker && enclosingFunction(parent) === maker) return (returned = true);
    return readsOnlySignal(reference.identifier);
  });
  if (!onlyReadsSignal || (returned && !(maker && callersNeverAbort(context, maker)))) return undefined;
  return { signal: text, controller: controller.name };
}

/** `ac.signal`: a use of a controller that aborts nothing and hands nothing on. */
function readsOnlySignal(use: TSESTree.Node): boolean {
  const parent = use.parent;
  return parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === use && staticMemberName(parent) === signalApi.property;
}

/**
 * Whether every caller of a function that returns its controller is in this file and aborts
 * nothing with it: the function is not exported and only ever called, and each call's result is
 * dropped or kept in a `const` that is only read for its `.signal`.
 *
 * `function track() { const ac = new AbortController(); …; return ac; }` with `track();` → true;
 * with `const t = track(); onStop(() => t.abort());` → false.
 */
function callersNeverAbort(context: AnalysisContext, fn: TSESTree.Node): boolean {
  const declarator = fn.parent;
  const name =
    fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.parent.type === AST_NODE_TYPES.Program
      ? fn.id
      : declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init === fn && declarator.parent.parent.type === AST_NODE_TYPES.Program
        ? declarator.id
        : undefined;
  if (name?.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(fn.parent as TSESTree.Node), name);
  const calls = variable?.references.filter((reference) => !reference.init) ?? [];
  return (
    calls.length > 0 &&
    calls.every((reference) => {
      const call = reference.identifier.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== reference.identifier) return false;
      const result = outermostWrapper(call, { throughAwait: true });
      const holder = result.parent;
      if (holder?.type === AST_NODE_TYPES.ExpressionStatement) return true;
      if (holder?.type !== AST_NODE_TYPES.VariableDeclarator || holder.init !== result || holder.id.type !== AST_NODE_TYPES.Identifier) return false;
      const kept = ASTUtils.findVariable(context.sourceCode.getScope(holder), holder.id);
      return kept !== null && !isReassigned(kept) && kept.references.every((use) => use.init || readsOnlySignal(use.identifier));
    })
  );
}

/** `ac.signal`, or a `const signal = ac.signal` never assigned again: the `ac.signal` read. */
function signalRead(context: AnalysisContext, value: TSESTree.Node): TSESTree.MemberExpression | undefined {
  if (value.type === AST_NODE_TYPES.MemberExpression) return staticMemberName(value) === signalApi.property ? value : undefined;
  if (value.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(value), value);
  const definition = variable?.defs[0];
  if (!variable || definition?.type !== 'Variable' || isReassigned(variable)) return undefined;
  const init = definition.node.init && skipTypeWrappers(definition.node.init);
  return init?.type === AST_NODE_TYPES.MemberExpression && staticMemberName(init) === signalApi.property ? init : undefined;
}

/** The never-aborted signal an options object hands over: `{ signal: ac.signal }`. */
export function neverAbortedOption(
  context: AnalysisContext,
  options: TSESTree.Node | undefined,
  within: TSESTree.Node,
): NeverAbortedSignal | undefined {
  const inner = options && skipTypeWrappers(options);
  if (inner?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const signal = findObjectProperty(inner, signalApi.property);
  return signal && neverAbortedSignal(context, signal.value, within);
}

/**
 * A controller kept on `this` that nothing aborts: a member of a class with a teardown method
 * (`stop`, `close`, `dispose`, …), only ever assigned `new AbortController()` (or emptied), whose
 * every use in the file reads its `.signal` or tests it, and that no other code can reach: a
 * `#private` or TS `private`/`protected` member, or a class the file neither exports nor hands out.
 * The name is counted in the file's text, so a mention anywhere else (`worker.ac.abort()`,
 * `const { ac } = this`) keeps it quiet.
 *
 * `class Tracker { #ac = new AbortController(); start() { window.addEventListener('resize', f, { signal: this.#ac.signal }) } stop() {} }`
 * → `'this.#ac'`; with `this.#ac.abort()` in `stop()` → `undefined`.
 */
export function neverAbortedMember(context: AnalysisContext, member: TSESTree.MemberExpression): string | undefined {
  const name = memberName(member);
  const fn = thisFunction(member);
  const method = fn?.parent;
  if (name === undefined || member.object.type !== AST_NODE_TYPES.ThisExpression || method?.type !== AST_NODE_TYPES.MethodDefinition || method.static) {
    return undefined;
  }
  const body = method.parent;
  const declared = classMembersOf(body).get(name);
  const holder = fn && holderOf(context, fn);
  if (!declared || !holder || holder.unseenBase || !teardownOf(holder)) return undefined;
  const emptied = (value: TSESTree.Node) => isNullish(skipTypeWrappers(value));
  if (!declared.values.some(isNewAbortController) || !declared.values.every((value) => isNewAbortController(value) || emptied(value))) return undefined;
  const property = body.body.find(
    (element): element is TSESTree.PropertyDefinition => element.type === AST_NODE_TYPES.PropertyDefinition && methodKeyName(element) === name,
  );
  const hidden = name.startsWith('#') || (property?.accessibility !== undefined && property.accessibility !== 'public');
  if (!hidden && classEscapes(context, body)) return undefined;
  // Every `this.<name>` of the class reads `.signal`, tests it or assigns it; nothing else names it.
  let uses = 0;
  let onlyReads = true;
  walk(body, (node) => {
    if (node.type !== AST_NODE_TYPES.MemberExpression || node.object.type !== AST_NODE_TYPES.ThisExpression || memberName(node) !== name) return true;
    uses++;
    onlyReads &&= readsSignalOrTests(node);
    return false;
  });
  const bare = name.replace(/^#/, '');
  const mentions = context.sourceCode.text.match(new RegExp(`(?<![\\w$])${bare.replace(/\$/g, '\\$')}(?![\\w$])`, 'g'))?.length ?? 0;
  if (!onlyReads || mentions !== uses + (property ? 1 : 0)) return undefined;
  return `this.${name}`;
}

/** `this.ac.signal`, `if (this.ac)`, `!this.ac`, `this.ac = new AbortController()`, `this.ac = null`. */
function readsSignalOrTests(use: TSESTree.MemberExpression): boolean {
  const parent = use.parent;
  switch (parent.type) {
    case AST_NODE_TYPES.MemberExpression:
      return parent.object === use && !parent.computed && staticMemberName(parent) === signalApi.property;
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.left === use && parent.operator === '=';
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test === use;
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator === '!';
    default:
      return false;
  }
}

/** Whether code outside the class can reach its instances' members: the class is exported or its name used other than by `new` and `extends`. */
function classEscapes(context: AnalysisContext, body: TSESTree.ClassBody): boolean {
  const declaration = body.parent;
  if (declaration.type !== AST_NODE_TYPES.ClassDeclaration || !declaration.id) return true;
  if (declaration.parent.type !== AST_NODE_TYPES.Program) return true;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(declaration), declaration.id);
  return (
    !variable ||
    variable.references.some((reference) => {
      const parent = reference.identifier.parent;
      const constructed = parent?.type === AST_NODE_TYPES.NewExpression && parent.callee === reference.identifier;
      const extended = parent?.type === AST_NODE_TYPES.ClassDeclaration && parent.superClass === reference.identifier;
      return !constructed && !extended;
    })
  );
}

function isNullish(node: TSESTree.Node): boolean {
  return (node.type === AST_NODE_TYPES.Literal && node.value === null) || (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined');
}
