import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES, ASTUtils } from './estree';
import { enclosingFunction, isTopLevelScope, referenceRoot, skipTypeWrappers, staticMemberName } from './ast';
import { enclosingClassBody, findClassMember } from './classMembers';
import type { AnalysisContext } from './fileCache';

/**
 * The member of `this` that `target` reads (`this.queue.on` → `queue`), when the class did not
 * make it but was given it: every value the class assigns to it is a parameter of one of its
 * methods (`constructor(queue) { this.queue = queue }`, `constructor(private queue: Queue)`),
 * a parameter's property (`this.client = opts.client`), or something shared (an import, a
 * module's variable). Such an object lives on after each call of a method: what a method adds
 * to it per call piles up there. `undefined` for `this` itself and for what the class made.
 *
 * `class Job { constructor(queue) { this.queue = queue } wait() { this.queue.on('closing', f) } }`
 * → `'queue'` for `this.queue`.
 */
export function givenMember(context: AnalysisContext, target: TSESTree.Node): string | undefined {
  let member = skipTypeWrappers(target);
  while (member.type === AST_NODE_TYPES.MemberExpression && skipTypeWrappers(member.object).type !== AST_NODE_TYPES.ThisExpression) {
    member = skipTypeWrappers(member.object);
  }
  if (member.type !== AST_NODE_TYPES.MemberExpression || member.computed) return undefined;
  const name = member.property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${member.property.name}` : staticMemberName(member);
  const body = enclosingClassBody(member);
  if (name === undefined || !body) return undefined;
  if (isParameterProperty(body, name)) return name;
  const values = findClassMember(member, name)?.values ?? [];
  return values.length > 0 && values.every((value) => isGivenValue(context, value)) ? name : undefined;
}

/** `constructor(private readonly queue: Queue)`. */
function isParameterProperty(body: TSESTree.ClassBody, name: string): boolean {
  const constructor = body.body.find(
    (element): element is TSESTree.MethodDefinition => element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'constructor',
  );
  return (constructor?.value.params ?? []).some(
    (parameter) =>
      parameter.type === AST_NODE_TYPES.TSParameterProperty &&
      parameter.parameter.type === AST_NODE_TYPES.Identifier &&
      parameter.parameter.name === name,
  );
}

/** A method's parameter or its property, an import or a module's variable: nothing this class made. */
function isGivenValue(context: AnalysisContext, value: TSESTree.Expression): boolean {
  const inner = skipTypeWrappers(value);
  if (inner.type !== AST_NODE_TYPES.Identifier && inner.type !== AST_NODE_TYPES.MemberExpression) return false;
  const root = referenceRoot(inner);
  if (root?.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(root), root);
  const definition = variable?.defs[0];
  if (!variable || !definition) return false;
  if (definition.type === 'ImportBinding') return true;
  if (definition.type === 'Variable') return isTopLevelScope(variable.scope);
  if (definition.type !== 'Parameter') return false;
  // A parameter of the class's own method (the constructor, a setter): its caller made the object.
  const method = definition.node.parent;
  return method?.type === AST_NODE_TYPES.MethodDefinition && enclosingFunction(value) === definition.node;
}
