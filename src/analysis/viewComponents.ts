import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from './estree';
import type { ViewComponent } from './apis';
import { viewComponents } from './apis';
import { skipTypeWrappers } from './ast';
import type { AnalysisContext } from './fileCache';
import { importedCallee } from './imports';

/**
 * What the knowledge base knows of a UI component class, known by where its base class or
 * decorator comes from (`class Chat extends React.Component`, `@Component({…})` of
 * `@angular/core`): the method its framework calls when it goes, and the member its props come
 * in; `undefined` for any other class.
 */
export function viewComponentOf(context: AnalysisContext, classNode: TSESTree.Node): ViewComponent | undefined {
  if (classNode.type !== AST_NODE_TYPES.ClassDeclaration && classNode.type !== AST_NODE_TYPES.ClassExpression) return undefined;
  const componentOf = (node: TSESTree.Node | null | undefined): ViewComponent | undefined => {
    const imported = node ? importedCallee(context.sourceCode, skipTypeWrappers(node)) : undefined;
    const view = imported && viewComponents[imported.module];
    return imported && view?.names.includes(imported.name) ? view : undefined;
  };
  // espree, parsing plain JavaScript, leaves `decorators` out.
  for (const { expression } of (classNode.decorators as TSESTree.Decorator[] | undefined) ?? []) {
    const view = componentOf(expression.type === AST_NODE_TYPES.CallExpression ? expression.callee : expression);
    if (view) return view;
  }
  return componentOf(classNode.superClass);
}
