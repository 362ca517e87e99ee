import type { ParserServicesWithTypeInformation, TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';

import { AST_NODE_TYPES, ASTUtils } from './estree';
import { builtinMethods } from './apis';
import type { FunctionNode } from './ast';
import { calledFunction, functionName, isFunctionNode, isReassigned, skipTypeWrappers, stableReferenceText, staticMemberName, staticString } from './ast';
import { enclosingClassBody } from './classMembers';
import type { AnalysisContext } from './fileCache';
import { perFile } from './fileCache';
import { fileIndex } from './fileIndex';
import { importedName } from './imports';
import { contextForProgramFile, contextForRelativeImport } from './otherFiles';
import { constructedClass } from './ownClass';
import { holderOf, thisFunction } from './teardown';
import { typeServices, unaliased } from './typeServices';

/** What a call's function is looked for as, in another file: any function, or one that may hand back a start. */
type Followed = 'function' | 'factory';

/** A function a call runs, with the file it is written in. */
export interface ResolvedFunction {
  context: AnalysisContext;
  fn: FunctionNode;
  name: string;
}

/**
 * The function a call runs, when it can be known for sure: with types, through the checker to
 * its declaration in any source file of the program (not `.d.ts`, not `node_modules`); without,
 * same-file functions and methods by scope, and relative imports of files we can parse. Never a
 * guess by name.
 *
 * `import { helper } from './helper'; helper()` → `helper`'s body in helper.ts. `wanted: 'factory'`:
 * only a function that may hand back something it started is looked for in another file (the
 * cheap text check before parsing it is sharper).
 */
export function resolveCallee(context: AnalysisContext, call: TSESTree.CallExpression, wanted: Followed = 'function'): ResolvedFunction | undefined {
  if (isBuiltinMethodCall(call)) return undefined;
  const services = typeServices(context);
  if (services) {
    const declaration = calledDeclaration(services, call);
    if (!declaration) return undefined;
    const sourceFile = declaration.getSourceFile();
    if (sourceFile.isDeclarationFile || sourceFile.fileName.includes('/node_modules/')) return undefined;
    const sameFile = services.program.getSourceFile(context.filename) === sourceFile;
    const target = sameFile ? context : contextForProgramFile(services.program, sourceFile, context.settings);
    const fn = target && functionsByBodyStart(target).get(declaration.body.getStart());
    return target && fn ? { context: target, fn, name: functionName(fn) ?? 'an anonymous function' } : undefined;
  }
  const callee = calledFunction(call);
  if (callee.type === AST_NODE_TYPES.Identifier) return resolveIdentifier(context, callee, wanted);
  if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier) {
    const name = staticMemberName(callee);
    return resolveNamespaceMember(context, callee.object, name, wanted) ?? resolveInstanceMethod(context, callee.object, name);
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression && skipTypeWrappers(callee.object).type === AST_NODE_TYPES.ThisExpression) {
    const name = staticMemberName(callee);
    if (name === undefined) return undefined;
    const body = enclosingClassBody(call);
    const method = body ? ownMethod(body, name) : prototypeMethod(context, call, name);
    return method ? { context, fn: method, name } : undefined;
  }
  return undefined;
}

/** The instance method a class declares itself under `name` (not one it inherits, which we do not guess). */
function ownMethod(body: TSESTree.ClassBody, name: string): FunctionNode | undefined {
  const method = body.body.find(
    (element): element is TSESTree.MethodDefinition =>
      element.type === AST_NODE_TYPES.MethodDefinition &&
      element.kind === 'method' &&
      !element.static &&
      !element.computed &&
      element.key.type === AST_NODE_TYPES.Identifier &&
      element.key.name === name,
  );
  return method && isFunctionNode(method.value) ? method.value : undefined;
}

/** In an ES5 class's prototype method, `this.tick()` runs the prototype's `tick` (`Poller.prototype.tick = function () {}`). */
function prototypeMethod(context: AnalysisContext, call: TSESTree.CallExpression, name: string): FunctionNode | undefined {
  const self = thisFunction(call);
  const holder = self && holderOf(context, self);
  return holder?.name?.endsWith('.prototype') ? holder.method(name) : undefined;
}

/**
 * `reporter.collect()` with `const reporter = new MetricsReporter(bus)`, never reassigned, and a
 * class of ours (this file's or a relative import's): the `collect` that class declares.
 */
function resolveInstanceMethod(context: AnalysisContext, instance: TSESTree.Identifier, name: string | undefined): ResolvedFunction | undefined {
  if (name === undefined) return undefined;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(instance), instance);
  const definition = variable?.defs[0];
  if (!variable || definition?.type !== 'Variable' || definition.node.id.type !== AST_NODE_TYPES.Identifier || isReassigned(variable)) return undefined;
  const init = definition.node.init && skipTypeWrappers(definition.node.init);
  const own = init?.type === AST_NODE_TYPES.NewExpression ? constructedClass(context, init) : undefined;
  // A `class`'s method, or an ES5 constructor's prototype method (`Reporter.prototype.collect = function () {}`).
  const fn = own && (own.node.type === AST_NODE_TYPES.FunctionDeclaration ? holderOf(own.context, own.node)?.method(name) : ownMethod(own.node.body, name));
  return own && fn ? { context: own.context, fn, name } : undefined;
}

/**
 * Whether {@link resolveCallee} could find the function `call` runs, judged on its shape alone:
 * with types any call but a built-in method's; without, a call of a name, `this.method()` or `name.method()` (a required module, `import * as name`).
 * Lets a rule ask the cheaper questions first. `list.push(x)` → false; `helper()` → true.
 */
export function mayResolveCallee(context: AnalysisContext, call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  if (call.type !== AST_NODE_TYPES.CallExpression || isBuiltinMethodCall(call)) return false;
  if (typeServices(context)) return true;
  const callee = skipTypeWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return true;
  // `this.helper()`, or `helpers.listen()` on a required module or `import * as helpers`.
  const object = callee.type === AST_NODE_TYPES.MemberExpression ? skipTypeWrappers(callee.object) : undefined;
  return object?.type === AST_NODE_TYPES.ThisExpression || object?.type === AST_NODE_TYPES.Identifier;
}

function isBuiltinMethodCall(call: TSESTree.CallExpression): boolean {
  const callee = skipTypeWrappers(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && builtinMethods.has(staticMemberName(callee) ?? '');
}

/**
 * The declarations a call's callee names, through the checker's symbol for it (cheaper than
 * resolving the call's signature): `helper()`, `this.method()`, `service.run()`; a
 * `const f = () => …` gives its arrow. Overloads give each declaration.
 */
export function calleeDeclarations(
  services: ParserServicesWithTypeInformation,
  call: TSESTree.CallExpression,
): (ts.Node & { body?: ts.Node; parameters?: ts.NodeArray<ts.ParameterDeclaration> })[] {
  const checker = services.program.getTypeChecker();
  const callee = skipTypeWrappers(call.callee);
  const target = callee.type === AST_NODE_TYPES.MemberExpression ? callee.property : callee;
  const symbol = unaliased(checker, checker.getSymbolAtLocation(services.esTreeNodeToTSNodeMap.get(target)));
  return (symbol?.declarations ?? []).map((declaration) => (declaration as { initializer?: ts.Node }).initializer ?? declaration);
}

/** The declaration with a body that a call runs. */
function calledDeclaration(
  services: ParserServicesWithTypeInformation,
  call: TSESTree.CallExpression,
): (ts.Node & { body: ts.Node }) | undefined {
  return calleeDeclarations(services, call).find((declaration): declaration is ts.Node & { body: ts.Node } => !!declaration.body);
}

function resolveIdentifier(context: AnalysisContext, identifier: TSESTree.Identifier, wanted: Followed = 'function'): ResolvedFunction | undefined {
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(identifier), identifier);
  const definition = variable?.defs[0];
  if (!variable || !definition) return undefined;
  if (definition.type === 'FunctionName' && isFunctionNode(definition.node)) {
    return { context, fn: definition.node, name: identifier.name };
  }
  if (definition.type === 'Variable') {
    const init = definition.node.init && skipTypeWrappers(definition.node.init);
    if (init && isFunctionNode(init)) return !isReassigned(variable) ? { context, fn: init, name: identifier.name } : undefined;
    // `const { listen } = require('./subscribe')`
    const required = importedName(context.sourceCode, identifier);
    // `const listen = require('./listen')` of a module that is one function: `module.exports = function …`.
    if (!required || isReassigned(variable)) return undefined;
    const target = contextForRelativeImport(context.filename, required.module, required.name, context.settings, wanted);
    const fn = target && commonJsExportedFunction(target, required.name);
    return target && fn ? { context: target, fn, name: identifier.name } : undefined;
  }
  if (definition.type === 'ImportBinding') {
    const imported = importedName(context.sourceCode, identifier);
    const declaration = definition.parent;
    if (!imported || declaration?.type !== AST_NODE_TYPES.ImportDeclaration) return undefined;
    const found = importedFunction(context, declaration.source.value, imported.name, maxReexportHops, wanted);
    return found && { ...found, name: identifier.name };
  }
  return undefined;
}

/** `helpers.listen(…)` with `const helpers = require('./helpers')` or `import * as helpers from './helpers'`. */
function resolveNamespaceMember(context: AnalysisContext, namespace: TSESTree.Identifier, name: string | undefined, wanted: Followed): ResolvedFunction | undefined {
  const imported = name === undefined ? undefined : importedName(context.sourceCode, namespace);
  if (name === undefined || imported?.name !== '*') return undefined;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(namespace), namespace);
  if (!variable || isReassigned(variable)) return undefined;
  const target = contextForRelativeImport(context.filename, imported.module, name, context.settings, wanted);
  const fn = target && (variable.defs[0]?.type === 'ImportBinding' ? exportedFunction(target, name) : commonJsExportedFunction(target, name));
  return target && fn ? { context: target, fn, name: `${namespace.name}.${name}` } : undefined;
}

/** Barrels re-exporting barrels: how many `export … from` hops an import is followed through. */
const maxReexportHops = 3;

/**
 * The function a relative import names, in the file it names or, through at most `hops`
 * re-exports (`export { local as name } from './x'`, `export * from './x'`), in the file that
 * declares it: `import { observableToAsyncIterable } from '../observable'` finds it in
 * `observable/observable.ts` through `observable/index.ts`.
 */
function importedFunction(
  context: AnalysisContext,
  specifier: string,
  name: string,
  hops: number,
  wanted: Followed,
): { context: AnalysisContext; fn: FunctionNode } | undefined {
  const target = contextForRelativeImport(context.filename, specifier, name, context.settings, wanted);
  if (!target) return undefined;
  // A default import of a CommonJS module is its `module.exports`.
  const fn = exportedFunction(target, name) ?? (name === 'default' ? commonJsExportedFunction(target, '*') : undefined);
  if (fn) return { context: target, fn };
  if (hops === 0) return undefined;
  for (const statement of target.sourceCode.ast.body) {
    if (statement.type === AST_NODE_TYPES.ExportAllDeclaration && !statement.exported) {
      const found = importedFunction(target, statement.source.value, name, hops - 1, wanted);
      if (found) return found;
    }
    if (statement.type !== AST_NODE_TYPES.ExportNamedDeclaration || !statement.source || statement.exportKind === 'type') continue;
    for (const exportSpecifier of statement.specifiers) {
      if (moduleExportName(exportSpecifier.exported) !== name || exportSpecifier.exportKind === 'type') continue;
      return importedFunction(target, statement.source.value, moduleExportName(exportSpecifier.local), hops - 1, wanted);
    }
  }
  return undefined;
}

function moduleExportName(name: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return name.type === AST_NODE_TYPES.Identifier ? name.name : name.value;
}

/** `export function name`, `export const name = () => …`, `export { local as name }`, `export default function`. */
function exportedFunction(context: AnalysisContext, name: string): FunctionNode | undefined {
  const body = context.sourceCode.ast.body;
  const topLevel = (local: string): FunctionNode | undefined => {
    const found = topLevelDeclaration(body, local);
    if (found?.type === AST_NODE_TYPES.FunctionDeclaration) return found;
    const init = found?.type === AST_NODE_TYPES.VariableDeclarator && found.init && skipTypeWrappers(found.init);
    return init && isFunctionNode(init) ? init : undefined;
  };
  for (const statement of body) {
    if (name === 'default' && statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
      const declaration = statement.declaration;
      if (isFunctionNode(declaration)) return declaration;
      if (declaration.type === AST_NODE_TYPES.Identifier) return topLevel(declaration.name);
    }
    if (statement.type !== AST_NODE_TYPES.ExportNamedDeclaration || statement.source) continue;
    for (const specifier of statement.specifiers) {
      if (moduleExportName(specifier.exported) === name && specifier.local.type === AST_NODE_TYPES.Identifier) return topLevel(specifier.local.name);
    }
  }
  return topLevel(name);
}

/**
 * The function a CommonJS module exports by that name at its top level: `exports.name = function …`,
 * `module.exports.name = local`, `module.exports = { name, other: local }`, with `local` a top-level
 * function never reassigned; by the name `*`, the module itself: `module.exports = function …`.
 */
function commonJsExportedFunction(context: AnalysisContext, name: string): FunctionNode | undefined {
  const local = (value: TSESTree.Node): FunctionNode | undefined => {
    const inner = skipTypeWrappers(value);
    if (isFunctionNode(inner)) return inner;
    if (inner.type !== AST_NODE_TYPES.Identifier) return undefined;
    const resolved = resolveIdentifier(context, inner);
    return resolved?.context === context ? resolved.fn : undefined;
  };
  for (const statement of context.sourceCode.ast.body) {
    const assignment = statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : undefined;
    if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.operator !== '=') continue;
    const target = stableReferenceText(assignment.left);
    if (target === `exports.${name}` || target === `module.exports.${name}` || (name === '*' && target === 'module.exports')) return local(assignment.right);
    if (target !== 'module.exports' || assignment.right.type !== AST_NODE_TYPES.ObjectExpression) continue;
    for (const property of assignment.right.properties) {
      if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
      const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : staticString(property.key);
      if (key === name) return local(property.value);
    }
  }
  return undefined;
}

/** Every function of a file by where its body starts: how a checker declaration maps back to ESTree. */
const functionsByBodyStart = perFile((context) => {
  const functions = new Map<number, FunctionNode>();
  for (const fn of fileIndex(context).functions) functions.set(fn.body.range[0], fn);
  return functions;
});

/**
 * The object an imported name is when one of our files makes it once, at its top level, with
 * `new`: `import { bus } from './bus'` or `const { bus } = require('./bus')`, with
 * `export const bus = new EventEmitter()` there → that `new EventEmitter()`, in its file's context.
 */
export function importedSingleton(
  context: AnalysisContext,
  identifier: TSESTree.Identifier,
): { context: AnalysisContext; value: TSESTree.NewExpression } | undefined {
  const imported = importedName(context.sourceCode, identifier);
  if (!imported?.module.startsWith('.') || imported.name === '*' || imported.name === 'default') return undefined;
  const target = contextForRelativeImport(context.filename, imported.module, imported.name, context.settings, 'singleton');
  if (!target) return undefined;
  const declarator = topLevelDeclaration(target.sourceCode.ast.body, imported.name);
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  const init = declarator.init && skipTypeWrappers(declarator.init);
  if (init?.type !== AST_NODE_TYPES.NewExpression) return undefined;
  const variable = ASTUtils.findVariable(target.sourceCode.getScope(declarator.id), declarator.id);
  return variable && !isReassigned(variable) ? { context: target, value: init } : undefined;
}

/**
 * The first top-level declaration of a name, exported or not: `function name() {}` or the
 * declarator of `const name = …` (`export const bus = new EventEmitter()` → its declarator).
 */
function topLevelDeclaration(
  body: readonly TSESTree.ProgramStatement[],
  name: string,
): TSESTree.FunctionDeclaration | TSESTree.VariableDeclarator | undefined {
  for (const statement of body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.declaration ? statement.declaration : statement;
    if (declaration.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id?.name === name) return declaration;
    if (declaration.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    const declarator = declaration.declarations.find((d) => d.id.type === AST_NODE_TYPES.Identifier && d.id.name === name);
    if (declarator) return declarator;
  }
  return undefined;
}
