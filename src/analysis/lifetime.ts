import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES, ASTUtils } from './estree';
import { initMethods } from './apis';
import { viewComponentOf } from './viewComponents';
import type { FunctionNode } from './ast';
import {
  enclosingFunction,
  functionName,
  isFunctionNode,
  isInside,
  isReassigned,
  isTopLevelScope,
  methodCallParts,
  referenceRoot,
  runsImmediately,
  skipTypeWrappers,
  stableReferenceText,
  staticMemberName,
  staticString,
  walk,
} from './ast';
import { eventEmitter } from './families/eventEmitter';
import { protocols } from './families/language';
import type { AnalysisContext } from './fileCache';
import { isInsideRearmOf } from './rearmingTimer';
import { isFrameworkHook } from './frameworkHook';
import { isHandlerInHandedTable } from './handlerTable';
import { givenMember } from './givenMember';
import { privateMethodCalls, thisMethodUses } from './thisMethodUses';
import { isThisLike } from './teardown';

/**
 * How long a function's own work lives:
 * - `program`: it runs once for the whole program (module scope, a top-level IIFE, a function
 *   the call graph shows runs once, an `entryFunctions` entry), so what it starts is meant to
 *   live as long;
 * - `call`: a function or method that callers may call any number of times;
 * - `constructor`: what it starts belongs to the new object;
 * - `setup`: not shown to run once, but named as an installer (`attachHandlers`, `setupSignals`,
 *   `applyWSSHandler`): a weak hint that its job is to attach handlers for the life of what it is
 *   given, so only a start on one of its parameters is spared for it;
 * - `callback`: an inline function handed to someone else, who decides when and how often it runs.
 */
export type FunctionLifetime = 'program' | 'call' | 'constructor' | 'callback' | 'setup';

/**
 * Names of functions whose job is to install handlers: `attach…`, `setup…`, `register…`. Only
 * consulted when the call graph does not show that the function runs once, and only for what it
 * attaches to its parameters.
 */
const installerName = /^(?:apply|attach|setup|setUp|init|initialize|install|register|bind|wire|mount|hook|enable)(?:[A-Z_$\d]|$)/;

/** Functions that run once for the whole program, by name; users add their own (`bootstrap`). */
export const defaultEntryFunctions: readonly string[] = ['main'];

const lifetimes = new WeakMap<FunctionNode, Map<readonly string[], FunctionLifetime>>();

/**
 * How long what `fn` starts is meant to live, from where it is written and, for named functions,
 * from where this file calls it.
 *
 * `function init() { … } init();` → `'program'`; `export function poll() { … }` → `'call'`.
 */
export function functionLifetime(
  context: AnalysisContext,
  fn: FunctionNode | undefined,
  entryFunctions: readonly string[] = defaultEntryFunctions,
): FunctionLifetime {
  return lifetimeOf(context, fn, entryFunctions, new Set());
}

function lifetimeOf(
  context: AnalysisContext,
  fn: FunctionNode | undefined,
  entryFunctions: readonly string[],
  active: Set<FunctionNode>,
): FunctionLifetime {
  if (!fn) return 'program';
  let byEntries = lifetimes.get(fn);
  const cached = byEntries?.get(entryFunctions);
  if (cached) return cached;
  // A function reached again while its own callers are judged is called from a cycle: not once.
  if (active.has(fn)) return 'call';
  active.add(fn);
  const lifetime = computeLifetime(context, fn, entryFunctions, active);
  active.delete(fn);
  if (!byEntries) lifetimes.set(fn, (byEntries = new Map()));
  byEntries.set(entryFunctions, lifetime);
  return lifetime;
}

function computeLifetime(
  context: AnalysisContext,
  fn: FunctionNode,
  entryFunctions: readonly string[],
  active: Set<FunctionNode>,
): FunctionLifetime {
  const parent = fn.parent;
  // A Promise executor and an IIFE run right away, as part of the function around them.
  if (runsImmediately(fn)) return lifetimeOf(context, enclosingFunction(fn), entryFunctions, active);
  // A static method has no instance to belong to: it is a function kept in the class's namespace,
  // read below as one (`static setupOnClient(client)` is an installer as `setupOnClient` would be).
  if (parent.type === AST_NODE_TYPES.MethodDefinition && !parent.static) {
    if (parent.kind === 'constructor') return 'constructor';
    // A private method that only the constructor's own code calls, once, is part of it:
    // `constructor(conn) { this.conn = conn; this.#listen(); }` attaches for the new object.
    const calls = privateMethodCalls(fn);
    const partOfConstructor =
      calls !== undefined &&
      calls.length > 0 &&
      calls.every((call) => !insideLoop(call) && lifetimeOf(context, enclosingFunction(call), entryFunctions, active) === 'constructor');
    return partOfConstructor ? 'constructor' : 'call';
  }
  if (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) {
    return 'callback';
  }
  // `return (socket) => {…}`: handed to whoever called the outer function, who decides when it
  // runs and what it is given, as for a callback.
  if (parent.type === AST_NODE_TYPES.ReturnStatement || (parent.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === fn)) {
    return 'callback';
  }
  const name = functionName(fn);
  if (name !== undefined && entryFunctions.includes(name)) return 'program';
  const uses = usesOf(context, fn);
  const once =
    uses !== undefined &&
    uses.calls.length > 0 &&
    uses.calls.every((call) => {
      if (insideLoop(call)) return false;
      const caller = enclosingFunction(call);
      return caller === undefined || lifetimeOf(context, caller, entryFunctions, active) === 'program';
    });
  if (once) return 'program';
  // Called nowhere in this file that shows it repeats, and it installs the program's own exit:
  // what it starts is meant to run until that exit.
  const repeatedHere = uses?.calls.some((call) => insideLoop(call) || lifetimeOf(context, enclosingFunction(call), entryFunctions, active) !== 'program');
  if (!repeatedHere && installsProgramExit(context, fn)) return 'program';
  if (isWholeModuleExport(context, fn)) return 'setup';
  return name !== undefined && installerName.test(name.replace(/^#/, '').replace(/^.*\./, '')) ? 'setup' : 'call';
}

/**
 * Whether `fn` is a framework's init hook, which runs once on each new object after its constructor
 * (`onModuleInit`, `ngOnInit`: names the knowledge base lists, a weak hint that only spares the
 * listeners it adds to what the object was given, as the constructor's are).
 */
export function isInitHook(fn: FunctionNode): boolean {
  const method = fn.parent;
  return (
    method.type === AST_NODE_TYPES.MethodDefinition &&
    method.kind === 'method' &&
    !method.static &&
    !method.computed &&
    method.key.type === AST_NODE_TYPES.Identifier &&
    initMethods.has(method.key.name)
  );
}

/**
 * Whether `fn` is a method of a UI component (see {@link viewComponentOf}): made and destroyed with
 * its view, while what it is given (props, injected services) lives on.
 */
export function isViewComponentMethod(context: AnalysisContext, fn: FunctionNode): boolean {
  const classNode = fn.parent.type === AST_NODE_TYPES.MethodDefinition ? fn.parent.parent.parent : undefined;
  return classNode !== undefined && viewComponentOf(context, classNode) !== undefined;
}

/**
 * `module.exports = (io, socket) => { … }`, `export default function (app) { … }`: the function is
 * all the module gives, so requiring the module is asking it to attach itself to what it is handed
 * (socket.io's handler modules, express and fastify plugins). Whether that runs again on the same
 * object is the caller's to show; a weak hint, like an installer's name, that spares only what it
 * attaches to its parameters.
 */
function isWholeModuleExport(context: AnalysisContext, fn: FunctionNode): boolean {
  const exported = (node: TSESTree.Node): boolean =>
    node.parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
    (node.parent?.type === AST_NODE_TYPES.AssignmentExpression && node.parent.right === node && stableReferenceText(node.parent.left) === 'module.exports');
  if (exported(fn)) return true;
  const id = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn.id : fn.parent.type === AST_NODE_TYPES.VariableDeclarator ? fn.parent.id : undefined;
  const variable = id?.type === AST_NODE_TYPES.Identifier ? ASTUtils.findVariable(context.sourceCode.getScope(fn), id) : undefined;
  return variable?.references.some((reference) => exported(reference.identifier)) === true;
}

/**
 * Whether `fn` installs the program's exit: it hands some call a handler that ends the process
 * whenever it runs (`process.exit()` among the handler's own statements). Such a function is the
 * program's front end (a terminal UI, a CLI command, a server's start-up): what it starts is meant
 * to run until that exit, however the function is exported.
 *
 * ```js
 * Dashboard.init = function () {
 *   this.screen.key(['q', 'C-c'], () => { this.screen.destroy(); process.exit(0); }); // ← the exit
 *   setInterval(() => this.screen.render(), 300); // lives until the user quits
 * };
 * ```
 */
function installsProgramExit(context: AnalysisContext, fn: FunctionNode): boolean {
  let found = false;
  walk(fn.body, (node) => {
    if (found || isFunctionNode(node)) return false;
    if (node.type === AST_NODE_TYPES.CallExpression && node.arguments.some((argument) => isFunctionNode(argument) && exitsProcess(context, argument))) {
      found = true;
    }
    return !found;
  });
  return found;
}

/** `() => process.exit(1)`, `function () { screen.destroy(); process.exit(0); }`: every run ends the process. */
function exitsProcess(context: AnalysisContext, handler: FunctionNode): boolean {
  const statements =
    handler.body.type === AST_NODE_TYPES.BlockStatement ? handler.body.body.map((statement) => (statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : statement)) : [handler.body];
  return statements.some((expression) => isProcessExit(context, expression));
}

/**
 * Whether some run of `handler` ends the process (`process.exit()` anywhere in its own body, not
 * in a function it makes): an interval whose callback exits once the parent process is gone is the
 * program's watchdog, meant to run until it fires (vscode-languageserver's parent check).
 */
export function mayExitProcess(context: AnalysisContext, handler: FunctionNode): boolean {
  let found = false;
  walk(handler.body, (node) => {
    if (found || isFunctionNode(node)) return false;
    found = isProcessExit(context, node);
    return !found;
  });
  return found;
}

/** `process.exit(…)` on the global `process`, not a parameter or a variable of that name. */
function isProcessExit(context: AnalysisContext, node: TSESTree.Node): boolean {
  const call = methodCallParts(node);
  const { exit, global } = eventEmitter.processEnd;
  if (call?.method !== exit || call.target.type !== AST_NODE_TYPES.Identifier || call.target.name !== global) return false;
  return (ASTUtils.findVariable(context.sourceCode.getScope(call.target), call.target)?.defs.length ?? 0) === 0;
}

/**
 * Whether every call of `fn` in this file passes, at `index`, an object its caller made for that
 * call: one it created, or a callback's own parameter (`wss.on('connection', (client) =>
 * keepAlive(client))`, `(socket) => this.handleConnection(socket)` for a method). Then what `fn`
 * adds to it lives as long as that object.
 */
function calledOnlyWithFreshObjects(context: AnalysisContext, fn: FunctionNode, index: number): boolean {
  // A method: its calls through `this` (`(socket) => this.handleConnection(socket)`), unless handed on.
  const method = thisMethodUses(fn);
  // and through the instances the file makes of its class (`heartbeat.start(socket)`), when it shows them all.
  const uses = method ? undefined : usesOf(context, fn);
  const calls = method ? (method.readAsValue ? undefined : [...method.calls, ...(instanceMethodCalls(context, fn) ?? [])]) : uses?.calls;
  if (!calls || calls.length === 0) return false;
  // A function only this file runs is its callers' code: what a caller cannot place (a field of the
  // event it handles, `const { request } = data`), it would not report a listener on either.
  const onlyThisFileCalls = uses !== undefined && !uses.exported;
  return calls.every((call) => {
    const argument = call.arguments[index];
    const caller = enclosingFunction(call);
    if (!argument || !caller || argument.type === AST_NODE_TYPES.SpreadElement) return false;
    const owner = ownerOf(context, argument, caller, { outerOutlives: false }, 1);
    if (owner.owner === 'own' || (owner.owner === 'unknown' && onlyThisFileCalls)) return true;
    const root = referenceRoot(argument);
    const definition = root?.type === AST_NODE_TYPES.Identifier ? ASTUtils.findVariable(context.sourceCode.getScope(root), root)?.defs[0] : undefined;
    return definition?.type === 'Parameter' && isFunctionNode(definition.node) && functionLifetime(context, definition.node) === 'callback';
  });
}

/**
 * Whether a named function is only ever handed to calls, never called or exported by this file:
 * `app.use(timing)`, `server.on('connection', onConnection)`. Then its parameters are, as for an
 * inline callback, what whoever runs it makes for each run (`req`, `res`, `socket`).
 */
function onlyHandedOn(context: AnalysisContext, fn: FunctionNode): boolean {
  let variable: TSESLint.Scope.Variable | undefined;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) {
    const name = fn.id.name;
    variable = context.sourceCode.getDeclaredVariables(fn).find((candidate) => candidate.name === name);
  } else if (fn.parent.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.init === fn && fn.parent.id.type === AST_NODE_TYPES.Identifier) {
    if (isExportedDeclaration(fn.parent.parent)) return false;
    variable = context.sourceCode.getDeclaredVariables(fn.parent)[0];
  }
  if (!variable || isExportedDeclaration(fn)) return false;
  const uses = variable.references.filter((reference) => !reference.init);
  return (
    uses.length > 0 &&
    uses.every((reference) => {
      const use = reference.identifier;
      const call = use.parent;
      return (
        !reference.isWrite() &&
        (call?.type === AST_NODE_TYPES.CallExpression || call?.type === AST_NODE_TYPES.NewExpression) &&
        call.callee !== use &&
        call.arguments.includes(use as TSESTree.Identifier)
      );
    })
  );
}

/**
 * The same for a method its class only ever hands to calls, never calls:
 * `server.on('connect', this.onConnect.bind(this))`, `emitter.on('x', self.onX)` (`self = this`).
 * Its parameters are what the emitter makes for each event (`socket`), as for a named listener.
 * A bind that fixes arguments (`this.onData.bind(this, socket)`) hands on the caller's own
 * objects, so it does not count.
 */
function methodOnlyHandedOn(context: AnalysisContext, fn: FunctionNode): boolean {
  const method = fn.parent;
  if (method.type !== AST_NODE_TYPES.MethodDefinition || method.static || method.kind !== 'method' || method.computed) return false;
  const key = method.key;
  if (key.type !== AST_NODE_TYPES.Identifier && key.type !== AST_NODE_TYPES.PrivateIdentifier) return false;
  const names = (node: TSESTree.MemberExpression): boolean =>
    key.type === AST_NODE_TYPES.PrivateIdentifier ? node.property.type === AST_NODE_TYPES.PrivateIdentifier && node.property.name === key.name : staticMemberName(node) === key.name;
  let handed = false;
  let otherwise = false;
  walk(method.parent, (node) => {
    if (otherwise) return false;
    if (node.type !== AST_NODE_TYPES.MemberExpression || !names(node) || !isThisLike(context, node.object)) return true;
    const bind = node.parent.type === AST_NODE_TYPES.MemberExpression && node.parent.object === node && staticMemberName(node.parent) === protocols.bindsNew ? node.parent.parent : undefined;
    const [thisArgument, ...fixed] = bind?.type === AST_NODE_TYPES.CallExpression && bind.callee === node.parent ? bind.arguments : [];
    const value: TSESTree.Node = bind && thisArgument && fixed.length === 0 && isThisLike(context, thisArgument) ? bind : node;
    const call = value.parent;
    if ((call?.type === AST_NODE_TYPES.CallExpression || call?.type === AST_NODE_TYPES.NewExpression) && call.callee !== value && call.arguments.includes(value as TSESTree.Expression)) handed = true;
    else otherwise = true;
    return true;
  });
  return handed && !otherwise;
}

/** How this file uses a function: the calls that run it, and whether it is exported too. */
export interface FunctionUses {
  calls: TSESTree.CallExpression[];
  exported: boolean;
}

/**
 * Every way this file can run `fn`, or `undefined` when it escapes (passed on, stored, returned,
 * reassigned): then anyone may call it, any number of times. Follows a function by its name
 * (`function init()`, `const init = () => …`), a method of an object literal held in a variable
 * (`const app = { init() {} }; app.init()`), and a function assigned to a variable's property
 * (`Dashboard.init = function () {}; Dashboard.init()`), including `this.init()` from the
 * object's other methods.
 */
export function usesOf(context: AnalysisContext, fn: FunctionNode): FunctionUses | undefined {
  const parent = fn.parent;
  const uses: FunctionUses = { calls: [], exported: isExportedDeclaration(fn) };
  let variable: TSESLint.Scope.Variable | undefined;
  let member: string | undefined;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) {
    const name = fn.id.name;
    variable = context.sourceCode.getDeclaredVariables(fn).find((candidate) => candidate.name === name);
  } else if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn && parent.id.type === AST_NODE_TYPES.Identifier) {
    variable = context.sourceCode.getDeclaredVariables(parent)[0];
    uses.exported = isExportedDeclaration(parent.parent);
  } else if (parent.type === AST_NODE_TYPES.Property && parent.value === fn && !parent.computed) {
    // `const app = { init() {} }`
    const holder = parent.parent.parent;
    member = propertyKeyName(parent);
    if (holder?.type !== AST_NODE_TYPES.VariableDeclarator || holder.id.type !== AST_NODE_TYPES.Identifier || holder.init !== parent.parent) {
      return undefined;
    }
    variable = context.sourceCode.getDeclaredVariables(holder)[0];
    uses.exported = isExportedDeclaration(holder.parent);
  } else if (
    parent.type === AST_NODE_TYPES.AssignmentExpression &&
    parent.operator === '=' &&
    parent.right === fn &&
    parent.left.type === AST_NODE_TYPES.MemberExpression &&
    parent.left.object.type === AST_NODE_TYPES.Identifier
  ) {
    // `Dashboard.init = function () {}`
    member = staticMemberName(parent.left);
    variable = ASTUtils.findVariable(context.sourceCode.getScope(parent), parent.left.object) ?? undefined;
  }
  if (!variable || variable.defs.length === 0) return undefined;
  if (member === undefined) {
    for (const reference of variable.references) {
      if (reference.init) continue;
      const use = reference.identifier;
      // `setTimeout(poll, ms)` in `poll`: its own re-arm, not a caller.
      if (isInsideRearmOf(context, use, fn)) continue;
      if (reference.isWrite() || use.type !== AST_NODE_TYPES.Identifier) return undefined;
      const useParent = use.parent;
      if (useParent.type === AST_NODE_TYPES.CallExpression && useParent.callee === use) uses.calls.push(useParent);
      else if (isExport(use)) uses.exported = true;
      else return undefined;
    }
    return uses;
  }
  return memberUses(fn, variable, member, uses);
}

/** The calls of `holder.member()` and `this.member()` when `holder` is only ever used by its members. */
function memberUses(
  fn: FunctionNode,
  holder: TSESLint.Scope.Variable,
  member: string,
  uses: FunctionUses,
): FunctionUses | undefined {
  const methods: FunctionNode[] = [];
  for (const reference of holder.references) {
    if (reference.init) {
      const init = (reference.identifier.parent as TSESTree.VariableDeclarator).init;
      if (init?.type === AST_NODE_TYPES.ObjectExpression) {
        for (const property of init.properties) {
          if (property.type === AST_NODE_TYPES.Property && isFunctionNode(property.value)) methods.push(property.value);
        }
      }
      continue;
    }
    const use = reference.identifier;
    if (reference.isWrite() || use.type !== AST_NODE_TYPES.Identifier) return undefined;
    const access = use.parent;
    if (isExport(use)) {
      uses.exported = true;
      continue;
    }
    if (access.type !== AST_NODE_TYPES.MemberExpression || access.object !== use) return undefined;
    const name = staticMemberName(access);
    if (name === undefined) return undefined;
    const assignment = access.parent;
    if (assignment.type === AST_NODE_TYPES.AssignmentExpression && assignment.left === access) {
      // Another value for the same member: whichever runs, calls may reach either.
      if (name === member && assignment.right !== fn) return undefined;
      if (isFunctionNode(assignment.right)) methods.push(assignment.right);
      continue;
    }
    if (name !== member) continue;
    if (access.parent.type === AST_NODE_TYPES.CallExpression && access.parent.callee === access) uses.calls.push(access.parent);
    else return undefined;
  }
  // `this.member()` from the holder's other methods; any other use of their `this` may hand it on.
  for (const method of methods) {
    if (method.type === AST_NODE_TYPES.ArrowFunctionExpression) continue;
    let escapes = false;
    walk(method.body, (node) => {
      if (escapes || (isFunctionNode(node) && node.type !== AST_NODE_TYPES.ArrowFunctionExpression)) return false;
      if (node.type !== AST_NODE_TYPES.ThisExpression) return true;
      const access = node.parent;
      if (access?.type !== AST_NODE_TYPES.MemberExpression || access.object !== node) {
        escapes = true;
        return false;
      }
      if (staticMemberName(access) !== member) return true;
      if (access.parent.type === AST_NODE_TYPES.CallExpression && access.parent.callee === access) uses.calls.push(access.parent);
      else escapes = true;
      return true;
    });
    if (escapes) return undefined;
  }
  return uses;
}

function propertyKeyName(property: TSESTree.Property): string | undefined {
  if (property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
  return staticString(property.key);
}

/**
 * Every `new` that runs this constructor, when this file shows all of them: the class is neither
 * exported nor used any other way (extended, handed on, stored), so no caller we cannot see makes one.
 *
 * `class Reporter { constructor(bus) {…} }` with only `new Reporter(bus)` → that `new`.
 */
export function constructionsOf(context: AnalysisContext, fn: FunctionNode): TSESTree.NewExpression[] | undefined {
  const method = fn.parent;
  if (method?.type !== AST_NODE_TYPES.MethodDefinition || method.kind !== 'constructor') return undefined;
  return classConstructions(context, method.parent.parent);
}

/** Every `new` of a class declaration of this file, when the class is used no other way and not exported. */
function classConstructions(context: AnalysisContext, classNode: TSESTree.Node): TSESTree.NewExpression[] | undefined {
  if (classNode.type !== AST_NODE_TYPES.ClassDeclaration || !classNode.id || isExportedDeclaration(classNode)) return undefined;
  const name = classNode.id.name;
  // The class's name outside it, and the one its own body sees (`static create() { return new Reporter() }`).
  const variables = [
    ...context.sourceCode.getDeclaredVariables(classNode).filter((variable) => variable.name === name),
    context.sourceCode.scopeManager?.acquire(classNode)?.set.get(name),
  ];
  const constructions: TSESTree.NewExpression[] = [];
  for (const variable of variables) {
    for (const reference of variable?.references ?? []) {
      const parent = reference.identifier.parent;
      if (parent?.type !== AST_NODE_TYPES.NewExpression || parent.callee !== reference.identifier) return undefined;
      constructions.push(parent);
    }
  }
  return constructions.length > 0 ? constructions : undefined;
}

/**
 * The calls of a method through the instances this file makes of its class, when those are all
 * the instances there are and none is handed on: `const heartbeat = new Heartbeat()` and
 * `heartbeat.start(socket)`. `undefined` when an instance escapes or the method is read as a
 * value: anyone may call it then, with anything.
 */
function instanceMethodCalls(context: AnalysisContext, fn: FunctionNode): TSESTree.CallExpression[] | undefined {
  const method = fn.parent;
  if (method?.type !== AST_NODE_TYPES.MethodDefinition || method.kind !== 'method' || method.static || method.computed || method.key.type !== AST_NODE_TYPES.Identifier) {
    return undefined;
  }
  const name = method.key.name;
  const constructions = classConstructions(context, method.parent.parent);
  if (!constructions) return undefined;
  const calls: TSESTree.CallExpression[] = [];
  for (const construction of constructions) {
    const declarator = construction.parent;
    if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== construction || declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = context.sourceCode.getDeclaredVariables(declarator)[0];
    if (!variable || isReassigned(variable)) return undefined;
    for (const reference of variable.references) {
      if (reference.init) continue;
      const member = reference.identifier.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) return undefined;
      const property = staticMemberName(member);
      if (property === undefined) return undefined;
      if (property !== name) continue;
      if (member.parent.type !== AST_NODE_TYPES.CallExpression || member.parent.callee !== member) return undefined;
      calls.push(member.parent);
    }
  }
  return calls;
}

/** `export function f`, `export const f = …`, `export default function`. */
function isExportedDeclaration(node: TSESTree.Node): boolean {
  const parent = node.parent;
  return parent?.type === AST_NODE_TYPES.ExportNamedDeclaration || parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration;
}

/** `export { f }`, `export default f`, `module.exports = f`, `module.exports = { f }`, `exports.f = f`. */
function isExport(use: TSESTree.Identifier): boolean {
  const parent = use.parent;
  if (parent.type === AST_NODE_TYPES.ExportSpecifier || parent.type === AST_NODE_TYPES.ExportDefaultDeclaration) return true;
  const value = parent.type === AST_NODE_TYPES.Property && parent.value === use ? parent.parent : use;
  const assignment = value.parent;
  if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.right !== value) return false;
  const target = stableReferenceText(assignment.left) ?? '';
  return target === 'module.exports' || target.startsWith('module.exports.') || target.startsWith('exports.');
}

function insideLoop(node: TSESTree.Node): boolean {
  for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
    if (ASTUtils.isLoop(current)) return true;
    if (isFunctionNode(current)) return false;
  }
  return false;
}

/**
 * Who a target object belongs to, seen from the code that subscribes to it (`scope`: a function,
 * or one repetition such as a loop body or a cron callback):
 * - `outlives`: it was handed in (a parameter), is shared (module scope, an import, a global),
 *   is a member the object was given (`constructor(queue) { this.queue = queue }`, outside the
 *   constructor) or, for a repetition, was declared outside it: it lives on after `scope` ends;
 * - `own`: `scope` or its object made it (`this.conn`, `const e = new EventEmitter()`);
 * - `unknown`: a call's result, a callback's parameter, anything we cannot follow.
 */
export type TargetOwner =
  | { owner: 'outlives'; reason: OutlivesReason; parameterIndex?: number; declaredIn?: FunctionNode }
  | { owner: 'own'; local?: { variable: TSESLint.Scope.Variable; declarator: TSESTree.VariableDeclarator } }
  | { owner: 'unknown' };

export type OutlivesReason = 'parameter' | 'module' | 'global' | 'import' | 'outer' | 'given';

export interface OwnerOptions {
  /** A repetition: anything declared outside it outlives it, whatever made it. */
  outerOutlives: boolean;
}

export function targetOwner(
  context: AnalysisContext,
  target: TSESTree.Node,
  scope: TSESTree.Node,
  options: OwnerOptions = { outerOutlives: false },
): TargetOwner {
  return ownerOf(context, target, scope, options, 0);
}

function ownerOf(
  context: AnalysisContext,
  target: TSESTree.Node,
  scope: TSESTree.Node,
  options: OwnerOptions,
  depth: number,
): TargetOwner {
  if (depth > 5) return { owner: 'unknown' };
  const root = referenceRoot(target);
  if (!root) return { owner: 'unknown' };
  if (root.type === AST_NODE_TYPES.ThisExpression) {
    // What the class was given outlives each call of its methods; in the constructor, it is the
    // caller's object, as a parameter is.
    return !inConstructor(context, scope) && givenMember(context, target) !== undefined ? { owner: 'outlives', reason: 'given' } : { owner: 'own' };
  }
  // `api.queue = new Queue(o); api.queue.on('error', f)`: whatever the member held before, this is the object just made here.
  if (skipTypeWrappers(target) !== root && memberFreshlyAssignedBefore(target, scope)) return { owner: 'own' };
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(root), root);
  const definition = variable?.defs[0];
  if (!variable || !definition) return { owner: 'outlives', reason: 'global' };
  switch (definition.type) {
    case 'ImportBinding':
      return { owner: 'outlives', reason: 'import' };
    case 'Parameter': {
      const owningFunction = definition.node;
      if (!isFunctionNode(owningFunction)) return { owner: 'unknown' };
      // A parameter of a function nested inside the scope is that function's business.
      if (owningFunction !== scope && isInside(owningFunction, scope)) return { owner: 'unknown' };
      if (owningFunction !== scope && options.outerOutlives) return { owner: 'outlives', reason: 'outer' };
      // A callback's parameters are objects its caller made for this one call (req, socket), also
      // when it is written as a named function and handed over by name (`app.use(timing)`).
      // So are a framework hook's (`handleConnection(client)` of a class implementing a package's interface),
      // and a handler's in a table of handlers handed over (`server.addService(def, { Stream: (call) => … })`).
      if (
        functionLifetime(context, owningFunction) === 'callback' ||
        onlyHandedOn(context, owningFunction) ||
        methodOnlyHandedOn(context, owningFunction) ||
        isFrameworkHook(context, owningFunction) ||
        isHandlerInHandedTable(context, owningFunction)
      ) {
        return { owner: 'unknown' };
      }
      const index = owningFunction.params.findIndex((parameter) => isInside(definition.name, parameter));
      if (index >= 0 && depth === 0 && calledOnlyWithFreshObjects(context, owningFunction, index)) return { owner: 'unknown' };
      return { owner: 'outlives', reason: 'parameter', declaredIn: owningFunction, ...(owningFunction === scope && index >= 0 && { parameterIndex: index }) };
    }
    case 'Variable': {
      const outer = isTopLevelScope(variable.scope) || (options.outerOutlives && !isInside(definition.name, scope));
      // `child = spawn(…); child.on('exit', …)`: whatever the variable held before, this is the object just made here.
      if (outer && skipTypeWrappers(target) === root && freshlyAssignedBefore(variable, root, scope)) return { owner: 'own' };
      if (isTopLevelScope(variable.scope)) {
        return { owner: 'outlives', reason: 'module' };
      }
      if (options.outerOutlives && !isInside(definition.name, scope)) return { owner: 'outlives', reason: 'outer' };
      const declarator = definition.node;
      const init = declarator.init ? skipTypeWrappers(declarator.init) : undefined;
      // `let server; if (secure) server = createSecureServer(o); else server = createServer(o);`: made here, whichever branch ran.
      if (!init && declarator.id.type === AST_NODE_TYPES.Identifier && everyWriteMakesAnObject(variable)) return { owner: 'own' };
      if (!init || isReassigned(variable) || declarator.id.type !== AST_NODE_TYPES.Identifier) return { owner: 'unknown' };
      const value = init.type === AST_NODE_TYPES.AwaitExpression ? skipTypeWrappers(init.argument) : init;
      if (value.type === AST_NODE_TYPES.NewExpression || value.type === AST_NODE_TYPES.CallExpression) {
        return skipTypeWrappers(target) === root ? { owner: 'own', local: { variable, declarator } } : { owner: 'own' };
      }
      if (
        value.type === AST_NODE_TYPES.Identifier ||
        value.type === AST_NODE_TYPES.MemberExpression ||
        value.type === AST_NODE_TYPES.ThisExpression
      ) {
        return ownerOf(context, value, scope, options, depth + 1);
      }
      return { owner: 'unknown' };
    }
    default:
      return { owner: 'unknown' };
  }
}

/** A variable declared without a value whose every assignment is `x = new …()` or `x = make(…)` (awaited or not). */
function everyWriteMakesAnObject(variable: TSESLint.Scope.Variable): boolean {
  const writes = variable.references.filter((reference) => reference.isWrite());
  return (
    writes.length > 0 &&
    writes.every((reference) => {
      const assignment = reference.identifier.parent;
      if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.operator !== '=' || assignment.left !== reference.identifier) return false;
      const value = skipTypeWrappers(assignment.right.type === AST_NODE_TYPES.AwaitExpression ? assignment.right.argument : assignment.right);
      return value.type === AST_NODE_TYPES.NewExpression || value.type === AST_NODE_TYPES.CallExpression;
    })
  );
}

/** Whether `scope` is, or is written in, a class's constructor, or a private method only it calls. */
function inConstructor(context: AnalysisContext, scope: TSESTree.Node): boolean {
  for (let current: TSESTree.Node | undefined = scope; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.MethodDefinition) return current.kind === 'constructor' || (isFunctionNode(current.value) && functionLifetime(context, current.value) === 'constructor');
  }
  return false;
}

/**
 * Whether, just before `use`, the code around it assigned `variable` an object it made: an
 * `x = new …()` or `x = make(…)` statement inside `scope`, in the same function as `use`, in a
 * block that holds `use` further down, so every run that reaches `use` made it first.
 *
 * `let child; function start() { child = spawn(cmd); child.on('exit', f); }` → true for `child` in `child.on`.
 */
function freshlyAssignedBefore(variable: TSESLint.Scope.Variable, use: TSESTree.Identifier, scope: TSESTree.Node): boolean {
  return variable.references.some((reference) => {
    const written = reference.identifier;
    const assignment = written.parent;
    return reference.isWrite() && assignment?.type === AST_NODE_TYPES.AssignmentExpression && assignment.left === written && makesObjectBefore(assignment, use, scope);
  });
}

/**
 * The same for a member: a statement `a.b = new …()` or `a.b = make(…)` before `target` (`a.b`,
 * read the same way) in a block that holds it further down, in its function and inside `scope`.
 *
 * `api.queue = new Queue(o); api.queue.on('error', f)` → true for `api.queue`.
 */
function memberFreshlyAssignedBefore(target: TSESTree.Node, scope: TSESTree.Node): boolean {
  const text = stableReferenceText(target);
  const fn = enclosingFunction(target);
  if (text === undefined) return false;
  for (let child: TSESTree.Node = target, node = target.parent; node && node !== fn; child = node, node = node.parent) {
    if (node.type !== AST_NODE_TYPES.BlockStatement) continue;
    for (const statement of node.body) {
      if (statement === child) break;
      const assignment = statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : undefined;
      if (
        assignment?.type === AST_NODE_TYPES.AssignmentExpression &&
        assignment.left.type === AST_NODE_TYPES.MemberExpression &&
        stableReferenceText(assignment.left) === text &&
        makesObjectBefore(assignment, target, scope)
      ) {
        return true;
      }
    }
  }
  return false;
}

/**
 * Whether `assignment` is `x = new …()` or `x = make(…)` (awaited or not), a statement of its own
 * inside `scope`, in the same function as `use`, in a block that holds `use` further down: every
 * run that reaches `use` made the object first.
 */
function makesObjectBefore(assignment: TSESTree.AssignmentExpression, use: TSESTree.Node, scope: TSESTree.Node): boolean {
  if (assignment.operator !== '=') return false;
  const value = skipTypeWrappers(assignment.right.type === AST_NODE_TYPES.AwaitExpression ? assignment.right.argument : assignment.right);
  if (value.type !== AST_NODE_TYPES.NewExpression && value.type !== AST_NODE_TYPES.CallExpression) return false;
  const statement = assignment.parent;
  const block = statement?.parent;
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || block?.type !== AST_NODE_TYPES.BlockStatement) return false;
  if (enclosingFunction(statement) !== enclosingFunction(use) || !isInside(statement, scope) || statement.range[1] > use.range[0]) return false;
  // A later statement of the same block holds `use`, in the same function.
  return block.body.some((later) => later.range[0] >= statement.range[1] && isInside(use, later));
}
