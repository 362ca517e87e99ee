import type { TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';

import { AST_NODE_TYPES } from './estree';

/** A type annotation naming `name`, alone or in a union: `AbortSignal | undefined`. */
export function annotationNames(annotation: TSESTree.TypeNode, name: string): boolean {
  if (annotation.type === AST_NODE_TYPES.TSUnionType) return annotation.types.some((part) => annotationNames(part, name));
  return (
    annotation.type === AST_NODE_TYPES.TSTypeReference &&
    annotation.typeName.type === AST_NODE_TYPES.Identifier &&
    annotation.typeName.name === name
  );
}

/** A checker type named `name` (its symbol or alias). */
export function isNamedType(type: ts.Type, name: string): boolean {
  return (type.getSymbol() ?? type.aliasSymbol)?.getName() === name;
}

/** `AbortSignal`, and look-alikes such as axios' `GenericAbortSignal`, alone or in a union. */
export function isAbortSignalType(type: ts.Type): boolean {
  if (type.isUnion()) return type.types.some(isAbortSignalType);
  const name = (type.getSymbol() ?? type.aliasSymbol)?.getName();
  return name !== undefined && /AbortSignal$/.test(name);
}
