import type { TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';

import { AST_NODE_TYPES, ASTUtils } from './estree';
import type { ObjectKind } from './apis';
import { annotatedTypes, globalAnnotatedTypes, globalObjects, kindShapes, moduleInstances, perClientTypes, routeMethods, typePackages } from './apis';
import { isFunctionNode, isReassigned, methodCallParts, referenceRoot, returnedValues, skipTypeWrappers, stableReferenceText, staticMemberName } from './ast';
import { isAtPosition } from './callbackPosition';
import { classMembersOf, enclosingClassBody, findClassMember } from './classMembers';
import { factoryStart, mayCallFactory } from './factoryStart';
import { eventEmitter } from './families/eventEmitter';
import { protocols } from './families/language';
import { fileIndex } from './fileIndex';
import type { AnalysisContext } from './fileCache';
import { findStart } from './findStart';
import { importedName, trackedCalls } from './imports';
import { jsdocDeclaredKind, jsdocParameterKind } from './jsdocKind';
import { findMethodCalls, methodCallsByReceiver } from './methodCallIndex';
import { callSiteParameterKind } from './parameterKinds';
import { importedSingleton, resolveCallee } from './resolveCallee';
import { customKindOfDeclaration, customKindOfImport, customKindOfInstance, hasCustomInstances, objectApiOf } from './objectApi';
import type { OwnClass } from './ownClass';
import { constructedClass, importedClass } from './ownClass';
import { constructorFunction, prototypeBases, thisConstructor } from './prototypeClass';
import { viewComponentOf } from './viewComponents';
import { isUntypedType, typeServices } from './typeServices';

const maxAliasDepth = 6;
/** The global object's names: `global.bus`, `globalThis.bus`. */
const globalObjectNames: readonly string[] = protocols.globalObjects;
const { emitterUses } = eventEmitter;
const [forwardedAdd] = emitterUses.addListener;

/**
 * What kind of object an expression is, so that `.on`/`.subscribe` are only judged on objects
 * that really are emitters, Redis clients or observables. With type information the checker
 * decides; without it (or where the type is `any`), where the value came from decides:
 * `import Redis from 'ioredis'; const sub = new Redis().duplicate(); sub` → `'ioredis'`.
 */
export function objectKindOf(context: AnalysisContext, node: TSESTree.Node): ObjectKind | undefined {
  const services = typeServices(context);
  if (services) {
    const type = services.getTypeAtLocation(node);
    if (!isUntyped(type)) return objectKindOfType(context, services.program.getTypeChecker(), type);
  }
  return objectKindFromSource(context, node, 0);
}

function isUntyped(type: ts.Type): boolean {
  return isUntypedType(type);
}

/** Kind of an object from its type: its declaring package first, then its shape. */
function objectKindOfType(context: AnalysisContext, checker: ts.TypeChecker, type: ts.Type): ObjectKind | undefined {
  const nonNullable = checker.getNonNullableType(type);
  if (nonNullable.isUnion()) {
    const kinds = new Set(nonNullable.types.map((part) => objectKindOfType(context, checker, part)));
    return kinds.size === 1 ? [...kinds][0] : undefined;
  }
  const fromPackage = kindFromDeclaringPackage(context, checker, nonNullable);
  if (fromPackage && !objectApiOf(context, fromPackage)?.packageTypesNeedShape) return fromPackage;
  const apparent = checker.getApparentType(nonNullable);
  const has = (name: string): boolean => checker.getPropertyOfType(apparent, name) !== undefined;
  return kindShapes.find(({ shape }) => shape.every((alternatives) => alternatives.some(has)))?.kind;
}

function kindFromDeclaringPackage(context: AnalysisContext, checker: ts.TypeChecker, type: ts.Type): ObjectKind | undefined {
  return fromTypeHierarchy(checker, type, ({ name, fileName, module }) => {
    const custom = customKindOfDeclaration(context, fileName, name);
    if (custom) return custom;
    // A bundle's `declare module 'mqtt/build/lib/client'` belongs to the package `mqtt`.
    for (const key of module === undefined ? [] : new Set([module, packageOfModule(module)])) {
      const kind = annotatedTypes[key]?.[name] ?? typePackages[key];
      if (kind) return kind;
    }
    return undefined;
  });
}

/**
 * The first answer `ask` gives for a name the type is declared under, or one of its intersection's
 * parts, or a class or interface it extends (a generic one's too: express's `Request<P>` extends
 * `http.IncomingMessage`), nearest first.
 */
function fromTypeHierarchy<T>(
  checker: ts.TypeChecker,
  type: ts.Type,
  ask: (declared: { name: string; fileName: string; module: string | undefined }) => T | undefined,
): T | undefined {
  const seen = new Set<ts.Type>();
  const visit = (current: ts.Type, depth: number): T | undefined => {
    if (seen.has(current) || depth > 8) return undefined;
    seen.add(current);
    if (current.isIntersection()) {
      for (const part of current.types) {
        const answer = visit(part, depth + 1);
        if (answer !== undefined) return answer;
      }
    }
    for (const declared of declaredNames(current)) {
      const answer = ask(declared);
      if (answer !== undefined) return answer;
    }
    // An instantiation of a generic class or interface (`Request<P>`) has its bases on its target.
    const declaredType = 'target' in current ? (current as ts.TypeReference).target : current;
    if (declaredType.isClassOrInterface()) {
      for (const base of checker.getBaseTypes(declaredType)) {
        const answer = visit(base, depth + 1);
        if (answer !== undefined) return answer;
      }
    }
    return undefined;
  };
  return visit(type, 0);
}

/**
 * Whether, by its type, `node` is what a server made for one client or request (socket.io's
 * server-side `Socket`, `http.IncomingMessage`, or a type extending one, as express's `Request`
 * does): it lives as long as that client. Typed only: a name says nothing without types.
 */
export function isPerClientObject(context: AnalysisContext, node: TSESTree.Node): boolean {
  const services = typeServices(context);
  if (!services) return false;
  const checker = services.program.getTypeChecker();
  const type = checker.getNonNullableType(services.getTypeAtLocation(node));
  const parts = type.isUnion() ? type.types : [type];
  return parts.every(
    (part) =>
      fromTypeHierarchy(checker, part, ({ name, module }) =>
        module !== undefined && (perClientTypes[module] ?? perClientTypes[packageOfModule(module)])?.includes(name) === true ? true : undefined,
      ) === true,
  );
}

/**
 * The names a type is declared under, each with its file and module: `type Consumer = { … }` by its
 * alias, a class or interface by its own symbol, and `export default class MqttClient` (a symbol
 * named `default`) by the class's own name.
 */
function declaredNames(type: ts.Type): { name: string; fileName: string; module: string | undefined }[] {
  return [type.aliasSymbol, type.getSymbol()].flatMap((symbol) =>
    (symbol?.getDeclarations() ?? []).map((declaration) => {
      const ownName = (declaration as { name?: { text?: unknown } }).name?.text;
      const name = typeof ownName === 'string' ? ownName : (symbol?.getName() ?? '');
      return { name, fileName: declaration.getSourceFile().fileName, module: declaringModule(declaration) };
    }),
  );
}

/** The package a module specifier names: `mqtt/lib/client` → `mqtt`, `@redis/client/dist` → `@redis/client`. */
function packageOfModule(module: string): string {
  return /^(?:@[^/]+\/)?[^/]+/.exec(module)?.[0] ?? module;
}

/**
 * The module a declaration belongs to: the name of the ambient `declare module 'kafkajs' { … }`
 * around it, else the package whose folder holds its file (`node_modules/@types/x` counts as `x`).
 */
export function declaringModule(declaration: ts.Declaration): string | undefined {
  for (let node: ts.Node | undefined = declaration.parent; node; node = node.parent) {
    const name = (node as { name?: ts.Node & { text?: string; escapedText?: unknown } }).name;
    if ('body' in node && name && name.escapedText === undefined && typeof name.text === 'string') {
      return name.text.replace(/^node:/, '');
    }
  }
  const match = /.*\/node_modules\/(?:@types\/)?((?:@[^/]+\/)?[^/]+)\//.exec(declaration.getSourceFile().fileName);
  return match?.[1];
}

function objectKindFromSource(context: AnalysisContext, node: TSESTree.Node, depth: number): ObjectKind | undefined {
  if (depth > maxAliasDepth) return undefined;
  const inner = skipTypeWrappers(node);
  switch (inner.type) {
    case AST_NODE_TYPES.AwaitExpression:
      return objectKindFromSource(context, inner.argument, depth + 1);
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.CallExpression: {
      const tracked = trackedCalls(context).get(inner);
      if (tracked?.returns) return tracked.returns;
      // `const client = connectTo(host)` with `connectTo` returning `new Redis(…)`: a Redis client.
      const factory = inner.type === AST_NODE_TYPES.CallExpression && !tracked ? factoryStart(context, inner, findStart) : undefined;
      if (factory?.returns) return factory.returns as ObjectKind;
      const returned = inner.type === AST_NODE_TYPES.CallExpression && !tracked ? returnedKind(context, inner, depth + 1) : undefined;
      if (returned) return returned;
      // `new TaskEmitter()` of a class this file declares, or another of our files (`require('./pool')`).
      const callee = skipTypeWrappers(inner.callee);
      if (inner.type === AST_NODE_TYPES.NewExpression && callee.type === AST_NODE_TYPES.Identifier) {
        const local = localClass(context, callee);
        if (local) return classKind(context, local, depth + 1);
        const constructor = constructorFunction(context, callee);
        return constructor ? functionClassKind(context, constructor, depth + 1) : otherFileClassKind(context, inner, depth + 1);
      }
      if (inner.type === AST_NODE_TYPES.NewExpression) {
        const kind = otherFileClassKind(context, inner, depth + 1);
        if (kind) return kind;
      }
      const call = methodCallParts(inner);
      if (!call) return undefined;
      const targetKind = objectKindFromSource(context, call.target, depth + 1);
      const api = targetKind && objectApiOf(context, targetKind);
      return (api?.starts[call.method]?.returns ?? api?.returns?.[call.method]) as ObjectKind | undefined;
    }
    case AST_NODE_TYPES.Identifier:
      return identifierKind(context, inner, depth);
    case AST_NODE_TYPES.ThisExpression:
      return thisKind(context, inner, depth);
    case AST_NODE_TYPES.MemberExpression: {
      if (skipTypeWrappers(inner.object).type !== AST_NODE_TYPES.ThisExpression) {
        return propertyKind(context, inner.object, staticMemberName(inner), depth) ?? globalMemberKind(context, inner, depth);
      }
      const name =
        inner.property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${inner.property.name}` : staticMemberName(inner);
      if (name === undefined) return undefined;
      const member = findClassMember(inner, name);
      if (!member) return undefined;
      if (member.annotation) {
        const kind = annotationKind(context, member.annotation);
        if (kind) return kind;
      }
      // `/** @type {Redis} */ this.client = options.client;`
      for (const value of member.values) {
        const kind = value.parent.type === AST_NODE_TYPES.AssignmentExpression ? jsdocDeclaredKind(context, value.parent) : undefined;
        if (kind) return kind;
      }
      for (const value of member.values) {
        const kind = objectKindFromSource(context, value, depth + 1);
        if (kind) return kind;
      }
      return member.annotation ? undefined : emitsEvents(context, inner);
    }
    default:
      return undefined;
  }
}

/**
 * What a function of ours hands back, when every `return` is an object of the same kind:
 * `createClient() { return new Kafka(config); }` makes `this.client = await this.createClient()` a Kafka client.
 */
function returnedKind(context: AnalysisContext, call: TSESTree.CallExpression, depth: number): ObjectKind | undefined {
  if (depth > maxAliasDepth || !mayCallFactory(context, call)) return undefined;
  const resolved = resolveCallee(context, call);
  const values = resolved ? returnedValues(resolved.fn) : [];
  const kinds = new Set(values.map((value) => objectKindFromSource(resolved?.context ?? context, value, depth + 1)));
  const [kind] = kinds;
  return kinds.size === 1 ? kind : undefined;
}

/** `process.stdin`: a member of a global the knowledge base knows, when the file does not redefine the global. */
function globalMemberKind(context: AnalysisContext, member: TSESTree.MemberExpression, depth: number): ObjectKind | undefined {
  const text = stableReferenceText(member);
  const root = referenceRoot(member);
  if (text === undefined || root?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(root), root);
  if (variable && variable.defs.length > 0) return undefined;
  return globalObjects[text] ?? assignedGlobalKind(context, member, text, depth);
}

/**
 * `global.bus` where the file's only write to it is `global.bus = new EventEmitter2()` at its top
 * level: the kind of that value, as for a module variable made once. A property of the global
 * object the file also writes elsewhere may hold anything.
 */
function assignedGlobalKind(context: AnalysisContext, member: TSESTree.MemberExpression, text: string, depth: number): ObjectKind | undefined {
  const object = skipTypeWrappers(member.object);
  if (object.type !== AST_NODE_TYPES.Identifier || !globalObjectNames.includes(object.name)) return undefined;
  const writes = fileIndex(context).membersAndDeclarators.filter(
    (node): node is TSESTree.MemberExpression => node.type === AST_NODE_TYPES.MemberExpression && isWritten(node) && stableReferenceText(node) === text,
  );
  const write = writes.length === 1 ? writes[0]?.parent : undefined;
  const atTopLevel = write?.type === AST_NODE_TYPES.AssignmentExpression && write.operator === '=' && write.parent.type === AST_NODE_TYPES.ExpressionStatement && write.parent.parent.type === AST_NODE_TYPES.Program;
  return atTopLevel ? objectKindFromSource(context, write.right, depth + 1) : undefined;
}

/** `x.y = …`, `x.y += …`, `x.y++`, `delete x.y`: a write of the member, not a read. */
function isWritten(member: TSESTree.MemberExpression): boolean {
  const parent = member.parent;
  return (
    (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === member) ||
    parent.type === AST_NODE_TYPES.UpdateExpression ||
    (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'delete')
  );
}

function identifierKind(context: AnalysisContext, identifier: TSESTree.Identifier, depth: number): ObjectKind | undefined {
  const scope = context.sourceCode.getScope(identifier);
  let variable = null as null | (typeof scope.variables)[number];
  for (let current: typeof scope | null = scope; current && !variable; current = current.upper) {
    variable = current.set.get(identifier.name) ?? null;
  }
  const definition = variable?.defs[0];
  if (!variable || !definition) return globalObjects[identifier.name];
  if (definition.type === 'Parameter') {
    const annotation = parameterAnnotation(definition.name);
    if (annotation) return annotationKind(context, annotation);
    return (
      jsdocParameterKind(context, definition.node, identifier.name) ??
      callbackParameterKind(context, definition.node, definition.name) ??
      callSiteParameterKind(context, definition.node, variable, (argument) => objectKindFromSource(context, argument, depth + 1)) ??
      emitsEvents(context, identifier, variable.scope.block)
    );
  }
  if (definition.type === 'Variable' && definition.node.id.type === AST_NODE_TYPES.Identifier) {
    const annotation = definition.node.id.typeAnnotation?.typeAnnotation;
    if (annotation) {
      const kind = annotationKind(context, annotation);
      if (kind) return kind;
    }
    // `/** @type {import('ioredis').Redis} */ let redis;`: a declared type holds whatever is assigned later.
    const declared = annotation ? undefined : jsdocDeclaredKind(context, definition.node);
    if (declared) return declared;
    // Only a binding that is never reassigned keeps the kind of its initialiser.
    const writes = variable.references.filter((reference) => reference.isWrite());
    if (definition.node.init && writes.length <= 1) {
      const kind = objectKindFromSource(context, definition.node.init, depth + 1);
      if (kind || annotation) return kind;
    }
  }
  // `const { port1 } = new MessageChannel()`: a property of an object of a known kind.
  if (definition.type === 'Variable' && definition.node.id.type === AST_NODE_TYPES.ObjectPattern && definition.node.init) {
    const property = definition.node.id.properties.find(
      (candidate): candidate is TSESTree.Property => candidate.type === AST_NODE_TYPES.Property && candidate.value === definition.name,
    );
    const key = property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : undefined;
    const writes = variable.references.filter((reference) => reference.isWrite());
    const kind = writes.length <= 1 ? propertyKind(context, definition.node.init, key, depth) : undefined;
    if (kind) return kind;
  }
  // `import { parentPort } from 'node:worker_threads'`: an object the module itself exports.
  const exported = definition.type === 'ImportBinding' || definition.type === 'Variable' ? importedName(context.sourceCode, identifier) : undefined;
  const instance = exported && moduleInstances[exported.module]?.[exported.name];
  if (instance) return instance;
  // `import { bus } from './bus'` with `export const bus = new EventEmitter()` there: what that file makes, once.
  const singleton = definition.type === 'ImportBinding' || definition.type === 'Variable' ? importedSingleton(context, identifier) : undefined;
  if (singleton) {
    const kind = objectKindFromSource(singleton.context, singleton.value, depth + 1);
    if (kind) return kind;
  }
  // `import { bus } from './bus'`, `const { bus } = require('./bus')`: a singleton of an API named in settings.
  const imported = hasCustomInstances(context) ? importedName(context.sourceCode, identifier) : undefined;
  const custom = imported && customKindOfInstance(context, imported.module, imported.name);
  if (custom) return custom;
  // An untyped variable the code makes emit events.
  const untyped = definition.type === 'Variable' && definition.node.id.type === AST_NODE_TYPES.Identifier && !definition.node.id.typeAnnotation;
  return untyped ? emitsEvents(context, identifier, variable.scope.block) : undefined;
}

/**
 * Whether `node` is a parameter whose kind only its callers show (`callSiteParameterKind`): what
 * is added to it lives as long as each caller's argument, so the calls are judged, not the function.
 *
 * `function addGhostMode(client) { client.on('scroll', f) }` called with each connection's socket → `true`.
 */
export function kindOnlyFromCallers(context: AnalysisContext, node: TSESTree.Node): boolean {
  const inner = skipTypeWrappers(node);
  if (inner.type !== AST_NODE_TYPES.Identifier) return false;
  const services = typeServices(context);
  if (services && !isUntyped(services.getTypeAtLocation(inner))) return false;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(inner), inner);
  const definition = variable?.defs[0];
  if (!variable || definition?.type !== 'Parameter' || parameterAnnotation(definition.name)) return false;
  const ownEvidence =
    jsdocParameterKind(context, definition.node, inner.name) ??
    callbackParameterKind(context, definition.node, definition.name) ??
    emitsEvents(context, inner, variable.scope.block);
  return ownEvidence === undefined && identifierKind(context, inner, 0) !== undefined;
}

/**
 * An untyped object the code itself makes emit named events is an emitter, whatever it is called:
 * `this.queue.emit('progress', job)` in the class shows `this.queue` is one, and so do
 * `queue.emit('removed', job)` for `queue` in its scope, and `this.controller.listenerCount('rotate')`,
 * which only an emitter answers. A use, not a name.
 */
function emitsEvents(context: AnalysisContext, node: TSESTree.Node, scope?: TSESTree.Node): ObjectKind | undefined {
  const text = stableReferenceText(node);
  const within = scope ?? enclosingClassBody(node);
  if (text === undefined || !within) return undefined;
  const index = methodCallsByReceiver(context);
  const emits = findMethodCalls(index, text, [emitterUses.emit], within).some(({ call }) => {
    const event = call.arguments[0];
    return event !== undefined && (event.type === AST_NODE_TYPES.TemplateLiteral || (event.type === AST_NODE_TYPES.Literal && typeof event.value === 'string'));
  });
  // Whatever names the event: `listenerCount(this[EVENT])` is still a question only an emitter answers.
  const asksAsEmitter = findMethodCalls(index, text, emitterUses.emitterOnly, within).some(({ call }) => call.arguments.length > 0);
  // Counter-evidence: `const unbind = bus.on('x', f)` keeps what `on` returns, as APIs that return their own unbind want.
  const keepsWhatOnReturns = findMethodCalls(index, text, emitterUses.addListener, within).some(({ call }) => {
    const parent = call.parent;
    return parent.type !== AST_NODE_TYPES.ExpressionStatement && !(parent.type === AST_NODE_TYPES.MemberExpression && parent.object === call);
  });
  return (emits || asksAsEmitter) && !keepsWhatOnReturns ? 'emitter' : undefined;
}

/**
 * A parameter of a callback whose caller the knowledge base knows, by its position:
 * `http.createServer((req, res) => …)` → `req` and `res` are streams.
 */
function callbackParameterKind(context: AnalysisContext, fn: TSESTree.Node, name: TSESTree.BindingName): ObjectKind | undefined {
  const call = fn.parent;
  if (!isFunctionNode(fn) || (call?.type !== AST_NODE_TYPES.CallExpression && call?.type !== AST_NODE_TYPES.NewExpression)) return undefined;
  const index = fn.params.findIndex((parameter) => parameter === name || (parameter.type === AST_NODE_TYPES.AssignmentPattern && parameter.left === name));
  const repeats = trackedCalls(context).get(call)?.repeats;
  if (!repeats?.parameters || !isAtPosition(call, fn, fn, repeats)) return routeHandlerParameterKind(context, call, fn, index);
  return repeats.parameters[index] as ObjectKind | undefined;
}

/**
 * A route's handler on an HTTP app (`app.get('/x', (req, res) => …)`): its request and response
 * are the server's streams, as `http.createServer`'s handler's are.
 */
function routeHandlerParameterKind(
  context: AnalysisContext,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  fn: TSESTree.Node,
  index: number,
): ObjectKind | undefined {
  const parts = call.type === AST_NODE_TYPES.CallExpression ? methodCallParts(call) : undefined;
  if (!parts || (index !== 0 && index !== 1) || !routeMethods.has(parts.method)) return undefined;
  return objectKindOf(context, parts.target) === 'httpApp' ? 'emitter' : undefined;
}

/** `channel.port1` with `channel` a MessageChannel → a message port, as its family's `properties` say. */
function propertyKind(context: AnalysisContext, object: TSESTree.Node, name: string | undefined, depth: number): ObjectKind | undefined {
  if (name === undefined) return undefined;
  const kind = objectKindFromSource(context, object, depth + 1);
  const property = (kind && objectApiOf(context, kind)?.properties?.[name]) as ObjectKind | undefined;
  return property ?? instanceMemberKind(context, object, name, depth) ?? componentPropKind(context, object, name);
}

/**
 * A prop of a UI component whose framework hands them in one member typed by the base class's type
 * argument: `this.props.socket` in `class Chat extends React.Component<{ socket: WebSocket }>` is
 * a WebSocket, as it is with the props written as an interface or type alias of this file.
 */
function componentPropKind(context: AnalysisContext, object: TSESTree.Node, name: string): ObjectKind | undefined {
  const props = skipTypeWrappers(object);
  if (props.type !== AST_NODE_TYPES.MemberExpression || skipTypeWrappers(props.object).type !== AST_NODE_TYPES.ThisExpression) return undefined;
  const classNode = enclosingClassBody(props)?.parent;
  const view = classNode && viewComponentOf(context, classNode);
  if (!classNode || view?.props === undefined || staticMemberName(props) !== view.props) return undefined;
  const argument = classNode.superTypeArguments?.params[0];
  const member = argument && typeLiteralMembers(context, argument).find(
    (candidate) => candidate.type === AST_NODE_TYPES.TSPropertySignature && !candidate.computed && candidate.key.type === AST_NODE_TYPES.Identifier && candidate.key.name === name,
  );
  const annotation = member?.type === AST_NODE_TYPES.TSPropertySignature ? member.typeAnnotation?.typeAnnotation : undefined;
  return annotation && annotationKind(context, annotation);
}

/** The members of `{ … }`, or of the interface or type alias of this file a reference names. */
function typeLiteralMembers(context: AnalysisContext, type: TSESTree.TypeNode): readonly TSESTree.TypeElement[] {
  if (type.type === AST_NODE_TYPES.TSTypeLiteral) return type.members;
  if (type.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return [];
  const name = type.typeName.name;
  for (const statement of context.sourceCode.ast.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.declaration ? statement.declaration : statement;
    if (declaration.type === AST_NODE_TYPES.TSInterfaceDeclaration && declaration.id.name === name) return declaration.body.body;
    if (declaration.type === AST_NODE_TYPES.TSTypeAliasDeclaration && declaration.id.name === name && declaration.typeAnnotation.type === AST_NODE_TYPES.TSTypeLiteral) {
      return declaration.typeAnnotation.members;
    }
  }
  return [];
}

/**
 * A member of an instance of a class this file declares, known by the class's own declaration:
 * `constructor(private readonly service: AppService)` with `class AppService { client = new Redis(); }`
 * in the file makes `this.service.client` a Redis client.
 */
function instanceMemberKind(context: AnalysisContext, object: TSESTree.Node, name: string, depth: number): ObjectKind | undefined {
  if (depth > maxAliasDepth) return undefined;
  const declaration = instanceClass(context, skipTypeWrappers(object));
  const member = declaration && classMembersOf(declaration.body).get(name);
  if (!member) return undefined;
  if (member.annotation) return annotationKind(context, member.annotation);
  const kinds = new Set(member.values.map((value) => objectKindFromSource(context, value, depth + 1)));
  const [only] = kinds;
  return kinds.size === 1 ? only : undefined;
}

/** The class of this file whose instance `node` is, by an annotation naming it or a `new` of it. */
function instanceClass(context: AnalysisContext, node: TSESTree.Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  let annotation: TSESTree.TypeNode | undefined;
  let values: TSESTree.Node[] = [];
  if (node.type === AST_NODE_TYPES.MemberExpression && skipTypeWrappers(node.object).type === AST_NODE_TYPES.ThisExpression) {
    const memberName = staticMemberName(node);
    const member = memberName === undefined ? undefined : findClassMember(node, memberName);
    annotation = member?.annotation;
    values = member?.values ?? [];
  } else if (node.type === AST_NODE_TYPES.Identifier) {
    const definition = ASTUtils.findVariable(context.sourceCode.getScope(node), node)?.defs[0];
    const id = definition?.name;
    annotation = id?.type === AST_NODE_TYPES.Identifier ? id.typeAnnotation?.typeAnnotation : undefined;
    if (definition?.type === 'Variable' && definition.node.init) values = [definition.node.init];
  }
  if (annotation?.type === AST_NODE_TYPES.TSTypeReference && annotation.typeName.type === AST_NODE_TYPES.Identifier) {
    return localClass(context, annotation.typeName);
  }
  const made = values.length === 1 ? skipTypeWrappers(values[0] as TSESTree.Node) : undefined;
  return made?.type === AST_NODE_TYPES.NewExpression && made.callee.type === AST_NODE_TYPES.Identifier ? localClass(context, made.callee) : undefined;
}

function parameterAnnotation(name: TSESTree.BindingName): TSESTree.TypeNode | undefined {
  if (name.type === AST_NODE_TYPES.Identifier) return name.typeAnnotation?.typeAnnotation;
  return undefined;
}

/**
 * `this` inside `class Bus extends EventEmitter` is an emitter; see `classKind` for the rest. A class
 * whose base we cannot see is one when its own methods make it emit named events (`this.emit('ready')`).
 */
function thisKind(context: AnalysisContext, node: TSESTree.ThisExpression, depth: number): ObjectKind | undefined {
  const body = enclosingClassBody(node);
  if (body) return classKind(context, body.parent, depth) ?? emitsEvents(context, node, body);
  const constructor = thisConstructor(context, node);
  return constructor ? functionClassKind(context, constructor, depth) : undefined;
}

/**
 * The kind of an ES5 class's instances, from what the file makes it inherit (see `prototypeBases`):
 * `function Bus() { EventEmitter.call(this); } util.inherits(Bus, EventEmitter);` → `'emitter'`.
 */
function functionClassKind(context: AnalysisContext, constructor: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression, depth: number): ObjectKind | undefined {
  if (depth > maxAliasDepth) return undefined;
  for (const base of prototypeBases(context, constructor)) {
    const kind = superClassKind(context, base, depth + 1);
    if (kind) return kind;
  }
  return undefined;
}

/**
 * The kind of a class's instances: what it extends (an imported class, or one of this file's that
 * does), what the module mixes into it (`util.inherits(Bus, EventEmitter)`,
 * `applyMixin(Redis, EventEmitter)`), or what its own `on(event, fn) { this.emitter.on(event, fn); }`
 * hands its listeners to.
 */
function classKind(context: AnalysisContext, declaration: TSESTree.ClassDeclaration | TSESTree.ClassExpression, depth: number): ObjectKind | undefined {
  if (depth > maxAliasDepth) return undefined;
  const superClass = declaration.superClass;
  const inherited = superClass ? superClassKind(context, superClass, depth + 1) : undefined;
  return inherited ?? mixedInKind(context, declaration, depth + 1) ?? forwardedOnKind(context, declaration.body, depth + 1);
}

/**
 * `new Pool()` of a class another of our files declares (`const Pool = require('./pool')`,
 * `new pool_1.Pool()`): the kind its own file shows, as for a class of this file.
 */
function otherFileClassKind(context: AnalysisContext, node: TSESTree.NewExpression, depth: number): ObjectKind | undefined {
  if (depth > maxAliasDepth) return undefined;
  const owned = constructedClass(context, node, 'inheriting');
  if (!owned || owned.context === context) return undefined;
  return ownClassKind(owned, depth + 1);
}

/** The kind of a class of ours, read in its own file as for a class of this one: what it inherits or mixes in. */
function ownClassKind({ context, node }: OwnClass, depth: number): ObjectKind | undefined {
  return node.type === AST_NODE_TYPES.FunctionDeclaration ? functionClassKind(context, node, depth) : classKind(context, node, depth);
}

/** `util.inherits(Bus, EventEmitter)`, `applyMixin(Redis, events.EventEmitter)` at module level: the kind mixed into the class. */
function mixedInKind(context: AnalysisContext, declaration: TSESTree.ClassDeclaration | TSESTree.ClassExpression, depth: number): ObjectKind | undefined {
  const name = declaration.id?.name;
  if (name === undefined) return undefined;
  for (const statement of context.sourceCode.ast.body) {
    const expression = statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : undefined;
    if (expression?.type !== AST_NODE_TYPES.CallExpression || expression.arguments.length !== 2) continue;
    const [derived, mixin] = expression.arguments;
    if (derived?.type !== AST_NODE_TYPES.Identifier || derived.name !== name || !mixin || mixin.type === AST_NODE_TYPES.SpreadElement) continue;
    const kind = superClassKind(context, mixin, depth);
    if (kind) return kind;
  }
  return undefined;
}

/** A class whose own `on(event, listener)` only hands both to an emitter's `on`. */
function forwardedOnKind(context: AnalysisContext, body: TSESTree.ClassBody, depth: number): ObjectKind | undefined {
  const on = body.body.find(
    (member): member is TSESTree.MethodDefinition =>
      member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'method' && !member.computed && member.key.type === AST_NODE_TYPES.Identifier && member.key.name === forwardedAdd,
  );
  const statements = on?.value.body?.body ?? [];
  const only = statements.length === 1 ? statements[0] : undefined;
  const value = only?.type === AST_NODE_TYPES.ExpressionStatement ? only.expression : only?.type === AST_NODE_TYPES.ReturnStatement ? only.argument : undefined;
  const call = value ? methodCallParts(value) : undefined;
  if (!on || !call || call.method !== forwardedAdd || skipTypeWrappers(call.target).type === AST_NODE_TYPES.ThisExpression) return undefined;
  const parameters = on.value.params.map((parameter) => (parameter.type === AST_NODE_TYPES.Identifier ? parameter.name : undefined));
  const forwarded = (call.member.parent as TSESTree.CallExpression).arguments.map((argument) => (argument.type === AST_NODE_TYPES.Identifier ? argument.name : undefined));
  if (parameters.length < 2 || forwarded[0] !== parameters[0] || forwarded[1] !== parameters[1]) return undefined;
  const kind = objectKindFromSource(context, call.target, depth);
  return kind === 'emitter' ? kind : undefined;
}

function superClassKind(context: AnalysisContext, superClass: TSESTree.Node, depth: number): ObjectKind | undefined {
  const inner = skipTypeWrappers(superClass);
  if (inner.type === AST_NODE_TYPES.Identifier) {
    const imported = importedName(context.sourceCode, inner);
    if (imported) return annotatedTypes[imported.module]?.[imported.name] ?? relativeBaseKind(context, imported.module, imported.name, depth);
    const local = localClass(context, inner);
    if (local) return classKind(context, local, depth + 1);
    const constructor = constructorFunction(context, inner);
    return constructor ? functionClassKind(context, constructor, depth + 1) : undefined;
  }
  if (inner.type === AST_NODE_TYPES.MemberExpression && inner.object.type === AST_NODE_TYPES.Identifier) {
    const imported = importedName(context.sourceCode, inner.object);
    const name = staticMemberName(inner);
    if (imported && name) return annotatedTypes[imported.module]?.[name] ?? (imported.name === '*' ? relativeBaseKind(context, imported.module, name, depth) : undefined);
  }
  return undefined;
}

/** `class Worker extends Base` with `const Base = require('./base')`: the kind of that file's class. */
function relativeBaseKind(context: AnalysisContext, module: string, name: string, depth: number): ObjectKind | undefined {
  if (!module.startsWith('.') || depth > maxAliasDepth) return undefined;
  const owned = importedClass(context, module, name, 'inheriting');
  return owned ? ownClassKind(owned, depth + 1) : undefined;
}

/** `class TaskEmitter extends EventEmitter {}` declared in this file, for `TaskEmitter`. */
function localClass(context: AnalysisContext, name: TSESTree.Identifier): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(name), name);
  const definition = variable?.defs[0];
  if (definition?.type === 'ClassName') return definition.node as TSESTree.ClassDeclaration;
  if (definition?.type === 'Variable' && variable && !isReassigned(variable) && definition.node.init?.type === AST_NODE_TYPES.ClassExpression) return definition.node.init;
  return undefined;
}

/** Kind named by a type annotation: `Redis`, `Redis | undefined`, `EventEmitter`, `NodeJS.EventEmitter`. */
export function annotationKind(context: AnalysisContext, annotation: TSESTree.TypeNode): ObjectKind | undefined {
  switch (annotation.type) {
    case AST_NODE_TYPES.TSUnionType: {
      const kinds = new Set(
        annotation.types
          .filter((part) => part.type !== AST_NODE_TYPES.TSUndefinedKeyword && part.type !== AST_NODE_TYPES.TSNullKeyword)
          .map((part) => annotationKind(context, part)),
      );
      return kinds.size === 1 ? [...kinds][0] : undefined;
    }
    case AST_NODE_TYPES.TSTypeReference: {
      const typeName = annotation.typeName;
      if (typeName.type === AST_NODE_TYPES.Identifier) {
        const imported = importedName(context.sourceCode, typeName);
        if (imported) return annotatedTypes[imported.module]?.[imported.name] ?? customKindOfImport(context, imported.module, imported.name);
        return globalAnnotatedTypes[typeName.name];
      }
      if (typeName.type === AST_NODE_TYPES.TSQualifiedName && typeName.left.type === AST_NODE_TYPES.Identifier) {
        const imported = importedName(context.sourceCode, typeName.left);
        if (imported) return annotatedTypes[imported.module]?.[typeName.right.name];
        // `NodeJS.EventEmitter`: the global namespace's types.
        return globalAnnotatedTypes[typeName.left.name];
      }
      return undefined;
    }
    case AST_NODE_TYPES.TSTypeQuery: {
      // `conn: typeof client`: the type of a value, so the kind of that value (`const client = new Redis()`).
      const name = annotation.exprName;
      return name.type === AST_NODE_TYPES.Identifier ? identifierKind(context, name, 1) : undefined;
    }
    case AST_NODE_TYPES.TSImportType: {
      // `import('node:events').EventEmitter`
      const module = annotation.source.value.replace(/^node:/, '');
      const name = annotation.qualifier?.type === AST_NODE_TYPES.Identifier ? annotation.qualifier.name : 'default';
      return annotatedTypes[module]?.[name];
    }
    default:
      return undefined;
  }
}
