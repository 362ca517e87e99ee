import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isBuiltin } from 'node:module';

import { AST_NODE_TYPES, ASTUtils } from './estree';
import { protocols } from './families/language';
import type { CallStart, ObjectKind, RepeatedCallback, SignalParameter } from './apis';
import {
  clientSignalTakingFunctions,
  globalSchedulers,
  globalConstructors,
  globalSignalTakingFunctions,
  globalStarts,
  moduleObjects,
  moduleSchedulers,
  fakeTimerInstallers,
  globalFakeTimerInstallers,
  moduleLoaders,
  moduleStarts,
  signalTakingFunctions,
  submodules,
} from './apis';
import { staticMemberName } from './ast';
import { aliasConstructions } from './constructorAliases';
import type { AnalysisContext } from './fileCache';
import { perFile } from './fileCache';
import type { ModuleLoader } from './families/family';
import type { ModuleLoad } from './moduleLoads';
import { ownPackageImports } from './ownPackage';
import { dynamicImports, loadedByLoader } from './moduleLoads';
import { importMatches, leaksSettings } from './settings';

/** What import tracking knows about one call or `new` expression in the file. */
export interface TrackedCall {
  /** It starts something (`new Redis()`, `setInterval()`, `fs.watch()`). */
  start?: CallStart;
  /** It returns an object of this kind (`new EventEmitter()`, `interval(1000)`). */
  returns?: ObjectKind;
  /** It runs one of its callbacks again and again (`cron.schedule('* * * * *', tick)`). */
  repeats?: RepeatedCallback;
  /** It takes an AbortSignal (`fetch`, `timers/promises` `setTimeout`, `events.on`). */
  takesSignal?: SignalParameter;
  /** It puts the global timers under a fake clock (`vi.useFakeTimers()`). */
  fakesTimers?: boolean;
}

/** What the trace map holds for a call: what it is, or that it loads a module by name (`loadPackage('ioredis')`). */
type TraceInfo = TrackedCall & { loads?: ModuleLoader };

const { CALL, CONSTRUCT } = ASTUtils.ReferenceTracker;

type Tracker = InstanceType<typeof ASTUtils.ReferenceTracker>;
type TraceMap = Parameters<Tracker['iterateEsmReferences']>[0];
type FoundReference = ReturnType<Tracker['iterateEsmReferences']> extends Iterable<infer R> ? R : never;
/** The tracker's `iteratePropertyReferences` (eslint-utils 4), which the typings leave out: references from an expression that is a module. */
type PropertyTracker = Tracker & { iteratePropertyReferences(node: TSESTree.Node, traceMap: TraceMap): Iterable<FoundReference> };

/**
 * Node's own modules, which import as `node:fs` (and most also as `fs`): `fs`, `fs/promises`,
 * `worker_threads`, and those only `node:` reaches (`node:test`), which `builtinModules` leaves out.
 */
const isNodeModule = (moduleName: string): boolean => isBuiltin(`node:${moduleName}`);

/** One trace map for CommonJS and ES imports (legacy mode binds default imports to the module). */
function buildTraceMap(): TraceMap {
  const { map, add } = traceMapBuilder();
  for (const [moduleName, exports] of Object.entries(moduleObjects)) {
    for (const [exportName, kind] of Object.entries(exports)) add(moduleName, exportName, { returns: kind });
  }
  for (const table of [signalTakingFunctions, clientSignalTakingFunctions]) {
    for (const [moduleName, exports] of Object.entries(table)) {
      for (const [exportPath, takesSignal] of Object.entries(exports)) add(moduleName, exportPath, { takesSignal });
    }
  }
  // `require('fs').promises.readFile` and `import { promises } from 'fs'` reach the same functions.
  for (const [moduleName, members] of Object.entries(submodules)) {
    for (const [member, submodule] of Object.entries(members)) {
      for (const [exportPath, takesSignal] of Object.entries(signalTakingFunctions[submodule] ?? {})) {
        add(moduleName, `${member}.${exportPath}`, { takesSignal });
      }
    }
  }
  for (const [moduleName, exports] of Object.entries(moduleSchedulers)) {
    for (const [exportPath, repeats] of Object.entries(exports)) add(moduleName, exportPath, { repeats });
  }
  for (const [moduleName, exports] of Object.entries(moduleStarts)) {
    for (const [exportName, start] of Object.entries(exports)) {
      add(moduleName, exportName, start.returns ? { start, returns: start.returns as ObjectKind } : { start });
    }
  }
  for (const [moduleName, exports] of Object.entries(moduleLoaders)) {
    for (const [exportName, loads] of Object.entries(exports)) add(moduleName, exportName, { loads });
  }
  for (const [moduleName, exportPaths] of Object.entries(fakeTimerInstallers)) {
    for (const exportPath of exportPaths) add(moduleName, exportPath, { fakesTimers: true });
  }
  return map as unknown as TraceMap;
}

const staticTraceMap = buildTraceMap();

/**
 * The user's own APIs from `settings.leaks`, as a trace map keyed by the import sources this file
 * uses: a package by name, a file by the relative path that resolves to it.
 */
function customTraceMap(context: AnalysisContext): TraceMap | undefined {
  const { subscriptions, schedulers } = leaksSettings(context);
  if (subscriptions.length === 0 && schedulers.length === 0) return undefined;
  const sources = new Set<string>();
  for (const statement of context.sourceCode.ast.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) sources.add(statement.source.value);
  }
  for (const reference of context.sourceCode.scopeManager?.globalScope?.through ?? []) {
    const call = reference.identifier.parent;
    if (reference.identifier.name === 'require' && call?.type === AST_NODE_TYPES.CallExpression) {
      const source = call.arguments[0];
      if (source?.type === AST_NODE_TYPES.Literal && typeof source.value === 'string') sources.add(source.value);
    }
  }
  const { map, add } = traceMapBuilder();
  for (const source of sources) {
    subscriptions.forEach((subscription, index) => {
      if (importMatches(context.filename, source, subscription.specifier.name, subscription.specifier)) {
        add(source, subscription.specifier.name, { returns: `custom:${index}` });
      }
    });
    for (const scheduler of schedulers) {
      if (importMatches(context.filename, source, scheduler.specifier.name, scheduler.specifier)) {
        add(source, scheduler.specifier.name, { repeats: scheduler.repeats });
      }
    }
  }
  return map as unknown as TraceMap;
}

/** A trace map under construction: `add('ioredis', 'Redis', info)` tracks calls and `new` of that export. */
function traceMapBuilder(): {
  map: Record<string, Record<string | symbol, unknown>>;
  add: (moduleName: string, exportPath: string, info: TraceInfo) => void;
} {
  const map: Record<string, Record<string | symbol, unknown>> = {};
  const add = (moduleName: string, exportPath: string, info: TraceInfo): void => {
    for (const id of isNodeModule(moduleName) ? [moduleName, `node:${moduleName}`] : [moduleName]) {
      let target = (map[id] ??= {});
      for (const name of exportPath.split('.')) {
        if (name === '*' || name === 'default') continue;
        target = (target[name] ??= {}) as Record<string | symbol, unknown>;
      }
      const merged = { ...(target[CALL] as TraceInfo | undefined), ...info };
      target[CALL] = merged;
      target[CONSTRUCT] = merged;
    }
  };
  return { map, add };
}

/**
 * Every call or `new` in the file that import tracking recognises, found in one pass per file:
 * `import Redis from 'ioredis'; new Redis()` → `{ start: connection, returns: 'ioredis' }`.
 */
export const trackedCalls = perFile((context): ReadonlyMap<TSESTree.Node, TrackedCall> => {
  const result = new Map<TSESTree.Node, TrackedCall>();
  const globalScope = context.sourceCode.scopeManager?.globalScope;
  if (!globalScope) return result;
  const tracker = new ASTUtils.ReferenceTracker(withImplicitRequire(globalScope), { mode: 'legacy' });
  const loads: ModuleLoad[] = [];
  const collect = (references: Iterable<FoundReference>): void => {
    for (const { node, info } of references) {
      const { loads: loader, ...tracked } = info as TraceInfo;
      const load = loader && loadedByLoader(node, loader);
      if (load) loads.push(load);
      else if (!loader && (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression)) {
        result.set(node, { ...result.get(node), ...tracked });
      }
    }
  };
  for (const traceMap of [staticTraceMap, customTraceMap(context)]) {
    if (!traceMap) continue;
    collect(tracker.iterateEsmReferences(traceMap));
    collect(tracker.iterateCjsReferences(traceMap));
  }
  // In a known package's own code, a relative import of what its entry hands out is that package.
  for (const [specifier, { module, exportName }] of ownPackageImports(context.filename, context.sourceCode.text, (name) => name in staticTraceMap)) {
    const root = (staticTraceMap as Record<string, TraceMap>)[module];
    const traceMap = { [specifier]: exportName === '*' ? root : { [exportName]: root } } as TraceMap;
    collect(tracker.iterateEsmReferences(traceMap));
    collect(tracker.iterateCjsReferences(traceMap));
  }
  // Modules loaded at run time by name are tracked from the expression that is the module.
  for (const { module, value } of [...loads, ...dynamicImports(context.sourceCode.ast, context.sourceCode.text)]) {
    const exports = (staticTraceMap as Record<string, TraceMap>)[module];
    if (exports) collect((tracker as PropertyTracker).iteratePropertyReferences(value, { default: exports, ...exports } as TraceMap));
  }
  // Globals such as `setInterval` are often undeclared (no `languageOptions.globals`): take
  // unresolved references too, and declared globals that the file does not redefine.
  const globalReferences = [
    ...globalScope.through,
    ...[
      ...Object.keys(globalStarts),
      ...Object.keys(globalConstructors),
      ...Object.keys(globalSchedulers),
      ...Object.keys(globalSignalTakingFunctions),
      ...globalObjectNames,
      ...globalFakeTimerRoots,
    ].flatMap((name) => {
      const variable = globalScope.set.get(name);
      return variable && variable.defs.length === 0 ? variable.references : [];
    }),
  ];
  for (const reference of globalReferences) {
    // `globalThis.setInterval(…)` is the global `setInterval`.
    const global = reference.identifier.type === AST_NODE_TYPES.Identifier ? globalMember(reference.identifier) : undefined;
    const callee = global ?? reference.identifier;
    const name = global ? staticMemberName(global) ?? '' : reference.identifier.name;
    const start = globalStarts[name];
    const repeats = globalSchedulers[name];
    const takesSignal = globalSignalTakingFunctions[name];
    const returns = globalConstructors[name];
    const call = callee.parent;
    const fakeClock = fakeClockInstall(reference.identifier);
    if (fakeClock) result.set(fakeClock, { ...result.get(fakeClock), fakesTimers: true });
    if ((start || repeats || takesSignal || returns) && (call?.type === AST_NODE_TYPES.CallExpression || call?.type === AST_NODE_TYPES.NewExpression) && call.callee === callee) {
      result.set(call, { ...(start && { start }), ...(repeats && { repeats }), ...(takesSignal && { takesSignal }), ...(returns && { returns }) });
    } else if (start || returns) {
      // `const Factory = typeof WebSocket !== 'undefined' ? WebSocket : …; new Factory(url)`
      for (const made of aliasConstructions(context, callee)) {
        if (!result.has(made)) result.set(made, { ...(start && { start }), ...(returns && { returns }) });
      }
    }
  }
  return result;
});

/** `jest` of `jest.useFakeTimers`. */
const globalFakeTimerRoots = [...globalFakeTimerInstallers].map((path) => path.split('.')[0] ?? path);

/** `jest.useFakeTimers()` for the global `jest`: the call, when it is a fake clock's install. */
function fakeClockInstall(identifier: TSESTree.Identifier | TSESTree.JSXIdentifier): TSESTree.CallExpression | undefined {
  const member = identifier.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== identifier) return undefined;
  const call = member.parent;
  return call?.type === AST_NODE_TYPES.CallExpression && call.callee === member && globalFakeTimerInstallers.has(`${identifier.name}.${staticMemberName(member) ?? ''}`)
    ? call
    : undefined;
}

/** The global object's names: `globalThis.setInterval` is `setInterval`. */
const globalObjectNames = protocols.globalObjects;

/** `globalThis.setInterval` for the identifier `globalThis`, read with a static name. */
function globalMember(identifier: TSESTree.Identifier): TSESTree.MemberExpression | undefined {
  const parent = identifier.parent;
  return globalObjectNames.includes(identifier.name) && parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === identifier && !parent.computed
    ? parent
    : undefined;
}

/**
 * The tracker follows `require()` only when `require` is a declared global, which it is not in a
 * `.js` file linted as a module or a `.ts` file without `globals.node`. Present the undeclared
 * `require` references as that global so CommonJS code is tracked in every setup.
 */
function withImplicitRequire(globalScope: TSESLint.Scope.Scope): TSESLint.Scope.Scope {
  if (globalScope.set.has('require')) return globalScope;
  const references = globalScope.through.filter((reference) => reference.identifier.name === 'require');
  if (references.length === 0) return globalScope;
  const set = new Map<string, unknown>(globalScope.set);
  set.set('require', { name: 'require', defs: [], references, identifiers: [], scope: globalScope });
  return Object.create(globalScope, { set: { value: set } }) as TSESLint.Scope.Scope;
}

/**
 * The module and export an identifier was imported as, including type-only imports and
 * `require`: `import type { Redis } from 'ioredis'` and `const { Redis } = require('ioredis')`
 * make `Redis` → `{ module: 'ioredis', name: 'Redis' }`; `const x = require('m')` → `'*'`.
 */
export function importedName(
  sourceCode: Readonly<TSESLint.SourceCode>,
  identifier: TSESTree.Identifier,
): { module: string; name: string } | undefined {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier.name);
  const definition = variable?.defs[0];
  if (definition?.type === 'Variable') return requiredName(definition.node, identifier.name);
  if (definition?.type !== 'ImportBinding') return undefined;
  const specifier = definition.node;
  const declaration = specifier.parent;
  if (declaration.type !== AST_NODE_TYPES.ImportDeclaration) return undefined;
  const module = declaration.source.value.replace(/^node:/, '');
  switch (specifier.type) {
    case AST_NODE_TYPES.ImportDefaultSpecifier:
      return { module, name: 'default' };
    case AST_NODE_TYPES.ImportNamespaceSpecifier:
      return { module, name: '*' };
    case AST_NODE_TYPES.ImportSpecifier:
      return {
        module,
        name: specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value,
      };
    default:
      return undefined;
  }
}


/**
 * The module and export a callee was imported as, directly or through a namespace:
 * `connect(…)` with `import { connect } from 'nats'`, and `nats.connect(…)` with
 * `import * as nats from 'nats'` or `const nats = require('nats')`, → `{ module: 'nats', name: 'connect' }`.
 */
export function importedCallee(
  sourceCode: Readonly<TSESLint.SourceCode>,
  callee: TSESTree.Node,
): { module: string; name: string } | undefined {
  if (callee.type === AST_NODE_TYPES.Identifier) return importedName(sourceCode, callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  if (callee.object.type !== AST_NODE_TYPES.Identifier) return undefined;
  const namespace = importedName(sourceCode, callee.object);
  return namespace && (namespace.name === '*' || namespace.name === 'default')
    ? { module: namespace.module, name: callee.property.name }
    : undefined;
}


function requiredName(declarator: TSESTree.VariableDeclarator, local: string): { module: string; name: string } | undefined {
  const init = declarator.init;
  const source =
    init?.type === AST_NODE_TYPES.CallExpression &&
    init.callee.type === AST_NODE_TYPES.Identifier &&
    init.callee.name === 'require' &&
    init.arguments[0]?.type === AST_NODE_TYPES.Literal &&
    typeof init.arguments[0].value === 'string'
      ? init.arguments[0].value.replace(/^node:/, '')
      : undefined;
  if (source === undefined) return undefined;
  if (declarator.id.type === AST_NODE_TYPES.Identifier) return { module: source, name: '*' };
  if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  for (const property of declarator.id.properties) {
    if (
      property.type === AST_NODE_TYPES.Property &&
      property.key.type === AST_NODE_TYPES.Identifier &&
      property.value.type === AST_NODE_TYPES.Identifier &&
      property.value.name === local
    ) {
      return { module: source, name: property.key.name };
    }
  }
  return undefined;
}
