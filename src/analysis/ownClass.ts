import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from './estree';

import { skipTypeWrappers, staticMemberName } from './ast';
import { fileIndex } from './fileIndex';
import type { AnalysisContext } from './fileCache';
import { perFile } from './fileCache';
import { importedCallee, importedName } from './imports';
import { contextForProgramFile, contextForRelativeImport } from './otherFiles';
import { holderOf } from './teardown';
import { typeServices, unaliased } from './typeServices';

/**
 * A class written in one of our files, with the file it is written in: a `class`, or an ES5
 * constructor function with prototype methods (`function Poller() {}`, `Poller.prototype.stop = …`).
 */
export interface OwnClass {
  context: AnalysisContext;
  node: ClassNode | TSESTree.FunctionDeclaration;
  name: string;
}

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/**
 * The cheap pre-filter before {@link constructedClass}: `new X(…)` or `new ns.X(…)` where `X` or
 * `ns` is a class of the file or a name imported or required from a relative path.
 */
export function mayConstructOwnClass(context: AnalysisContext, node: TSESTree.NewExpression): boolean {
  const callee = skipTypeWrappers(node.callee);
  const root = callee.type === AST_NODE_TYPES.MemberExpression ? skipTypeWrappers(callee.object) : callee;
  return root.type === AST_NODE_TYPES.Identifier && classNames(context).has(root.name);
}

/** Names of the file's classes and of what it imports or requires from relative paths (from the shared index: no walk of its own). */
const classNames = perFile((context): ReadonlySet<string> => {
  const names = new Set<string>();
  const index = fileIndex(context);
  for (const node of index.classes) if (node.id) names.add(node.id.name);
  // ES5 classes: `function Poller() {}` (whether it has prototype methods is asked later, of the one constructed).
  for (const statement of context.sourceCode.ast.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.declaration ? statement.declaration : statement;
    if (declaration.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id) names.add(declaration.id.name);
  }
  for (const node of index.membersAndDeclarators) {
    if (node.type !== AST_NODE_TYPES.VariableDeclarator || !node.init) continue;
    const init = skipTypeWrappers(node.init);
    if (init.type === AST_NODE_TYPES.ClassExpression || isRelativeRequire(init)) for (const name of boundNames(node.id)) names.add(name);
  }
  for (const node of index.imports) {
    if (node.source.value.startsWith('.')) for (const specifier of node.specifiers) names.add(specifier.local.name);
  }
  return names;
});

function isRelativeRequire(node: TSESTree.Node): boolean {
  // TypeScript's CommonJS output: `__importDefault(require('./client'))`.
  if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Identifier && importHelpers.has(node.callee.name) && node.arguments[0]) {
    return isRelativeRequire(node.arguments[0]);
  }
  return (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.Identifier &&
    node.callee.name === 'require' &&
    node.arguments[0]?.type === AST_NODE_TYPES.Literal &&
    typeof node.arguments[0].value === 'string' &&
    node.arguments[0].value.startsWith('.')
  );
}

/** The helpers TypeScript and Babel wrap a `require` in for ES interop; the module's exports stay reachable through them. */
const importHelpers: ReadonlySet<string> = new Set(['__importDefault', '__importStar', '_interopRequireDefault']);

function boundNames(id: TSESTree.Node): string[] {
  if (id.type === AST_NODE_TYPES.Identifier) return [id.name];
  if (id.type !== AST_NODE_TYPES.ObjectPattern) return [];
  return id.properties.flatMap((property) => (property.type === AST_NODE_TYPES.Property && property.value.type === AST_NODE_TYPES.Identifier ? [property.value.name] : []));
}

/**
 * The class a `new` makes, when it is written in one of our files: with types, through the
 * checker to its declaration in any source file of the program; without, a class of the same
 * file, or one imported or required from a relative path (`module.exports = Client`,
 * `exports.default = Client`, `export class Client`).
 *
 * `const Client = require('./client'); new Client(url)` → `class Client` in client.js.
 * `wanted` says what another file is parsed for (otherFiles.ts): a class that may hold something
 * open, or one that may inherit a kind (`class Pool extends EventEmitter`).
 */
export function constructedClass(context: AnalysisContext, node: TSESTree.NewExpression, wanted: OtherFileClass = 'class'): OwnClass | undefined {
  if (!mayConstructOwnClass(context, node)) return undefined;
  const callee = skipTypeWrappers(node.callee);
  const services = typeServices(context);
  if (services) {
    const checker = services.program.getTypeChecker();
    const target = callee.type === AST_NODE_TYPES.MemberExpression ? callee.property : callee;
    const symbol = unaliased(checker, checker.getSymbolAtLocation(services.esTreeNodeToTSNodeMap.get(target)));
    const declaration = symbol?.valueDeclaration;
    const sourceFile = declaration?.getSourceFile();
    if (!declaration || !sourceFile || sourceFile.isDeclarationFile || sourceFile.fileName.includes('/node_modules/')) return undefined;
    const sameFile = services.program.getSourceFile(context.filename) === sourceFile;
    const file = sameFile ? context : contextForProgramFile(services.program, sourceFile, context.settings, 'class');
    const fileServices = file && typeServices(file);
    const estree = fileServices?.tsNodeToESTreeNodeMap.get(declaration) as TSESTree.Node | undefined;
    return file && estree && (isClassNode(estree) || isOwnConstructor(file, estree)) ? ownClass(file, estree) : undefined;
  }
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const variable = ASTUtils.findVariable(context.sourceCode.getScope(callee), callee);
    const definition = variable?.defs[0];
    if (definition?.type === 'ClassName' && isClassNode(definition.node)) return ownClass(context, definition.node);
    if (definition?.type === 'FunctionName' && isOwnConstructor(context, definition.node)) return ownClass(context, definition.node);
    if (definition?.type === 'Variable' && definition.node.init && isClassNode(skipTypeWrappers(definition.node.init))) {
      return ownClass(context, skipTypeWrappers(definition.node.init) as ClassNode);
    }
  }
  const imported =
    callee.type === AST_NODE_TYPES.Identifier ? importedName(context.sourceCode, callee) : (importedCallee(context.sourceCode, callee) ?? wrappedRequire(context, callee));
  return imported?.module.startsWith('.') ? importedClass(context, imported.module, imported.name, wanted) : undefined;
}

/**
 * What a class of another file is followed for: what its instances may hold open, the kind they may
 * inherit, or (`base`) what its methods do to a subclass's members (`super.stop()`).
 */
type OtherFileClass = 'class' | 'inheriting' | 'base';

/**
 * `new client_1.default()` with `const client_1 = __importDefault(require('./client'))`: the
 * module and export, as for a plain `require`.
 */
function wrappedRequire(context: AnalysisContext, callee: TSESTree.Node): { module: string; name: string } | undefined {
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier) return undefined;
  const name = staticMemberName(callee);
  const definition = ASTUtils.findVariable(context.sourceCode.getScope(callee.object), callee.object)?.defs[0];
  const init = definition?.type === 'Variable' ? definition.node.init : undefined;
  if (name === undefined || init?.type !== AST_NODE_TYPES.CallExpression || init.callee.type !== AST_NODE_TYPES.Identifier || !importHelpers.has(init.callee.name)) return undefined;
  const required = init.arguments[0];
  const source = required && isRelativeRequire(required) && required.type === AST_NODE_TYPES.CallExpression ? required.arguments[0] : undefined;
  return source?.type === AST_NODE_TYPES.Literal && typeof source.value === 'string' ? { module: source.value, name } : undefined;
}


function isClassNode(node: TSESTree.Node): node is ClassNode {
  return node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression;
}

/**
 * `function Poller() {}` with `Poller.prototype.stop = function () {}` in its file: an ES5 class,
 * whose prototype methods are its holder's (teardown.ts). A function without them is no class.
 */
function isOwnConstructor(context: AnalysisContext, node: TSESTree.Node): node is TSESTree.FunctionDeclaration {
  return node.type === AST_NODE_TYPES.FunctionDeclaration && node.id !== null && holderOf(context, node)?.name === `${node.id.name}.prototype`;
}

function ownClass(context: AnalysisContext, node: OwnClass['node']): OwnClass | undefined {
  const name = node.id?.name ?? (node.parent.type === AST_NODE_TYPES.VariableDeclarator && node.parent.id.type === AST_NODE_TYPES.Identifier ? node.parent.id.name : undefined);
  return name === undefined ? undefined : { context, node, name };
}

/**
 * The class a relative import names: `*` is the module itself (`module.exports = Client`), else an
 * export by name (`export class Client`, `exports.Client = Client`, `module.exports = { Client }`,
 * `exports.default = Client`), else a top-level class of that name.
 */
export function importedClass(context: AnalysisContext, specifier: string, name: string, wanted: OtherFileClass = 'class'): OwnClass | undefined {
  const target = contextForRelativeImport(context.filename, specifier, name, context.settings, wanted);
  if (!target) return undefined;
  const exported = exportedValue(target, name);
  const value = exported && skipTypeWrappers(exported);
  if (value && isClassNode(value)) return ownClass(target, value);
  const local = value?.type === AST_NODE_TYPES.Identifier ? value.name : name === '*' || name === 'default' ? undefined : name;
  const found = local === undefined ? undefined : topLevelClasses(target).get(local);
  return found && (isClassNode(found) || isOwnConstructor(target, found)) ? ownClass(target, found) : undefined;
}

/** What a module exports under `name` (`*`: `module.exports` itself), as written at its top level. */
function exportedValue(context: AnalysisContext, name: string): TSESTree.Node | undefined {
  for (const statement of context.sourceCode.ast.body) {
    if (name === 'default' && statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) return statement.declaration;
    if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && !statement.source) {
      if (statement.declaration && isClassNode(statement.declaration) && statement.declaration.id?.name === name) return statement.declaration;
      for (const specifier of statement.specifiers) {
        const exported = specifier.exported.type === AST_NODE_TYPES.Identifier ? specifier.exported.name : specifier.exported.value;
        if (exported === name && specifier.local.type === AST_NODE_TYPES.Identifier) return specifier.local;
      }
    }
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.AssignmentExpression) continue;
    const { left, right } = statement.expression;
    const target = commonJsExport(left);
    if (target === undefined) continue;
    if (target === name || (target === '*' && name === 'default' && !hasDefaultExport(context))) return right;
    if (target === '*' && right.type === AST_NODE_TYPES.ObjectExpression) {
      for (const property of right.properties) {
        if (property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier && property.key.name === name) return property.value;
      }
    }
  }
  return undefined;
}

/** `module.exports` → `*`; `exports.Client`, `module.exports.Client` → `Client`. */
function commonJsExport(left: TSESTree.Node): string | undefined {
  if (left.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const object = left.object;
  const isModuleExports = (node: TSESTree.Node): boolean =>
    node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.Identifier && node.object.name === 'module' && staticMemberName(node) === 'exports';
  if (isModuleExports(left)) return '*';
  if ((object.type === AST_NODE_TYPES.Identifier && object.name === 'exports') || isModuleExports(object)) return staticMemberName(left);
  return undefined;
}

function hasDefaultExport(context: AnalysisContext): boolean {
  return context.sourceCode.ast.body.some((statement) => statement.type === AST_NODE_TYPES.ExportDefaultDeclaration);
}

/**
 * The classes a file declares at its top level, by name: `class A {}`, `const A = class {}`,
 * `export class A {}`, and the functions that may be ES5 classes (`function A() {}`).
 */
const topLevelClasses = perFile((context): ReadonlyMap<string, ClassNode | TSESTree.FunctionDeclaration> => {
  const classes = new Map<string, ClassNode | TSESTree.FunctionDeclaration>();
  for (const statement of context.sourceCode.ast.body) {
    const declaration =
      (statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) && statement.declaration
        ? statement.declaration
        : statement;
    if ((declaration.type === AST_NODE_TYPES.ClassDeclaration || declaration.type === AST_NODE_TYPES.FunctionDeclaration) && declaration.id) classes.set(declaration.id.name, declaration);
    if (declaration.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of declaration.declarations) {
      const init = declarator.init && skipTypeWrappers(declarator.init);
      if (declarator.id.type === AST_NODE_TYPES.Identifier && init?.type === AST_NODE_TYPES.ClassExpression) classes.set(declarator.id.name, init);
    }
  }
  return classes;
});
