import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';

import { AST_NODE_TYPES, ASTUtils } from './estree';
import { protocols } from './families/language';
import type { EndlessIterators } from './apis';
import { endlessIteratorFamilies } from './apis';
import { findObjectProperty, isFunctionNode, methodCallParts, skipTypeWrappers, stableReferenceText, staticMemberName, walk } from './ast';
import { enclosingClassBody, findClassMember } from './classMembers';
import type { AnalysisContext } from './fileCache';
import { importedCallee, importedName, trackedCalls } from './imports';
import { usesOf } from './lifetime';
import { repetitionAround } from './repetition';
import { declaringModule } from './objectKind';
import { isUntypedType, typeServices } from './typeServices';

/** An async iterable that never ends by itself, iterated by a `for await`. */
export interface EndlessSource {
  /** The call that makes it: `on(bus, 'job')`, `nc.subscribe('jobs')`; none for a typed parameter. */
  call?: TSESTree.CallExpression;
  /** Where it takes `{ signal }`, when it does: `events.on`, `timers/promises.setInterval`, `fs/promises.watch`. */
  optionsIndex?: number;
  /** How to end it when it takes no signal: `sub.unsubscribe()`. */
  end?: SourceEnd;
}

/** How a fix ends an endless source: `sub.unsubscribe()`, `void changeStream.close()`. */
export interface SourceEnd {
  handle: TSESTree.Expression;
  method: string;
  returnsPromise?: boolean;
  /** The name a fix gives the source when it must name it. */
  name?: string;
}

/** The end a fix calls on a source of this family. */
function familyEnd(family: EndlessIterators, handle: TSESTree.Expression): SourceEnd {
  return { handle, method: family.ends[0] ?? protocols.iteratorEnd, returnsPromise: family.endReturnsPromise, name: family.handleName };
}

const maxDepth = 6;

/**
 * The endless source a `for await` iterates, or `undefined` for a finite or unknown one, or one
 * that something else can end (its handle or its client is ended or handed on elsewhere):
 * `for await (const m of nc.subscribe('jobs'))` with `import { connect } from 'nats'` and
 * `const nc = await connect()` → the NATS subscription; `… of nc.subscribe('jobs', { max: 1 })` → none.
 */
export function endlessSource(context: AnalysisContext, loop: TSESTree.ForOfStatement): EndlessSource | undefined {
  if (!loop.await) return undefined;
  const right = skipTypeWrappers(loop.right);
  if (right.type === AST_NODE_TYPES.CallExpression) return sourceOfCall(context, right, right);
  if (right.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(right), right);
  const definition = variable?.defs[0];
  if (!variable || !definition) return undefined;
  // Any other use may end it or hand it to someone who will: `sub.unsubscribe()`, `this.sub = sub`.
  const otherUses = variable.references.filter((reference) => reference.identifier !== right && !reference.init);
  if (otherUses.length > 0) return undefined;
  if (definition.type === 'Variable' && definition.node.id.type === AST_NODE_TYPES.Identifier && definition.node.init) {
    const init = skipTypeWrappers(definition.node.init);
    return init.type === AST_NODE_TYPES.CallExpression ? sourceOfCall(context, init, right) : undefined;
  }
  if (definition.type === 'Parameter') {
    const family = familyOfTypedValue(context, right, 'iterableTypes');
    return family ? { end: familyEnd(family, right) } : undefined;
  }
  return undefined;
}

function sourceOfCall(context: AnalysisContext, call: TSESTree.CallExpression, handle: TSESTree.Expression): EndlessSource | undefined {
  const takesSignal = trackedCalls(context).get(call)?.takesSignal;
  if (takesSignal) {
    return takesSignal.endless && typeof takesSignal.options === 'number' ? { call, optionsIndex: takesSignal.options } : undefined;
  }
  const parts = methodCallParts(call);
  if (!parts) return undefined;
  const family = familyOfClient(context, parts.target, 0);
  const iterator = family?.iterators[parts.method];
  if (!family || !iterator) return undefined;
  // Options that may make it finite (`{ max: 1 }`), or that we cannot read, leave it be.
  const options = iterator.finiteOptions && call.arguments[1] && skipTypeWrappers(call.arguments[1]);
  if (options) {
    if (options.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    if (options.properties.some((property) => property.type === AST_NODE_TYPES.SpreadElement)) return undefined;
    if (iterator.finiteOptions?.some((name) => findObjectProperty(options, name))) return undefined;
  }
  if (clientIsEnded(context, parts.target, family)) return undefined;
  return { call, end: familyEnd(family, handle) };
}

/**
 * The family of a client, from its type, or without types from where it was made:
 * `const nc = await connect()` (nats), `new PubSub()`, a parameter annotated `NatsConnection`.
 */
function familyOfClient(context: AnalysisContext, node: TSESTree.Node, depth: number): EndlessIterators | undefined {
  if (depth === 0 && typeServices(context)) {
    const typed = familyOfTypedValue(context, node, 'clientTypes');
    if (typed !== null) return typed;
  }
  if (depth > maxDepth) return undefined;
  const inner = skipTypeWrappers(node);
  switch (inner.type) {
    case AST_NODE_TYPES.AwaitExpression:
      return familyOfClient(context, inner.argument, depth + 1);
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return familyOfFactory(context, skipTypeWrappers(inner.callee));
    case AST_NODE_TYPES.Identifier: {
      const variable = ASTUtils.findVariable(context.sourceCode.getScope(inner), inner);
      const definition = variable?.defs[0];
      if (!variable || !definition) return undefined;
      if (definition.type === 'Parameter' && definition.name.type === AST_NODE_TYPES.Identifier) {
        return familyOfAnnotation(context, definition.name.typeAnnotation?.typeAnnotation);
      }
      if (definition.type !== 'Variable' || definition.node.id.type !== AST_NODE_TYPES.Identifier) return undefined;
      const annotated = familyOfAnnotation(context, definition.node.id.typeAnnotation?.typeAnnotation);
      if (annotated) return annotated;
      const writes = variable.references.filter((reference) => reference.isWrite());
      return definition.node.init && writes.length <= 1 ? familyOfClient(context, definition.node.init, depth + 1) : undefined;
    }
    case AST_NODE_TYPES.MemberExpression: {
      // `this.nc`: the class field's annotation, or what the class assigns to it.
      const name = skipTypeWrappers(inner.object).type === AST_NODE_TYPES.ThisExpression ? staticMemberName(inner) : undefined;
      const member = name === undefined ? undefined : findClassMember(inner, name);
      if (!member) return undefined;
      const annotated = familyOfAnnotation(context, member.annotation);
      if (annotated) return annotated;
      const families = new Set(member.values.map((value) => familyOfClient(context, value, depth + 1)));
      return families.size === 1 ? [...families][0] : undefined;
    }
    default:
      return undefined;
  }
}

/** `connect` imported from 'nats', `nats.connect` with `import * as nats from 'nats'`, `PubSub` from 'graphql-subscriptions'. */
function familyOfFactory(context: AnalysisContext, callee: TSESTree.Node): EndlessIterators | undefined {
  const imported = importedCallee(context.sourceCode, callee);
  return imported && endlessIteratorFamilies.find((family) => family.modules.includes(imported.module) && family.factories.includes(imported.name));
}

/** `nc: NatsConnection` with `import type { NatsConnection } from 'nats'`. */
function familyOfAnnotation(context: AnalysisContext, annotation: TSESTree.TypeNode | undefined): EndlessIterators | undefined {
  if (annotation?.type === AST_NODE_TYPES.TSUnionType) {
    const parts = annotation.types.filter((part) => part.type !== AST_NODE_TYPES.TSUndefinedKeyword && part.type !== AST_NODE_TYPES.TSNullKeyword);
    return parts.length === 1 ? familyOfAnnotation(context, parts[0]) : undefined;
  }
  if (annotation?.type !== AST_NODE_TYPES.TSTypeReference || annotation.typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
  const imported = importedName(context.sourceCode, annotation.typeName);
  return imported && endlessIteratorFamilies.find((family) => family.modules.includes(imported.module) && family.clientTypes.includes(imported.name));
}

/**
 * With types: the family whose package declares the value's type under one of these names;
 * `null` when the type is `any` (unresolved import), so that where it came from decides instead.
 */
function familyOfTypedValue(
  context: AnalysisContext,
  node: TSESTree.Node,
  names: 'clientTypes' | 'iterableTypes',
): EndlessIterators | undefined | null {
  const services = typeServices(context);
  if (!services) return null;
  const type: ts.Type = services.getTypeAtLocation(node);
  if (isUntypedType(type)) return null;
  const checker = services.program.getTypeChecker();
  const symbol = checker.getNonNullableType(type).getSymbol();
  for (const declaration of symbol?.getDeclarations() ?? []) {
    const module = declaringModule(declaration);
    const family = endlessIteratorFamilies.find(
      (candidate) => candidate[names].includes(symbol?.getName() ?? '') && module !== undefined && candidate.modules.includes(module),
    );
    if (family) return family;
  }
  return undefined;
}

/**
 * A parameter (`async function track(nc) { for await (const m of nc.subscribe(s)) … }`) whose every
 * caller in the file passes a client ended there (`track(nc); … nc.drain()`), the function not
 * exported and no caller in repeated code.
 */
function everyCallerPassesEnded(context: AnalysisContext, variable: TSESLint.Scope.Variable, family: EndlessIterators, depth: number): boolean {
  const definition = variable.defs[0];
  if (definition?.type !== 'Parameter' || !isFunctionNode(definition.node)) return false;
  const fn = definition.node;
  const index = fn.params.findIndex((param) => param.type === AST_NODE_TYPES.Identifier && param.name === variable.name);
  const uses = index < 0 ? undefined : usesOf(context, fn);
  if (!uses || uses.exported || uses.calls.length === 0) return false;
  return uses.calls.every((call) => {
    const argument = call.arguments[index];
    // A loop started on every tick piles up until that drain: only a caller that runs once counts.
    if (repetitionAround(context, call)) return false;
    return argument !== undefined && argument.type !== AST_NODE_TYPES.SpreadElement && clientIsEnded(context, argument, family, depth + 1);
  });
}

/**
 * `nc.close()` or `nc.drain()` anywhere in the file, or `this.nc.close()` anywhere in the class:
 * the client, and every iterable it made, has an end.
 */
function clientIsEnded(context: AnalysisContext, client: TSESTree.Node, family: EndlessIterators, depth = 0): boolean {
  const inner = skipTypeWrappers(client);
  const endsClient = (node: TSESTree.Node | undefined, same: (object: TSESTree.Node) => boolean): boolean =>
    node?.type === AST_NODE_TYPES.MemberExpression && same(node.object) && family.clientEnds.includes(staticMemberName(node) ?? '');
  if (inner.type === AST_NODE_TYPES.Identifier) {
    const variable = ASTUtils.findVariable(context.sourceCode.getScope(inner), inner);
    if (variable?.references.some((reference) => endsClient(reference.identifier.parent, (object) => object === reference.identifier))) return true;
    return depth < 2 && variable !== null && everyCallerPassesEnded(context, variable, family, depth);
  }
  const text = stableReferenceText(inner);
  const classBody = enclosingClassBody(inner);
  if (!text?.startsWith('this.') || !classBody) return false;
  let ended = false;
  walk(classBody, (node) => {
    if (!ended && endsClient(node, (object) => stableReferenceText(object) === text)) ended = true;
    return !ended;
  });
  return ended;
}
