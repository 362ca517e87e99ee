import type { TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';

import { signalApi } from './families/abortSignal';
import type { AnalysisContext } from './fileCache';
import { calleeDeclarations } from './resolveCallee';
import type { SignalParameter } from './signalParameter';
import { typeServices, typescript } from './typeServices';

/**
 * With types, whether the callee, though typed to take a signal, never reads it: every
 * declaration the call may run has a body in the program, and none reads `signal` from the
 * options it is handed, nor hands them on to a function that may (followed through the program,
 * a few calls deep). Given the signal, such a call would behave the same: a lookup whose options
 * type extends the package's `AbortOptions` but reads only `count`.
 *
 * ```ts
 * closestPeers(key: Uint8Array, options?: { count?: number; signal?: AbortSignal }): PeerId[] {
 *   return this.kb.closest(key, options?.count); // ← the signal is never read
 * }
 * ```
 */
export function signalUnread(context: AnalysisContext, call: TSESTree.CallExpression, parameter: SignalParameter): boolean {
  const services = typeServices(context);
  if (!services || parameter.kind !== 'options' || typeof parameter.position !== 'number') return false;
  const declarations = calleeDeclarations(services, call);
  const checker = services.program.getTypeChecker();
  const position = parameter.position;
  return (
    declarations.length > 0 &&
    declarations.every((declaration) => isFunctionWithBody(declaration) && runsAsDeclared(declaration) && !readsSignal(checker, declaration, position, 0))
  );
}

/**
 * Whether a call of this declaration runs this body and no other: a function declaration, a
 * `const`'s function, a private or static method. A public method may be overridden by a subclass
 * that reads the signal, and a `let` may be given another function.
 */
function runsAsDeclared(declaration: FunctionWithBody): boolean {
  const tsApi = typescript();
  if (tsApi.isFunctionDeclaration(declaration)) return true;
  if (tsApi.isMethodDeclaration(declaration)) {
    const modifiers = tsApi.getCombinedModifierFlags(declaration);
    return tsApi.isPrivateIdentifier(declaration.name) || (modifiers & (tsApi.ModifierFlags.Private | tsApi.ModifierFlags.Static)) !== 0;
  }
  const holder = declaration.parent;
  return tsApi.isVariableDeclaration(holder) && (tsApi.getCombinedNodeFlags(holder) & tsApi.NodeFlags.Const) !== 0;
}

/** The function's own parameters, without a TypeScript `this` parameter (no argument is passed for it). */
function ownParameters(fn: FunctionWithBody): readonly ts.ParameterDeclaration[] {
  const tsApi = typescript();
  return fn.parameters.filter((parameter) => !(tsApi.isIdentifier(parameter.name) && parameter.name.text === 'this'));
}

/** How many calls deep options handed on are followed. */
const maxDepth = 3;

type FunctionWithBody = ts.FunctionLikeDeclaration & { body: ts.Node };

function isFunctionWithBody(node: ts.Node): node is FunctionWithBody {
  return typescript().isFunctionLike(node) && (node as { body?: ts.Node }).body !== undefined;
}

/** Whether the function may read `signal` from its options parameter at `index`: anything but plain reads of other properties, tests and calls known not to counts. */
function readsSignal(checker: ts.TypeChecker, fn: FunctionWithBody, index: number, depth: number): boolean {
  const tsApi = typescript();
  const parameter = ownParameters(fn)[index];
  if (!parameter || parameter.dotDotDotToken) return true;
  if (tsApi.isObjectBindingPattern(parameter.name)) return bindsSignal(parameter.name);
  if (!tsApi.isIdentifier(parameter.name)) return true;
  const symbol = checker.getSymbolAtLocation(parameter.name);
  if (!symbol) return true;
  let reads = false;
  const visit = (node: ts.Node): void => {
    if (reads) return;
    if (tsApi.isIdentifier(node) && node !== parameter.name && node.text === symbol.name && checker.getSymbolAtLocation(node) === symbol) {
      reads = useMayReadSignal(checker, node, depth);
      return;
    }
    tsApi.forEachChild(node, visit);
  };
  visit(fn.body);
  return reads;
}

/** `{ signal }`, `{ signal: s }`, `{ ...rest }` or a computed key may bind the signal; `{ count }` does not. */
function bindsSignal(pattern: ts.ObjectBindingPattern): boolean {
  return pattern.elements.some((element) => element.dotDotDotToken !== undefined || !bindsAnotherName(element));
}

/** `{ count }` or `{ count: n }`: a property known by its key, not the signal's. */
function bindsAnotherName(element: ts.BindingElement): boolean {
  const tsApi = typescript();
  const key = element.propertyName ?? element.name;
  return (tsApi.isIdentifier(key) || tsApi.isStringLiteral(key)) && key.text !== signalApi.property;
}

function useMayReadSignal(checker: ts.TypeChecker, use: ts.Identifier, depth: number): boolean {
  const tsApi = typescript();
  let value: ts.Node = use;
  while (tsApi.isParenthesizedExpression(value.parent) || tsApi.isNonNullExpression(value.parent)) value = value.parent;
  const parent = value.parent;
  // `options.count`, `options?.exclude`: another property.
  if (tsApi.isPropertyAccessExpression(parent) && parent.expression === value) return parent.name.text === signalApi.property;
  // `const { count } = options`: the properties it binds.
  if (tsApi.isVariableDeclaration(parent) && parent.initializer === value && tsApi.isObjectBindingPattern(parent.name)) return bindsSignal(parent.name);
  // `options == null`, `typeof options`, `!options`: a test of the options, not a read of them.
  if (tsApi.isBinaryExpression(parent) && isComparison(parent.operatorToken.kind)) return false;
  if (tsApi.isTypeOfExpression(parent) || (tsApi.isPrefixUnaryExpression(parent) && parent.operator === tsApi.SyntaxKind.ExclamationToken)) return false;
  // `this.kb.closest(key, options)`: handed on whole, to a function that reads it or not.
  if (tsApi.isCallExpression(parent) && parent.arguments.includes(value as ts.Expression) && depth < maxDepth) {
    const index = parent.arguments.indexOf(value as ts.Expression);
    // After a spread, the argument's position says nothing of the parameter it lands in.
    if (parent.arguments.slice(0, index).some((argument) => tsApi.isSpreadElement(argument))) return true;
    const declaration = checker.getResolvedSignature(parent)?.declaration;
    return !declaration || !isFunctionWithBody(declaration) || !runsAsDeclared(declaration) || readsSignal(checker, declaration, index, depth + 1);
  }
  return true;
}

function isComparison(kind: ts.SyntaxKind): boolean {
  const { SyntaxKind } = typescript();
  return [SyntaxKind.EqualsEqualsToken, SyntaxKind.EqualsEqualsEqualsToken, SyntaxKind.ExclamationEqualsToken, SyntaxKind.ExclamationEqualsEqualsToken].includes(kind);
}
