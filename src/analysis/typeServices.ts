import type { ParserServicesWithTypeInformation } from '@typescript-eslint/utils';
import type * as ts from 'typescript';

import type { AnalysisContext } from './fileCache';
import { perFile } from './fileCache';

/**
 * The parser's type services when the file was parsed with type information, else `undefined`
 * (espree, or @typescript-eslint/parser without a project). Every rule works without them; with
 * them, receivers and cross-file calls resolve through the checker.
 */
export const typeServices: (context: AnalysisContext) => ParserServicesWithTypeInformation | undefined = perFile(
  (context) => {
    const services = context.sourceCode.parserServices as Partial<ParserServicesWithTypeInformation> | undefined;
    return services?.program && services.esTreeNodeToTSNodeMap
      ? (services as ParserServicesWithTypeInformation)
      : undefined;
  },
);

/**
 * TypeScript itself, for its enums (`TypeFlags`, `SymbolFlags`), whose numbers differ between
 * versions (TypeScript 6 renumbered `TypeFlags`). Call it only with type services: TypeScript is
 * then loaded, though it is an optional peer dependency.
 */
export function typescript(): typeof ts {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- only with type information
  return (loaded ??= require('typescript') as typeof ts);
}
let loaded: typeof ts | undefined;

/** `any` or `unknown`: the checker knows nothing of the value. */
export function isUntypedType(type: ts.Type): boolean {
  const { TypeFlags } = typescript();
  return (type.flags & (TypeFlags.Any | TypeFlags.Unknown)) !== 0;
}

/** The symbol an import names (`import { helper } from './x'` → `helper`'s own), else the symbol. */
export function unaliased(checker: ts.TypeChecker, symbol: ts.Symbol | undefined): ts.Symbol | undefined {
  return symbol && (symbol.flags & typescript().SymbolFlags.Alias) !== 0 ? checker.getAliasedSymbol(symbol) : symbol;
}
