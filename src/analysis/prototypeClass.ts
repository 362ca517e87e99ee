import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES, ASTUtils } from './estree';
import { isReassigned, skipTypeWrappers, staticMemberName } from './ast';
import type { AnalysisContext } from './fileCache';

type ConstructorFunction = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

/**
 * The constructor function an identifier names, in the shapes ES5 classes are written and
 * compiled to: `function Bus() {}`, `var Bus = function () {}`, and TypeScript's
 * `var Bus = (function (_super) { __extends(Bus, _super); function Bus() {} return Bus; }(EventEmitter))`.
 *
 * `new Bus()` with `function Bus() { EventEmitter.call(this); }` in the file → that declaration.
 */
export function constructorFunction(context: AnalysisContext, name: TSESTree.Identifier): ConstructorFunction | undefined {
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(name), name);
  const definition = variable?.defs[0];
  if (!variable || !definition) return undefined;
  if (definition.type === 'FunctionName' && definition.node.type === AST_NODE_TYPES.FunctionDeclaration) return definition.node;
  if (definition.type !== 'Variable' || isReassigned(variable)) return undefined;
  const init = definition.node.init ? skipTypeWrappers(definition.node.init) : undefined;
  if (init?.type === AST_NODE_TYPES.FunctionExpression) return init;
  // The IIFE TypeScript and Babel wrap an ES5 class in: what it returns, when that is a function it declares.
  if (init?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const iife = skipTypeWrappers(init.callee);
  if (iife.type !== AST_NODE_TYPES.FunctionExpression && iife.type !== AST_NODE_TYPES.ArrowFunctionExpression) return undefined;
  if (iife.body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  const last = iife.body.body.at(-1);
  const returned = last?.type === AST_NODE_TYPES.ReturnStatement && last.argument?.type === AST_NODE_TYPES.Identifier ? last.argument : undefined;
  const inner = returned && ASTUtils.findVariable(context.sourceCode.getScope(returned), returned)?.defs[0];
  return inner?.type === 'FunctionName' && inner.node.type === AST_NODE_TYPES.FunctionDeclaration ? inner.node : undefined;
}

/**
 * The base classes the file gives a constructor function, by the ways ES5 code inherits:
 * `util.inherits(Bus, EventEmitter)` (and any `mixin(Bus, Base)` at a statement),
 * `__extends(Bus, _super)` inside the IIFE called with the base, `Object.setPrototypeOf(Bus.prototype, EventEmitter.prototype)`,
 * `Bus.prototype = Object.create(EventEmitter.prototype)` and `Bus.prototype.__proto__ = EventEmitter.prototype`.
 * Each base is the expression naming it, `.prototype` taken off, an IIFE's parameter replaced by its argument.
 */
export function prototypeBases(context: AnalysisContext, fn: ConstructorFunction): TSESTree.Expression[] {
  const own = fn.id ? ASTUtils.findVariable(context.sourceCode.getScope(fn), fn.id) : undefined;
  // `var Bus = function () {}`: the outer binding is the one the module uses.
  const outer = fn.parent.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.id.type === AST_NODE_TYPES.Identifier ? fn.parent.id : undefined;
  const outerVariable = outer ? ASTUtils.findVariable(context.sourceCode.getScope(fn.parent), outer) : undefined;
  const references = [...(own?.references ?? []), ...(outerVariable && outerVariable !== own ? outerVariable.references : [])];
  const bases: TSESTree.Expression[] = [];
  for (const reference of references) {
    const base = baseAt(reference.identifier);
    if (base) bases.push(resolveParameter(context.sourceCode, base));
  }
  return bases;
}

/** The base named where `name` (the constructor) is used in one of the inheriting shapes. */
function baseAt(name: TSESTree.Node): TSESTree.Expression | undefined {
  const parent = name.parent;
  // `inherits(Bus, Base)`, `__extends(Bus, _super)`, written as a statement.
  if (
    parent?.type === AST_NODE_TYPES.CallExpression &&
    parent.arguments.length === 2 &&
    parent.arguments[0] === name &&
    parent.parent.type === AST_NODE_TYPES.ExpressionStatement
  ) {
    const base = parent.arguments[1];
    return base && base.type !== AST_NODE_TYPES.SpreadElement ? base : undefined;
  }
  if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== name || staticMemberName(parent) !== 'prototype') return undefined;
  const prototype = parent;
  const use = prototype.parent;
  // `Object.setPrototypeOf(Bus.prototype, Base.prototype)`
  if (use.type === AST_NODE_TYPES.CallExpression && use.arguments[0] === prototype && isObjectMethod(use.callee, 'setPrototypeOf')) {
    return prototypeOf(use.arguments[1]);
  }
  // `Bus.prototype = Object.create(Base.prototype)`
  if (use.type === AST_NODE_TYPES.AssignmentExpression && use.left === prototype) {
    const right = skipTypeWrappers(use.right);
    return right.type === AST_NODE_TYPES.CallExpression && isObjectMethod(right.callee, 'create') ? prototypeOf(right.arguments[0]) : undefined;
  }
  // `Bus.prototype.__proto__ = Base.prototype`
  if (
    use.type === AST_NODE_TYPES.MemberExpression &&
    use.object === prototype &&
    staticMemberName(use) === '__proto__' &&
    use.parent.type === AST_NODE_TYPES.AssignmentExpression &&
    use.parent.left === use
  ) {
    return prototypeOf(use.parent.right);
  }
  return undefined;
}

function isObjectMethod(callee: TSESTree.Node, method: string): boolean {
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'Object' &&
    staticMemberName(callee) === method
  );
}

/** `Base.prototype` → `Base`; anything else is not a base we can name. */
function prototypeOf(node: TSESTree.Node | undefined): TSESTree.Expression | undefined {
  const inner = node && skipTypeWrappers(node);
  return inner?.type === AST_NODE_TYPES.MemberExpression && staticMemberName(inner) === 'prototype' ? inner.object : undefined;
}

/** `_super` in `(function (_super) { … }(events_1.EventEmitter))` → `events_1.EventEmitter`. */
function resolveParameter(sourceCode: Readonly<TSESLint.SourceCode>, base: TSESTree.Expression): TSESTree.Expression {
  if (base.type !== AST_NODE_TYPES.Identifier) return base;
  const definition = ASTUtils.findVariable(sourceCode.getScope(base), base)?.defs[0];
  if (definition?.type !== 'Parameter') return base;
  const fn = definition.node;
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== fn) return base;
  const index = fn.params.indexOf(definition.name as TSESTree.Parameter);
  const argument = index >= 0 ? call.arguments[index] : undefined;
  return argument && argument.type !== AST_NODE_TYPES.SpreadElement ? argument : base;
}

/**
 * The constructor function whose instance `this` is, in ES5 code: inside the constructor itself,
 * or in a method written `Bus.prototype.start = function () { this … }` (arrows see their outer `this`).
 *
 * `Bus.prototype.start = function () { this.on('x', f); }` → the function `Bus`.
 */
export function thisConstructor(context: AnalysisContext, node: TSESTree.ThisExpression): ConstructorFunction | undefined {
  let fn: TSESTree.Node | undefined = node.parent;
  while (fn && fn.type !== AST_NODE_TYPES.FunctionDeclaration && fn.type !== AST_NODE_TYPES.FunctionExpression) {
    if (fn.type === AST_NODE_TYPES.ClassBody || fn.type === AST_NODE_TYPES.Program) return undefined;
    fn = fn.parent;
  }
  if (!fn) return undefined;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn) return fn;
  // `Bus.prototype.start = function () {}`
  if (parent?.type !== AST_NODE_TYPES.AssignmentExpression || parent.right !== fn) return undefined;
  const left = parent.left;
  const prototype = left.type === AST_NODE_TYPES.MemberExpression ? skipTypeWrappers(left.object) : undefined;
  if (prototype?.type !== AST_NODE_TYPES.MemberExpression || staticMemberName(prototype) !== 'prototype') return undefined;
  const owner = skipTypeWrappers(prototype.object);
  return owner.type === AST_NODE_TYPES.Identifier ? constructorFunction(context, owner) : undefined;
}
