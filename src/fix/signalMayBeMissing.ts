import type { TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';

import { AST_NODE_TYPES } from '../analysis/estree';
import { isFunctionNode } from '../analysis/ast';
import { signalApi } from '../analysis/families/abortSignal';
import type { AnalysisContext } from '../analysis/fileCache';
import { jsdocTypes } from '../analysis/jsdoc';
import type { SignalInScope } from '../analysis/signalInScope';
import { typeServices, typescript } from '../analysis/typeServices';

/**
 * Whether the signal a fix uses may be `undefined` when the code runs, so that the fix must write
 * `signal?.addEventListener(…)` and `!signal?.aborted`. `?.` is right either way, and `.` on a
 * missing signal throws in the fixed program, so it is `true` unless the code shows the signal is
 * always there: with types, a type without `undefined`/`null` on a binding that is not optional;
 * without, an annotation or a JSDoc type that says so, or a local the code made from an
 * `AbortController` or `AbortSignal.timeout/any/abort()`. A JavaScript parameter nobody documents
 * may be left out by any caller.
 */
export function signalMayBeMissing(context: AnalysisContext, signal: SignalInScope): boolean {
  const declared = signal.declaredAt;
  // `this.signal`, `this.options.signal`: there unless the class's own code already reads it as if
  // it always were (`this.options.signal.aborted`).
  if (!declared) return !context.sourceCode.text.includes(`${signal.text}.`);
  if (declared.type !== AST_NODE_TYPES.Identifier) return true;
  // `signal?: AbortSignal`, `options?: {…}`: missing whatever the checker's strictness says.
  if (declared.optional) return true;
  const key = signalApi.property;
  const property = signal.text.endsWith(`.${key}`) && signal.text !== `this.${key}` ? key : undefined;
  const services = typeServices(context);
  if (services) {
    const { SymbolFlags, TypeFlags } = typescript();
    const checker = services.program.getTypeChecker();
    let type = services.getTypeAtLocation(declared);
    if (property) {
      const symbol = checker.getPropertyOfType(checker.getNonNullableType(type), property);
      if (!symbol || (symbol.flags & SymbolFlags.Optional) !== 0) return true;
      if (mayBeNullish(type, TypeFlags)) return true;
      type = checker.getTypeOfSymbol(symbol);
    }
    return mayBeNullish(type, TypeFlags);
  }
  const parameter = bindingParameter(declared);
  if (/\.[cm]?tsx?$/.test(context.filename)) {
    if (isOptionalDestructured(declared)) return true;
    const annotation = declared.typeAnnotation?.typeAnnotation;
    if (!annotation) return parameter !== undefined || !madeHere(declared, property);
    if (annotationMayBeNullish(annotation)) return true;
    return property !== undefined && (annotation.type !== AST_NODE_TYPES.TSTypeLiteral || literalSignalIsOptional(annotation));
  }
  if (parameter) return property !== undefined || !documentedRequired(context, parameter, declared);
  return !madeHere(declared, property);
}

/** `TypeFlags.Any | Unknown | Undefined | Null | Void` on the type or a member of its union. */
function mayBeNullish(type: ts.Type, flags: typeof ts.TypeFlags): boolean {
  const nullish = flags.Any | flags.Unknown | flags.Undefined | flags.Null | flags.Void;
  return (type.isUnion() ? type.types : [type]).some((member) => (member.flags & nullish) !== 0);
}

/** `AbortSignal | undefined`, `T | null`, `void | …`. */
function annotationMayBeNullish(annotation: TSESTree.TypeNode): boolean {
  const nullish = (node: TSESTree.TypeNode): boolean =>
    node.type === AST_NODE_TYPES.TSUndefinedKeyword ||
    node.type === AST_NODE_TYPES.TSNullKeyword ||
    node.type === AST_NODE_TYPES.TSVoidKeyword ||
    node.type === AST_NODE_TYPES.TSAnyKeyword ||
    node.type === AST_NODE_TYPES.TSUnknownKeyword;
  return nullish(annotation) || (annotation.type === AST_NODE_TYPES.TSUnionType && annotation.types.some(nullish));
}

/** The function whose parameter list binds `identifier` (`signal`, `{ signal }`, `signal = x`). */
function bindingParameter(identifier: TSESTree.Identifier): TSESTree.Node | undefined {
  let node: TSESTree.Node = identifier;
  while (
    node.parent &&
    (node.parent.type === AST_NODE_TYPES.Property ||
      node.parent.type === AST_NODE_TYPES.ObjectPattern ||
      node.parent.type === AST_NODE_TYPES.ArrayPattern ||
      node.parent.type === AST_NODE_TYPES.AssignmentPattern ||
      node.parent.type === AST_NODE_TYPES.RestElement ||
      node.parent.type === AST_NODE_TYPES.TSParameterProperty)
  ) {
    node = node.parent;
  }
  const fn = node.parent;
  return fn && isFunctionNode(fn) && fn.params.includes(node as TSESTree.Parameter) ? fn : undefined;
}

/**
 * A local the code made so that it holds a signal: `const controller = new AbortController()`
 * (for `controller.signal`), `const signal = controller.signal` of such a controller, or
 * `AbortSignal.timeout/any/abort(…)`.
 */
function madeHere(identifier: TSESTree.Identifier, property: string | undefined): boolean {
  const declarator = identifier.parent;
  if (declarator.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id !== identifier || !declarator.init) return false;
  const init = declarator.init;
  if (property) return init.type === AST_NODE_TYPES.NewExpression && isGlobalName(init.callee, signalApi.controller);
  if (init.type === AST_NODE_TYPES.CallExpression) {
    const callee = init.callee;
    return callee.type === AST_NODE_TYPES.MemberExpression && isGlobalName(callee.object, signalApi.type);
  }
  return (
    init.type === AST_NODE_TYPES.MemberExpression &&
    init.object.type === AST_NODE_TYPES.NewExpression &&
    isGlobalName(init.object.callee, signalApi.controller)
  );
}

function isGlobalName(node: TSESTree.Node, name: string): boolean {
  return node.type === AST_NODE_TYPES.Identifier && node.name === name;
}

/** `/** @param {AbortSignal} signal *\/`: documented, and not as optional (`[signal]`, `AbortSignal=`). */
function documentedRequired(context: AnalysisContext, fn: TSESTree.Node, identifier: TSESTree.Identifier): boolean {
  const param = jsdocTypes(context.sourceCode, fn)?.params.find((entry) => entry.name === identifier.name);
  return param !== undefined && !param.optional && !/\b(?:undefined|null)\b|^\?/.test(param.type);
}

/** `{ signal }: { signal?: AbortSignal }`. */
function isOptionalDestructured(identifier: TSESTree.Identifier): boolean {
  const property = identifier.parent;
  const pattern = property.type === AST_NODE_TYPES.Property ? property.parent : undefined;
  const annotation = pattern?.type === AST_NODE_TYPES.ObjectPattern ? pattern.typeAnnotation?.typeAnnotation : undefined;
  return annotation?.type === AST_NODE_TYPES.TSTypeLiteral && literalSignalIsOptional(annotation);
}

function literalSignalIsOptional(literal: TSESTree.TSTypeLiteral): boolean {
  return literal.members.some(
    (member) =>
      member.type === AST_NODE_TYPES.TSPropertySignature &&
      member.key.type === AST_NODE_TYPES.Identifier &&
      member.key.name === signalApi.property &&
      member.optional,
  );
}
