import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './estree';

import type { AnalysisContext } from './fileCache';
import { importedName } from './imports';
import { contextForRelativeImport } from './otherFiles';

/** An interface or type alias, and the file's context it is declared in. */
export interface ImportedType {
  context: AnalysisContext;
  declaration: TSESTree.TSInterfaceDeclaration | TSESTree.TSTypeAliasDeclaration;
}

/**
 * The interface or type alias a relative import names, in the file that declares it at its top
 * level (exported): `import type { CallOptions } from './options'` → `export interface CallOptions
 * { signal: AbortSignal }` in options.ts. Re-exports are not followed.
 */
export function importedTypeDeclaration(context: AnalysisContext, name: TSESTree.Identifier): ImportedType | undefined {
  // Asked for every options parameter of every function in reach of a signal: once per file and name.
  let answers = answersByFile.get(context.sourceCode.ast);
  if (!answers) answersByFile.set(context.sourceCode.ast, (answers = new Map()));
  if (answers.has(name.name)) return answers.get(name.name) ?? undefined;
  const answer = findImportedType(context, name);
  answers.set(name.name, answer ?? null);
  return answer;
}

const answersByFile = new WeakMap<TSESTree.Program, Map<string, ImportedType | null>>();

function findImportedType(context: AnalysisContext, name: TSESTree.Identifier): ImportedType | undefined {
  const imported = importedName(context.sourceCode, name);
  if (!imported || imported.name === 'default') return undefined;
  const target = contextForRelativeImport(context.filename, imported.module, imported.name, context.settings, 'type');
  if (!target) return undefined;
  for (const statement of target.sourceCode.ast.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : undefined;
    if (
      (declaration?.type === AST_NODE_TYPES.TSInterfaceDeclaration || declaration?.type === AST_NODE_TYPES.TSTypeAliasDeclaration) &&
      declaration.id.name === imported.name
    ) {
      return { context: target, declaration };
    }
  }
  return undefined;
}
