import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from './estree';
import type { CallLike, FunctionNode } from './ast';
import { isFunctionNode, walk } from './ast';
import type { AnalysisContext } from './fileCache';
import { perFile } from './fileCache';

/** The nodes of one file the engine looks things up in, each list in the order a walk meets them. */
export interface FileIndex {
  /** Every call and `new`. */
  readonly calls: readonly CallLike[];
  /** Every function: declarations, expressions, arrows, methods' values. */
  readonly functions: readonly FunctionNode[];
  /** Every member expression and variable declarator, interleaved as the walk meets them. */
  readonly membersAndDeclarators: readonly (TSESTree.MemberExpression | TSESTree.VariableDeclarator)[];
  /** Every class method, getter, setter and constructor. */
  readonly methods: readonly TSESTree.MethodDefinition[];
  /** Every `import … from …`. */
  readonly imports: readonly TSESTree.ImportDeclaration[];
  /** Every class declaration and class expression. */
  readonly classes: readonly (TSESTree.ClassDeclaration | TSESTree.ClassExpression)[];
}

/**
 * The file's calls, functions, members and declarations, collected in one walk on first
 * use and shared by every rule and engine question that used to walk the whole file for itself:
 * `fileIndex(context).calls.filter((call) => call.type === AST_NODE_TYPES.NewExpression)`.
 */
export const fileIndex = perFile((context: AnalysisContext): FileIndex => {
  const calls: CallLike[] = [];
  const functions: FunctionNode[] = [];
  const membersAndDeclarators: (TSESTree.MemberExpression | TSESTree.VariableDeclarator)[] = [];
  const methods: TSESTree.MethodDefinition[] = [];
  const imports: TSESTree.ImportDeclaration[] = [];
  const classes: (TSESTree.ClassDeclaration | TSESTree.ClassExpression)[] = [];
  walk(context.sourceCode.ast, (node) => {
    switch (node.type) {
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression:
        calls.push(node);
        return;
      case AST_NODE_TYPES.MemberExpression:
      case AST_NODE_TYPES.VariableDeclarator:
        membersAndDeclarators.push(node);
        return;
      case AST_NODE_TYPES.MethodDefinition:
        methods.push(node);
        return;
      case AST_NODE_TYPES.ImportDeclaration:
        imports.push(node);
        return;
      case AST_NODE_TYPES.ClassDeclaration:
      case AST_NODE_TYPES.ClassExpression:
        classes.push(node);
        return;
      default:
        if (isFunctionNode(node)) functions.push(node);
    }
  });
  return { calls, functions, membersAndDeclarators, methods, imports, classes };
});
