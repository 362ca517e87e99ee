import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES, ASTUtils } from './estree';
import { skipTypeWrappers, staticMemberName, walk } from './ast';
import { findClassMember } from './classMembers';
import type { AnalysisContext } from './fileCache';
import { typescript, typeServices } from './typeServices';

/**
 * Whether a TypeScript value may hold `null` where it is read: its type has `null` (with types),
 * or, without, the class member or variable it names is declared with `null` in its type. An end
 * that takes no `null` is then handed `?? undefined`: `clearInterval(this.timer)` does not
 * type-check for `private timer: NodeJS.Timeout | null`. In JavaScript nothing is checked: false.
 *
 * `private timer: ReturnType<typeof setInterval> | null = null` → true for `this.timer`.
 */
export function mayBeNull(context: AnalysisContext, node: TSESTree.Node): boolean {
  if (!/\.[cm]?tsx?$/.test(context.filename)) return false;
  const services = typeServices(context);
  // A class field's value is read as the field's declared type.
  const field = node.type === AST_NODE_TYPES.PropertyDefinition ? node : undefined;
  if (services) {
    const type = services.getTypeAtLocation(field?.key ?? node);
    const { TypeFlags } = typescript();
    return (type.isUnion() ? type.types : [type]).some((part) => (part.flags & TypeFlags.Null) !== 0);
  }
  if (field) return field.typeAnnotation !== undefined && namesNull(field.typeAnnotation.typeAnnotation);
  const inner = skipTypeWrappers(node);
  if (inner.type === AST_NODE_TYPES.MemberExpression && inner.object.type === AST_NODE_TYPES.ThisExpression) {
    const name = inner.property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${inner.property.name}` : staticMemberName(inner);
    const annotation = name === undefined ? undefined : findClassMember(inner, name)?.annotation;
    return annotation !== undefined && namesNull(annotation);
  }
  if (inner.type !== AST_NODE_TYPES.Identifier) return false;
  const definition = ASTUtils.findVariable(context.sourceCode.getScope(inner), inner)?.defs[0];
  const annotation = definition?.name.type === AST_NODE_TYPES.Identifier ? definition.name.typeAnnotation?.typeAnnotation : undefined;
  return annotation !== undefined && namesNull(annotation);
}

function namesNull(annotation: TSESTree.TypeNode): boolean {
  let found = false;
  walk(annotation, (node) => {
    if (node.type === AST_NODE_TYPES.TSNullKeyword) found = true;
    return !found;
  });
  return found;
}
