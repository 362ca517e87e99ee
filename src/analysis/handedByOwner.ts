import type { TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';

import { AST_NODE_TYPES } from './estree';
import type { FunctionNode } from './ast';
import { referenceRoot } from './ast';
import type { AnalysisContext } from './fileCache';
import { programMethodCalls } from './programCalls';
import { typeServices, typescript } from './typeServices';

/**
 * With types, whether every call of the method in the program hands, for the parameter the
 * target is reached from, the caller's own `this` to an object the caller holds in one of its
 * members: `this.e2eeManager.setup(this)` in the room, or through the object's own methods first
 * (`setup(room) { this.listen(room) }`). The object then listens to its owner, and the listeners
 * live exactly as long as both. A method with no call in the program, or one call handing
 * anything else, does not count.
 *
 * ```ts
 * class Manager { setup(room: Room) { room.on('connected', f); } } // ← the room's own manager
 * class Room extends EventEmitter { manager = new Manager(); connect() { this.manager.setup(this); } }
 * ```
 */
export function handedByItsOwner(context: AnalysisContext, target: TSESTree.Node, fn: FunctionNode): boolean {
  const services = typeServices(context);
  const root = referenceRoot(target);
  const index = root?.type === AST_NODE_TYPES.Identifier ? fn.params.findIndex((parameter) => parameter.type === AST_NODE_TYPES.Identifier && parameter.name === root.name) : -1;
  const method = services && fn.parent.type === AST_NODE_TYPES.MethodDefinition ? services.esTreeNodeToTSNodeMap.get(fn.parent) : undefined;
  if (!services || index < 0 || !method || !typescript().isMethodDeclaration(method)) return false;
  return everyCallHandsOwner(services.program, method, index, 0);
}

/** How many of the object's own methods the parameter is followed back through (`setup` → `listen`). */
const maxDepth = 3;

function everyCallHandsOwner(program: ts.Program, method: ts.MethodDeclaration, index: number, depth: number): boolean {
  const tsApi = typescript();
  const checker = program.getTypeChecker();
  if (!tsApi.isIdentifier(method.name) && !tsApi.isPrivateIdentifier(method.name)) return false;
  const symbol = checker.getSymbolAtLocation(method.name);
  const supertypes = heritageSymbols(checker, method.parent);
  // A call through an interface or a base class the method's class implements may reach it too.
  const calls = programMethodCalls(program, method.name.text).filter((call) => {
    const called = checker.getSymbolAtLocation((call.expression as ts.PropertyAccessExpression).name);
    const declaredIn = called?.declarations?.[0]?.parent;
    const declaredInSymbol = declaredIn && (tsApi.isInterfaceDeclaration(declaredIn) || tsApi.isClassLike(declaredIn)) ? checker.getTypeAtLocation(declaredIn).symbol : undefined;
    return called === symbol || (declaredInSymbol !== undefined && supertypes.has(declaredInSymbol));
  });
  return (
    symbol !== undefined &&
    calls.length > 0 &&
    calls.every((call) => {
      const receiver = skipWrappers((call.expression as ts.PropertyAccessExpression).expression);
      const argument = call.arguments[index] && skipWrappers(call.arguments[index]);
      if (!argument) return false;
      // `this.manager.setup(this)`: the caller hands itself to an object it holds.
      if (argument.kind === tsApi.SyntaxKind.ThisKeyword) {
        return tsApi.isPropertyAccessExpression(receiver) && skipWrappers(receiver.expression).kind === tsApi.SyntaxKind.ThisKeyword;
      }
      // `this.listen(room)` in `setup(room)`: the object's own method, handed its own parameter.
      if (depth >= maxDepth || !tsApi.isIdentifier(argument) || receiver.kind !== tsApi.SyntaxKind.ThisKeyword) return false;
      const declaration = checker.getSymbolAtLocation(argument)?.valueDeclaration;
      const caller = declaration && tsApi.isParameter(declaration) ? declaration.parent : undefined;
      return caller !== undefined && tsApi.isMethodDeclaration(caller) && everyCallHandsOwner(program, caller, caller.parameters.indexOf(declaration as ts.ParameterDeclaration), depth + 1);
    })
  );
}

/** The classes and interfaces a class extends or implements, and theirs, by their symbols. */
function heritageSymbols(checker: ts.TypeChecker, declaration: ts.Node): ReadonlySet<ts.Symbol> {
  const tsApi = typescript();
  const found = new Set<ts.Symbol>();
  const visit = (node: ts.Node, depth: number): void => {
    if (depth > maxHeritageDepth || !(tsApi.isClassLike(node) || tsApi.isInterfaceDeclaration(node))) return;
    for (const clause of node.heritageClauses ?? []) {
      for (const written of clause.types) {
        const symbol = checker.getTypeAtLocation(written).symbol as ts.Symbol | undefined;
        if (!symbol || found.has(symbol)) continue;
        found.add(symbol);
        for (const inherited of symbol.declarations ?? []) visit(inherited, depth + 1);
      }
    }
  };
  visit(declaration, 0);
  return found;
}

/** How far up a class's heritage its supertypes are collected. */
const maxHeritageDepth = 5;

/** `(x)`, `x!`, `x as T`: the expression inside. */
function skipWrappers(node: ts.Expression): ts.Expression {
  const tsApi = typescript();
  let inner = node;
  while (tsApi.isParenthesizedExpression(inner) || tsApi.isNonNullExpression(inner) || tsApi.isAsExpression(inner)) inner = inner.expression;
  return inner;
}
