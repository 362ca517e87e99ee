import type { ParserServicesWithTypeInformation, TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from '../analysis/estree';
import type { FunctionNode } from '../analysis/ast';
import { isFunctionNode, walk } from '../analysis/ast';
import type { AnalysisContext } from '../analysis/fileCache';
import { typeServices, typescript } from '../analysis/typeServices';
import type { TextEdit } from './signalArgument';
import { applyEdits } from './signalArgument';

/**
 * The text of an inline listener that is about to be moved into a `const`, with the types its
 * parameters had from where it was written (contextual types, lost once it stands alone) written
 * out: `bus.on('job', (job) => …)` → `(job: any) => …`, `el.addEventListener('resize', (e) => …)`
 * → `(e: UIEvent) => …`. Its own text when nothing would be lost (JavaScript, no parameters, every
 * parameter annotated); `undefined` when the types cannot be written: TypeScript without type
 * information, a type with no name in scope here, a `function` that relies on its `this`.
 */
export function typedListenerText(context: AnalysisContext, listener: FunctionNode): string | undefined {
  const { sourceCode } = context;
  const text = sourceCode.getText(listener);
  if (!/\.[cm]?tsx?$/.test(context.filename)) return text;
  if (listener.type === AST_NODE_TYPES.FunctionExpression && usesOwnThis(listener)) return undefined;
  const untyped = listener.params.filter((parameter) => !hasOwnType(parameter));
  if (untyped.length === 0) return text;
  const services = typeServices(context);
  if (!services) return undefined;
  const names = namesInScope(services, listener);
  const edits: TextEdit[] = [];
  for (const parameter of untyped) {
    const typeText = printableType(services, parameter, names);
    if (typeText === undefined) return undefined;
    // `job => …`: a lone arrow parameter without parentheses gets them; `(a, b) => …` has them.
    const bare =
      listener.type === AST_NODE_TYPES.ArrowFunctionExpression && listener.params.length === 1 && sourceCode.getTokenBefore(parameter)?.value !== '(';
    const end = parameter.type === AST_NODE_TYPES.RestElement ? parameter.argument.range[1] : parameter.range[1];
    edits.push(
      bare
        ? { range: parameter.range, text: `(${sourceCode.getText(parameter)}: ${typeText})` }
        : { range: [end, end], text: `: ${typeText}` },
    );
  }
  return applyEdits(sourceCode, listener, edits);
}

/** An annotated parameter, or one whose default gives it a type of its own (`x = 1`). */
function hasOwnType(parameter: TSESTree.Parameter): boolean {
  if (parameter.type === AST_NODE_TYPES.AssignmentPattern) return true;
  if (parameter.type === AST_NODE_TYPES.TSParameterProperty) return true;
  return parameter.typeAnnotation !== undefined;
}

function usesOwnThis(fn: FunctionNode): boolean {
  let found = false;
  walk(fn.body, (node) => {
    if (found || (isFunctionNode(node) && node.type !== AST_NODE_TYPES.ArrowFunctionExpression)) return false;
    if (node.type === AST_NODE_TYPES.ThisExpression) found = true;
    return !found;
  });
  return found;
}

/** Type names usable where the listener is written. */
function namesInScope(services: ParserServicesWithTypeInformation, listener: FunctionNode): Set<string> {
  const checker = services.program.getTypeChecker();
  const node = services.esTreeNodeToTSNodeMap.get(listener);
  const { SymbolFlags } = typescript();
  const flags = SymbolFlags.Type | SymbolFlags.Namespace | SymbolFlags.Alias;
  return new Set(checker.getSymbolsInScope(node, flags).map((symbol) => symbol.name));
}

const typeKeywords = new Set([
  'any', 'unknown', 'never', 'void', 'undefined', 'null', 'string', 'number', 'boolean', 'bigint', 'symbol',
  'object', 'true', 'false', 'keyof', 'typeof', 'readonly', 'unique', 'infer', 'extends', 'is', 'asserts',
]);

/** The parameter's type as the checker sees it, if every name in it can be written here. */
function printableType(
  services: ParserServicesWithTypeInformation,
  parameter: TSESTree.Parameter,
  names: ReadonlySet<string>,
): string | undefined {
  const checker = services.program.getTypeChecker();
  const tsNode = services.esTreeNodeToTSNodeMap.get(parameter);
  const type = checker.getTypeAtLocation(tsNode);
  const { TypeFormatFlags } = typescript();
  const text = checker.typeToString(type, tsNode, TypeFormatFlags.NoTruncation | TypeFormatFlags.UseAliasDefinedOutsideCurrentScope);
  if (/\bimport\(|\.\.\.(?!\w)|\{ \.\.\. \}/.test(text)) return undefined;
  // Drop string literals and property names (`{ id: string }`): what is left are type names.
  const referenced = text.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '').replace(/[\w$]+\??:/g, '').match(/[A-Za-z_$][\w$]*/g) ?? [];
  return referenced.every((name) => typeKeywords.has(name) || names.has(name)) ? text : undefined;
}
