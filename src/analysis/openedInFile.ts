import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES, ASTUtils } from './estree';
import { outermostWrapper, skipTypeWrappers, stableReferenceText, staticMemberName } from './ast';
import type { AnalysisContext } from './fileCache';
import { findMethodCalls, methodCallsByReceiver } from './methodCallIndex';

/**
 * Whether what a call makes is opened in this file by one of `methods` called on it: on the
 * result itself, on the variable or member it is kept in, or on a member a variable holding it
 * is stored in.
 *
 * ```js
 * net.createServer(f).listen(port);                              // → true
 * const server = http.createServer(f); server.listen(port);      // → true
 * const server = net.createServer(f); this.server = server; this.server.listen(port); // → true
 * return http.createServer(app);                                 // → false: the caller may listen
 * ```
 */
export function isOpenedInFile(context: AnalysisContext, call: TSESTree.Node, methods: readonly string[]): boolean {
  const value = outermostWrapper(call, { throughAwait: true });
  if (isCallOf(value, methods)) return true;
  const index = methodCallsByReceiver(context);
  const calledOn = (text: string | undefined): boolean => text !== undefined && findMethodCalls(index, text, methods).length > 0;
  const parent = value.parent;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === value) {
    const left = skipTypeWrappers(parent.left);
    return left.type === AST_NODE_TYPES.Identifier ? variableOpened(context, left, methods, calledOn) : calledOn(stableReferenceText(left));
  }
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === value && parent.id.type === AST_NODE_TYPES.Identifier) {
    return variableOpened(context, parent.id, methods, calledOn);
  }
  return false;
}

/** `x.listen(…)` where `x` is `node`. */
function isCallOf(node: TSESTree.Node, methods: readonly string[]): boolean {
  const member = node.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== node) return false;
  const name = staticMemberName(member);
  return name !== undefined && methods.includes(name) && member.parent.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member;
}

/** A method of `methods` called on the variable, or on a member it is stored in (`this.server = server`). */
function variableOpened(
  context: AnalysisContext,
  id: TSESTree.Identifier,
  methods: readonly string[],
  calledOn: (text: string | undefined) => boolean,
): boolean {
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(id), id);
  if (!variable) return false;
  return variable.references.some((reference) => {
    const use = outermostWrapper(reference.identifier);
    if (isCallOf(use, methods)) return true;
    const parent = use.parent;
    return (
      parent?.type === AST_NODE_TYPES.AssignmentExpression &&
      parent.right === use &&
      skipTypeWrappers(parent.left).type === AST_NODE_TYPES.MemberExpression &&
      calledOn(stableReferenceText(parent.left))
    );
  });
}
