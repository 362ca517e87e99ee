import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from '../analysis/estree';
import { isFunctionNode } from '../analysis/ast';
import { signalApi } from '../analysis/families/abortSignal';
import type { AnalysisContext } from '../analysis/fileCache';
import { jsdocTypes } from '../analysis/jsdoc';
import type { SignalInScope } from '../analysis/signalInScope';
import { typeServices } from '../analysis/typeServices';

/**
 * Whether the signal a fix uses may be `undefined` when the code runs, so that the fix must write
 * `signal?.addEventListener(…)` and `!signal?.aborted`: `options.signal` of
 * `options: { signal?: AbortSignal }`, a `signal?: AbortSignal` parameter, or, in JavaScript, a
 * `signal` read off an options object nobody types. With types, the checker decides.
 */
export function signalMayBeMissing(context: AnalysisContext, signal: SignalInScope): boolean {
  const declared = signal.declaredAt;
  if (declared?.type !== AST_NODE_TYPES.Identifier) return false;
  const key = signalApi.property;
  const property = signal.text.endsWith(`.${key}`) && signal.text !== `this.${key}` ? key : undefined;
  const services = typeServices(context);
  if (services) {
    const checker = services.program.getTypeChecker();
    let type = services.getTypeAtLocation(declared);
    if (property) {
      // The carrier itself may be missing: `options?: { signal: AbortSignal }`.
      if (declared.optional) return true;
      const symbol = checker.getPropertyOfType(checker.getNonNullableType(type), property);
      if (!symbol) return false;
      // ts.SymbolFlags.Optional: `signal?: AbortSignal`.
      if ((symbol.flags & 16777216) !== 0) return true;
      type = checker.getTypeOfSymbol(symbol);
    }
    // ts.TypeFlags.Void | Undefined | Null (TypeScript itself is an optional peer dependency).
    const missing = 16384 | 32768 | 65536;
    return (type.isUnion() ? type.types : [type]).some((member) => (member.flags & missing) !== 0);
  }
  if (!/\.[cm]?tsx?$/.test(context.filename)) return property !== undefined || documentedOptional(context, declared);
  // `options?: { signal: AbortSignal }`: the whole carrier may be missing.
  if (!property || declared.optional) return declared.optional || isOptionalDestructured(declared);
  const annotation = declared.typeAnnotation?.typeAnnotation;
  return annotation?.type === AST_NODE_TYPES.TSTypeLiteral && literalSignalIsOptional(annotation);
}

/** `/** @param {AbortSignal} [signal] *\/ function f(signal) {}`: checkJs types it `AbortSignal | undefined`. */
function documentedOptional(context: AnalysisContext, identifier: TSESTree.Identifier): boolean {
  const fn = identifier.parent;
  if (!isFunctionNode(fn)) return false;
  return jsdocTypes(context.sourceCode, fn)?.params.some((param) => param.name === identifier.name && param.optional) ?? false;
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
