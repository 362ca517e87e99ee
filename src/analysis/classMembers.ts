import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from './estree';
import { staticMemberName, walk } from './ast';

export interface ClassMember {
  annotation?: TSESTree.TypeNode;
  /** Initialiser and every `this.name = value` in the class. */
  values: TSESTree.Expression[];
}

const membersByClass = new WeakMap<TSESTree.ClassBody, Map<string, ClassMember>>();

/** The class body around `node`, if `node` sits in one (not counting nested functions' own classes). */
export function enclosingClassBody(node: TSESTree.Node): TSESTree.ClassBody | undefined {
  for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassBody) return current;
  }
  return undefined;
}

/**
 * What the class around `node` declares and assigns for `this.<name>`:
 * `class A { conn: Redis; constructor() { this.conn = new Redis(); } }` → annotation + `new Redis()`.
 */
export function findClassMember(node: TSESTree.Node, name: string): ClassMember | undefined {
  const body = enclosingClassBody(node);
  return body ? classMembersOf(body).get(name) : undefined;
}

/** Every `this.<name>` the class declares or assigns, computed once per class. */
export function classMembersOf(body: TSESTree.ClassBody): ReadonlyMap<string, ClassMember> {
  const cached = membersByClass.get(body);
  if (cached) return cached;
  const members = new Map<string, ClassMember>();
  const entry = (name: string): ClassMember => {
    let member = members.get(name);
    if (!member) members.set(name, (member = { values: [] }));
    return member;
  };
  for (const element of body.body) {
    if (element.type !== AST_NODE_TYPES.PropertyDefinition || element.computed) continue;
    const name =
      element.key.type === AST_NODE_TYPES.Identifier
        ? element.key.name
        : element.key.type === AST_NODE_TYPES.PrivateIdentifier
          ? `#${element.key.name}`
          : undefined;
    if (name === undefined) continue;
    const member = entry(name);
    if (element.typeAnnotation) member.annotation = element.typeAnnotation.typeAnnotation;
    if (element.value) member.values.push(element.value);
  }
  for (const element of body.body) {
    if (element.type !== AST_NODE_TYPES.MethodDefinition) continue;
    // Parameter properties: `constructor(private readonly conn: Redis)`.
    for (const parameter of element.value.params) {
      if (parameter.type === AST_NODE_TYPES.TSParameterProperty && parameter.parameter.type === AST_NODE_TYPES.Identifier) {
        const annotation = parameter.parameter.typeAnnotation?.typeAnnotation;
        if (annotation) entry(parameter.parameter.name).annotation = annotation;
      }
    }
  }
  collectAssignments(body, entry);
  membersByClass.set(body, members);
  return members;
}

function collectAssignments(body: TSESTree.ClassBody, entry: (name: string) => ClassMember): void {
  walk(body, (node) => {
    // Nested classes have their own `this`.
    if (node.type === AST_NODE_TYPES.ClassBody && node !== body) return false;
    if (
      node.type === AST_NODE_TYPES.AssignmentExpression &&
      node.operator === '=' &&
      node.left.type === AST_NODE_TYPES.MemberExpression &&
      node.left.object.type === AST_NODE_TYPES.ThisExpression
    ) {
      const name =
        node.left.property.type === AST_NODE_TYPES.PrivateIdentifier
          ? `#${node.left.property.name}`
          : staticMemberName(node.left);
      if (name !== undefined) entry(name).values.push(node.right);
    }
    return true;
  });
}
