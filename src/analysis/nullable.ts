import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES, ASTUtils } from './estree';
import { skipTypeWrappers, staticMemberName } from './ast';
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
  if (field) return field.typeAnnotation !== undefined && names(field.typeAnnotation.typeAnnotation, [AST_NODE_TYPES.TSNullKeyword]);
  const inner = skipTypeWrappers(node);
  if (inner.type === AST_NODE_TYPES.MemberExpression && inner.object.type === AST_NODE_TYPES.ThisExpression) {
    const name = inner.property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${inner.property.name}` : staticMemberName(inner);
    const annotation = name === undefined ? undefined : findClassMember(inner, name)?.annotation;
    return annotation !== undefined && names(annotation, [AST_NODE_TYPES.TSNullKeyword]);
  }
  if (inner.type !== AST_NODE_TYPES.Identifier) return false;
  const definition = ASTUtils.findVariable(context.sourceCode.getScope(inner), inner)?.defs[0];
  const annotation = definition?.name.type === AST_NODE_TYPES.Identifier ? definition.name.typeAnnotation?.typeAnnotation : undefined;
  return annotation !== undefined && names(annotation, [AST_NODE_TYPES.TSNullKeyword]);
}

/**
 * Whether a written type holds one of `keywords` as a value it may take (`null` in `Timeout | null`),
 * not inside another type (`Worker<any>`, `() => void | undefined`).
 */
function names(annotation: TSESTree.TypeNode, keywords: readonly AST_NODE_TYPES[]): boolean {
  if (annotation.type === AST_NODE_TYPES.TSUnionType) return annotation.types.some((part) => names(part, keywords));
  return keywords.includes(annotation.type);
}

/**
 * Whether a local variable may still be unset where `at` runs: declared without a value, and no
 * `name = …` statement of its own, in a block that holds `at`, runs before it on every path. Set
 * in a `try` whose `catch` goes on, or in one branch of an `if`, it may be `undefined` there:
 * `let watcher; try { watcher = chokidar.watch(dir); } catch { … }` → true after the `try`.
 * Anything but a variable declared by `let`/`var`/`const` (a parameter, an import, a member): false.
 */
export function mayBeUnsetAt(context: AnalysisContext, node: TSESTree.Node, at: TSESTree.Node): boolean {
  const inner = skipTypeWrappers(node);
  if (inner.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(inner), inner);
  const definition = variable?.defs[0];
  if (!variable || definition?.type !== 'Variable') return false;
  const declarator = definition.node;
  const loop = declarator.parent.parent;
  if (declarator.init || loop?.type === AST_NODE_TYPES.ForOfStatement || loop?.type === AST_NODE_TYPES.ForInStatement) return false;
  return !variable.references.some((reference) => reference.isWrite() && setsBeforeOnEveryPath(reference.identifier, at));
}

/** `name = …;` as a statement of a block that holds `at` and runs before it (or is it). */
function setsBeforeOnEveryPath(identifier: TSESTree.Node, at: TSESTree.Node): boolean {
  const assignment = identifier.parent;
  if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.left !== identifier || assignment.operator !== '=') return false;
  const statement = assignment.parent;
  const block = statement?.parent;
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || (block?.type !== AST_NODE_TYPES.BlockStatement && block?.type !== AST_NODE_TYPES.Program)) {
    return false;
  }
  return statement.range[0] <= at.range[0] && at.range[1] <= block.range[1];
}

/**
 * Whether TypeScript lets a variable be read where it may not be set yet, in a function of its own
 * too: its written type holds `undefined` (`FSWatcher | undefined`) or is `any`. A `let w;` with no
 * type written evolves, and a function that reads it sees an implicit `any`; on `unknown` no method
 * can be called. In JavaScript: true.
 */
export function readableBeforeSet(context: AnalysisContext, node: TSESTree.Node): boolean {
  if (!/\.[cm]?tsx?$/.test(context.filename)) return true;
  const inner = skipTypeWrappers(node);
  if (inner.type !== AST_NODE_TYPES.Identifier) return false;
  const definition = ASTUtils.findVariable(context.sourceCode.getScope(inner), inner)?.defs[0];
  const annotation = definition?.name.type === AST_NODE_TYPES.Identifier ? definition.name.typeAnnotation?.typeAnnotation : undefined;
  return annotation !== undefined && names(annotation, [AST_NODE_TYPES.TSUndefinedKeyword, AST_NODE_TYPES.TSAnyKeyword]);
}
