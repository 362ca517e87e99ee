import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES, ASTUtils } from './estree';
import { enclosingFunction, isTopLevelScope, referenceRoot, skipTypeWrappers, staticMemberName } from './ast';
import { enclosingClassBody, findClassMember } from './classMembers';
import type { AnalysisContext } from './fileCache';
import { viewComponentOf } from './viewComponents';

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
  // A UI component's props (React's `this.props`): its parent hands them in.
  if (viewComponentOf(context, body.parent)?.props === name) return name;
  const values = findClassMember(member, name)?.values ?? [];
  return values.length > 0 && values.every((value) => isGivenValue(context, value)) ? name : undefined;
}

/** `constructor(private readonly queue: Queue)`. */
function isParameterProperty(body: TSESTree.ClassBody, name: string): boolean {
  const constructor = body.body.find(
    (element): element is TSESTree.MethodDefinition => element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'constructor',
  );
  return (constructor?.value.params ?? []).some((parameter) => {
    if (parameter.type !== AST_NODE_TYPES.TSParameterProperty) return false;
    // `private options: Options = {}`: given, or a default the caller left out.
    const binding = parameter.parameter.type === AST_NODE_TYPES.AssignmentPattern ? parameter.parameter.left : parameter.parameter;
    return binding.type === AST_NODE_TYPES.Identifier && binding.name === name;
  });
}

/** A method's parameter or its property, an import, a module's variable or a global's member (`global.bus`): nothing this class made. */
function isGivenValue(context: AnalysisContext, value: TSESTree.Expression): boolean {
  const inner = skipTypeWrappers(value);
  if (inner.type !== AST_NODE_TYPES.Identifier && inner.type !== AST_NODE_TYPES.MemberExpression) return false;
  const root = referenceRoot(inner);
  if (root?.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(root), root);
  const definition = variable?.defs[0];
  // A member of a global the file does not declare (`global.bus`, `process.stdin`): the program's,
  // not the class's. A bare global name is no object given (`this.child = undefined`).
  if (!variable || !definition) return inner.type === AST_NODE_TYPES.MemberExpression;
  if (definition.type === 'ImportBinding') return true;
  if (definition.type === 'Variable') return isTopLevelScope(variable.scope);
  if (definition.type !== 'Parameter') return false;
  // A parameter of the class's own method (the constructor, a setter): its caller made the object.
  const method = definition.node.parent;
  return method?.type === AST_NODE_TYPES.MethodDefinition && enclosingFunction(value) === definition.node;
}

/**
 * The values the class may have been given for the member `target` reads, when it may hold both
 * what it made and what it was handed: `this.redis = this.options.redis ?? new Redis()`, or one
 * branch assigning `this.options.redis` (with `this.options` given to the constructor) and another
 * a new client. `[]` when every value is made by the class, or the member is not `this.<name>`.
 *
 * `connect() { this.redis = this.options.redis ?? new Redis(); }` → `[this.options.redis]`.
 */
export function givenValuesOf(context: AnalysisContext, target: TSESTree.Node): TSESTree.Expression[] {
  const member = skipTypeWrappers(target);
  if (member.type !== AST_NODE_TYPES.MemberExpression || member.computed || skipTypeWrappers(member.object).type !== AST_NODE_TYPES.ThisExpression) return [];
  const name = staticMemberName(member);
  if (name === undefined || !enclosingClassBody(member)) return [];
  const values = (findClassMember(member, name)?.values ?? []).flatMap(alternatives);
  return values.filter((value) => isGivenValue(context, value) || isGivenMemberProperty(context, value, name));
}

/** `a ?? b`, `a || b`, `c ? a : b`: each value it may be. */
function alternatives(value: TSESTree.Expression): TSESTree.Expression[] {
  const inner = skipTypeWrappers(value) as TSESTree.Expression;
  if (inner.type === AST_NODE_TYPES.LogicalExpression && inner.operator !== '&&') return [...alternatives(inner.left), ...alternatives(inner.right)];
  if (inner.type === AST_NODE_TYPES.ConditionalExpression) return [...alternatives(inner.consequent), ...alternatives(inner.alternate)];
  return [inner];
}

/** `this.options.redis`, where the class was given `this.options` (another member than `name`). */
function isGivenMemberProperty(context: AnalysisContext, value: TSESTree.Expression, name: string): boolean {
  if (value.type !== AST_NODE_TYPES.MemberExpression) return false;
  let holder: TSESTree.Expression = value.object;
  while (holder.type === AST_NODE_TYPES.MemberExpression && skipTypeWrappers(holder.object).type !== AST_NODE_TYPES.ThisExpression) holder = holder.object;
  if (holder.type !== AST_NODE_TYPES.MemberExpression || staticMemberName(holder) === name) return false;
  return givenMember(context, holder) !== undefined;
}
