import type { ParserServicesWithTypeInformation, TSESLint, TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';

import { AST_NODE_TYPES, ASTUtils } from './estree';
import { isFunctionNode, methodCallParts, outermostWrapper, skipTypeWrappers, staticMemberName, staticString, walk } from './ast';
import { classMembersOf } from './classMembers';
import { eventEmitter } from './families/eventEmitter';
import { signalApi } from './families/abortSignal';
import { protocols } from './families/language';
import type { Family } from './families/family';
import type { AnalysisContext } from './fileCache';
import { trackedCalls } from './imports';
import { jsdocTypes } from './jsdoc';
import { importedTypeDeclaration } from './importedType';
import { resolveCallee } from './resolveCallee';
import { optionsArgument } from './signalArguments';
import { annotationNames, isAbortSignalType, isNamedType } from './signalTypes';
import { isUntypedType, typeServices } from './typeServices';

/**
 * How sure the code makes us that a value is an AbortSignal. `strong`: a type, a provenance or a
 * use says so; `weak`: only its name (`signal`, `{ signal }`, `options.signal`) does. A value
 * with counter-evidence (`signal = 'SIGTERM'`, `process.kill(pid, signal)`) has no evidence at all.
 * Rules may fix on strong evidence, suggest on weak, and rest nothing on none.
 */
export type SignalEvidence = 'strong' | 'weak';

/** One fact about a value: it is an AbortSignal, or it is not (counter-evidence), or nothing. */
type Verdict = 'strong' | 'counter' | undefined;

/** What a binding's facts add up to; counter-evidence wins over everything. */
type Judgement = SignalEvidence | 'counter' | undefined;

function judge(verdicts: readonly Verdict[], hinted: boolean): Judgement {
  if (verdicts.includes('counter')) return 'counter';
  if (verdicts.includes('strong')) return 'strong';
  return hinted ? 'weak' : undefined;
}

const asEvidence = (judgement: Judgement): SignalEvidence | undefined => (judgement === 'counter' ? undefined : judgement);

const bindingJudgements = new WeakMap<TSESLint.Scope.Variable, Judgement | null>();
const propertyJudgements = new WeakMap<TSESLint.Scope.Variable, Judgement | null>();
const classJudgements = new WeakMap<TSESTree.ClassBody, Judgement | null>();
/** Bindings being judged: a function that passes its signal to itself must not loop. */
const judging = new Set<TSESLint.Scope.Variable>();

/**
 * Whether a variable holds an AbortSignal, on the evidence of its declaration and its uses:
 * `function stop(child, signal = 'SIGTERM') { child.kill(signal) }` → none;
 * `function poll(signal) { if (signal.aborted) return; … }` → strong; `function f(signal) {}` → weak.
 */
export function bindingSignalEvidence(context: AnalysisContext, variable: TSESLint.Scope.Variable): SignalEvidence | undefined {
  return asEvidence(bindingJudgement(context, variable));
}

function bindingJudgement(context: AnalysisContext, variable: TSESLint.Scope.Variable): Judgement {
  const cached = bindingJudgements.get(variable);
  if (cached !== undefined) return cached ?? undefined;
  if (judging.has(variable)) return undefined;
  judging.add(variable);
  try {
    const judgement = judgeBinding(context, variable);
    bindingJudgements.set(variable, judgement ?? null);
    return judgement;
  } finally {
    judging.delete(variable);
  }
}

function judgeBinding(context: AnalysisContext, variable: TSESLint.Scope.Variable): Judgement {
  const definition = variable.defs[0];
  if (!definition || (definition.type !== 'Parameter' && definition.type !== 'Variable')) return undefined;
  const identifier = definition.name;
  if (identifier.type !== AST_NODE_TYPES.Identifier) return undefined;
  const hinted = variable.name === signalApi.property || destructuredFrom(identifier) === signalApi.property;
  const verdicts = declaredVerdicts(context, definition, identifier, hinted);
  for (const reference of variable.references) {
    if (reference.init) continue;
    if (reference.isWrite()) verdicts.push(reference.writeExpr ? valueVerdict(context, reference.writeExpr) : undefined);
    else verdicts.push(useVerdict(context, reference.identifier, hinted));
    if (verdicts.at(-1) === 'counter') return 'counter';
  }
  return judge(verdicts, hinted);
}

/**
 * Whether `variable.signal` is an AbortSignal: a controller's, or the `signal` of an options
 * object typed to carry one, handed to an API that takes `{ signal }`, or whose `.signal` is used
 * as one: `function get(url, options) { log(options.signal); return fetch(url, options) }` → strong
 * for `options.signal`. Reading `options.signal` with no evidence either way is weak.
 */
export function propertySignalEvidence(context: AnalysisContext, variable: TSESLint.Scope.Variable): SignalEvidence | undefined {
  const cached = propertyJudgements.get(variable);
  if (cached !== undefined) return asEvidence(cached ?? undefined);
  const judgement = judgeProperty(context, variable);
  propertyJudgements.set(variable, judgement ?? null);
  return asEvidence(judgement);
}

function judgeProperty(context: AnalysisContext, variable: TSESLint.Scope.Variable): Judgement {
  const definition = variable.defs[0];
  if (!definition || (definition.type !== 'Parameter' && definition.type !== 'Variable')) return undefined;
  const identifier = definition.name;
  if (identifier.type !== AST_NODE_TYPES.Identifier) return undefined;
  const verdicts: Verdict[] = [];
  const annotation = identifier.typeAnnotation?.typeAnnotation;
  if (annotation) {
    const carrier = annotationNames(annotation, signalApi.controller) || isFetchRequestType(context, annotation);
    verdicts.push(carrier ? 'strong' : signalMemberVerdict(context, annotation));
  }
  const initial = initialValue(definition, identifier);
  if (initial && mayBeNewAbortController(initial)) verdicts.push('strong');
  const jsdoc = jsdocTypes(context.sourceCode, definition.node);
  for (const { name, type } of jsdoc?.params ?? []) {
    if (name === `${variable.name}.${signalApi.property}`) verdicts.push(typeTextVerdict(type));
    if (name === variable.name) verdicts.push(type.includes(signalApi.controller) ? 'strong' : signalMemberTextVerdict(type));
  }
  const services = typeServices(context);
  if (services && annotation?.type === AST_NODE_TYPES.TSTypeReference) verdicts.push(signalPropertyTypeVerdict(services, identifier));
  let readsSignal = false;
  let handed = false;
  for (const reference of variable.references) {
    if (reference.init || reference.isWrite()) continue;
    const use = reference.identifier;
    const parent = use.parent;
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === use && staticMemberName(parent) === signalApi.property && !parent.computed) {
      readsSignal = true;
      verdicts.push(useVerdict(context, parent, true));
    } else {
      handed ||= handedAsSignalOptions(context, use);
    }
  }
  // Handed to fetch, the options' `signal` is one, if the code reads one from them at all.
  if (handed && readsSignal) verdicts.push('strong');
  return judge(verdicts, readsSignal);
}

/**
 * Whether a class's `this.signal` is an AbortSignal, by its declared type, the values assigned to
 * it and its uses in the class: `constructor(opts) { this.signal = opts.signal ?? AbortSignal.timeout(1e3) }` → strong.
 */
export function classSignalEvidence(context: AnalysisContext, body: TSESTree.ClassBody): SignalEvidence | undefined {
  const cached = classJudgements.get(body);
  if (cached !== undefined) return asEvidence(cached ?? undefined);
  const member = classMembersOf(body).get(signalApi.property);
  let judgement: Judgement;
  if (member) {
    const verdicts: Verdict[] = [member.annotation ? annotationVerdict(member.annotation) : undefined];
    verdicts.push(...member.values.map((value) => valueVerdict(context, value)));
    walk(body, (node) => {
      if (node.type === AST_NODE_TYPES.ClassBody && node !== body) return false;
      const isThisSignal =
        node.type === AST_NODE_TYPES.MemberExpression &&
        node.object.type === AST_NODE_TYPES.ThisExpression &&
        !node.computed &&
        staticMemberName(node) === signalApi.property;
      if (isThisSignal) verdicts.push(useVerdict(context, node, true));
      return true;
    });
    judgement = judge(verdicts, true);
  }
  classJudgements.set(body, judgement ?? null);
  return asEvidence(judgement);
}

const chainsByClass = new WeakMap<TSESTree.ClassBody, string[]>();

/**
 * The member chains below `this` ending in `.signal` that a class's own code uses as AbortSignals
 * (read `.aborted`, listened to for `'abort'`, handed where an API or a function of ours takes a
 * signal) or, with types, that are typed `AbortSignal`, in the order they first appear; a chain
 * also used as a string (`kill(this.opts.signal)`) or typed as one is none. `this.signal` itself is `classSignalEvidence`'s. Computed once per class.
 *
 * `class W { a() { watch(p, this.fsw.lifecycle.abortController.signal) } }` → `['this.fsw.lifecycle.abortController.signal']`.
 */
export function classSignalChains(context: AnalysisContext, body: TSESTree.ClassBody): readonly string[] {
  const cached = chainsByClass.get(body);
  if (cached) return cached;
  const verdicts = new Map<string, Verdict[]>();
  const first = new Map<string, number>();
  const services = typeServices(context);
  walk(body, (node) => {
    // Nested classes, static members and functions of their own have another `this`.
    if (node.type === AST_NODE_TYPES.ClassBody && node !== body) return false;
    if ((node.type === AST_NODE_TYPES.MethodDefinition || node.type === AST_NODE_TYPES.PropertyDefinition) && node.static) return false;
    const ownThis =
      (node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.FunctionDeclaration) &&
      node.parent?.type !== AST_NODE_TYPES.MethodDefinition;
    if (ownThis) return false;
    const text = node.type === AST_NODE_TYPES.MemberExpression ? thisSignalChain(node) : undefined;
    if (text === undefined) return true;
    const list = verdicts.get(text) ?? [];
    list.push(useVerdict(context, node, true));
    if (services) list.push(typeVerdict(services, node));
    verdicts.set(text, list);
    first.set(text, Math.min(first.get(text) ?? node.range[0], node.range[0]));
    return false;
  });
  // `walk` visits in no particular order: the chains in source order of their first use.
  const strong = [...verdicts].filter(([, list]) => judge(list, false) === 'strong').map(([text]) => text);
  // A chain part of which the class's own code tests for presence may be missing: `this.a.b.signal` would throw.
  const tested = strong.length > 0 ? presenceTestedChains(body) : new Set<string>();
  const chains = strong
    .filter((text) => ![...prefixesOf(text), text].some((prefix) => tested.has(prefix)))
    .sort((a, b) => (first.get(a) ?? 0) - (first.get(b) ?? 0));
  chainsByClass.set(body, chains);
  return chains;
}

/** `this.a.b.signal` (two members or more, none computed or optional) → its text. */
function thisSignalChain(node: TSESTree.MemberExpression): string | undefined {
  if (node.computed || node.optional || staticMemberName(node) !== signalApi.property) return undefined;
  const text = thisChain(node.object);
  return text === undefined || text === 'this' ? undefined : `${text}.${signalApi.property}`;
}

/** `this`, `this.a`, `this.#a.b` (no computed or optional member) → its text. */
function thisChain(node: TSESTree.Node): string | undefined {
  const names: string[] = [];
  let object: TSESTree.Node = node;
  while (object.type === AST_NODE_TYPES.MemberExpression) {
    if (object.computed || object.optional) return undefined;
    const name = object.property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${object.property.name}` : staticMemberName(object);
    if (name === undefined) return undefined;
    names.unshift(name);
    object = object.object;
  }
  return object.type === AST_NODE_TYPES.ThisExpression ? ['this', ...names].join('.') : undefined;
}

/** `this.a.b.signal` → `['this.a', 'this.a.b']`. */
function prefixesOf(chain: string): string[] {
  const parts = chain.split('.');
  return parts.slice(2).map((_, index) => parts.slice(0, index + 2).join('.'));
}

/**
 * The member chains below `this` that a class's code tests for presence, so may be missing:
 * `if (this.opts.controller)`, `this.opts.controller && …`, `!this.opts.controller`,
 * `this.opts.controller ? … : …`, `this.opts.controller?.signal`.
 *
 * `if (this.options.abortController) this.options.abortController.abort()` → `{ 'this.options.abortController' }`.
 */
export function presenceTestedChains(body: TSESTree.ClassBody): Set<string> {
  const tested = new Set<string>();
  walk(body, (node) => {
    if (node.type !== AST_NODE_TYPES.MemberExpression) return true;
    const parent = node.parent;
    const isTest =
      (parent.type === AST_NODE_TYPES.IfStatement && parent.test === node) ||
      (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test === node) ||
      (parent.type === AST_NODE_TYPES.LogicalExpression && parent.left === node) ||
      (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === '!') ||
      (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node && parent.optional);
    const text = isTest ? thisChain(node) : undefined;
    if (text !== undefined) tested.add(text);
    return true;
  });
  return tested;
}

/** A value known for sure to be a fresh controller: `new AbortController()`. */
export function isNewAbortController(node: TSESTree.Node): boolean {
  const inner = skipTypeWrappers(node);
  return (
    inner.type === AST_NODE_TYPES.NewExpression &&
    inner.callee.type === AST_NODE_TYPES.Identifier &&
    inner.callee.name === signalApi.controller
  );
}

/**
 * A value that is a fresh controller on some branch, the others being the code's own controllers:
 * `scoped ?? new AbortController()`, `reuse ? prev : new AbortController()`.
 */
function mayBeNewAbortController(node: TSESTree.Node): boolean {
  const inner = skipTypeWrappers(node);
  if (inner.type === AST_NODE_TYPES.LogicalExpression && inner.operator !== '&&') {
    return mayBeNewAbortController(inner.left) || mayBeNewAbortController(inner.right);
  }
  if (inner.type === AST_NODE_TYPES.ConditionalExpression) return mayBeNewAbortController(inner.consequent) || mayBeNewAbortController(inner.alternate);
  return isNewAbortController(inner);
}

/**
 * A type annotation naming the platform's fetch `Request` (not a `Request` the file declares or
 * imports), whose `.signal` is an AbortSignal: `req: Request`, `globalThis.Request`.
 */
export function isFetchRequestType(context: AnalysisContext, annotation: TSESTree.TypeNode): boolean {
  if (annotation.type !== AST_NODE_TYPES.TSTypeReference || annotation.typeArguments) return false;
  const name = annotation.typeName;
  if (name.type === AST_NODE_TYPES.TSQualifiedName) {
    return name.left.type === AST_NODE_TYPES.Identifier && protocols.globalObjects.includes(name.left.name) && name.right.name === signalApi.request;
  }
  if (name.type !== AST_NODE_TYPES.Identifier || name.name !== signalApi.request) return false;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(annotation), name);
  return !variable || variable.defs.length === 0;
}

/**
 * The member of an options parameter's declared type that is a fetch `Request`, whose `.signal`
 * the function has in scope: `opts: { request: Request; res: Res }` → `'request'`. An optional
 * member is none (its `.signal` may not be there to read).
 */
export function requestMemberOf(context: AnalysisContext, variable: TSESLint.Scope.Variable): string | undefined {
  const definition = variable.defs[0];
  if (definition?.type !== 'Parameter' || definition.name.type !== AST_NODE_TYPES.Identifier) return undefined;
  const annotation = definition.name.typeAnnotation?.typeAnnotation;
  const members = annotation && typeMembers(context, annotation, 0);
  const member = members?.find(
    (element): element is TSESTree.TSPropertySignature =>
      element.type === AST_NODE_TYPES.TSPropertySignature &&
      !element.optional &&
      !element.computed &&
      element.key.type === AST_NODE_TYPES.Identifier &&
      element.typeAnnotation !== undefined &&
      isFetchRequestType(context, element.typeAnnotation.typeAnnotation),
  );
  return member?.key.type === AST_NODE_TYPES.Identifier ? member.key.name : undefined;
}

/**
 * Whether an options type declares a `signal` that is an AbortSignal: `{ signal?: AbortSignal }`,
 * an interface of this file or one a relative import names.
 */
export function optionsTypeTakesSignal(context: AnalysisContext, annotation: TSESTree.TypeNode): boolean {
  return signalMemberVerdict(context, annotation) === 'strong';
}

/** The key a binding is destructured from: `{ signal }` and `{ signal: s = x }` → `'signal'`. */
export function destructuredFrom(identifier: TSESTree.Identifier): string | undefined {
  const parent = identifier.parent;
  const property = parent.type === AST_NODE_TYPES.AssignmentPattern && parent.left === identifier ? parent.parent : parent;
  if (property.type !== AST_NODE_TYPES.Property || property.parent.type !== AST_NODE_TYPES.ObjectPattern || property.computed) return undefined;
  return property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : undefined;
}

// ---- Declarations -------------------------------------------------------------------------

function declaredVerdicts(
  context: AnalysisContext,
  definition: TSESLint.Scope.Definition,
  identifier: TSESTree.Identifier,
  hinted: boolean,
): Verdict[] {
  const verdicts: Verdict[] = [];
  const annotation = identifier.typeAnnotation?.typeAnnotation;
  if (annotation) verdicts.push(annotationVerdict(annotation));
  const initial = initialValue(definition, identifier);
  if (initial) verdicts.push(valueVerdict(context, initial));
  const key = destructuredFrom(identifier);
  if (key === signalApi.property) verdicts.push(destructuredVerdict(context, definition, identifier));
  if (definition.type === 'Variable') verdicts.push(iteratedVerdict(definition.node));
  if (definition.type === 'Parameter') verdicts.push(listenerParameterVerdict(definition.node));
  verdicts.push(jsdocVerdict(context, definition, identifier, key));
  const services = typeServices(context);
  if (services && (hinted || annotation?.type === AST_NODE_TYPES.TSTypeReference)) verdicts.push(typeVerdict(services, identifier));
  return verdicts;
}

/** `signal = 'SIGTERM'` (a default), `const s = AbortSignal.timeout(ms)` (an initialiser). */
function initialValue(definition: TSESLint.Scope.Definition, identifier: TSESTree.Identifier): TSESTree.Node | undefined {
  if (identifier.parent.type === AST_NODE_TYPES.AssignmentPattern && identifier.parent.left === identifier) return identifier.parent.right;
  if (definition.type === 'Variable' && definition.node.id === identifier) return definition.node.init ?? undefined;
  return undefined;
}

/** `const { signal } = controller` / `= options`; `function f({ signal }: { signal: AbortSignal })`. */
function destructuredVerdict(context: AnalysisContext, definition: TSESLint.Scope.Definition, identifier: TSESTree.Identifier): Verdict {
  let pattern: TSESTree.Node = identifier.parent;
  while (pattern.type !== AST_NODE_TYPES.ObjectPattern) pattern = pattern.parent as TSESTree.Node;
  const annotation = pattern.typeAnnotation?.typeAnnotation;
  if (annotation) return signalMemberVerdict(context, annotation);
  if (definition.type !== 'Variable' || definition.node.id !== pattern || !definition.node.init) return undefined;
  const source = skipTypeWrappers(definition.node.init);
  if (isNewAbortController(source)) return 'strong';
  if (source.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(source), source);
  return variable && propertySignalEvidence(context, variable) === 'strong' ? 'strong' : undefined;
}

/** `for (const signal of ['SIGINT', 'SIGTERM'])`: each one a string. */
function iteratedVerdict(declarator: TSESTree.VariableDeclarator): Verdict {
  const loop = declarator.parent.parent;
  if (loop?.type !== AST_NODE_TYPES.ForOfStatement || loop.left !== declarator.parent) return undefined;
  const source = skipTypeWrappers(loop.right);
  return source.type === AST_NODE_TYPES.ArrayExpression && source.elements.some((element) => element && isPrimitiveLiteral(element))
    ? 'counter'
    : undefined;
}

/** A parameter of a listener for an event whose arguments are strings (a POSIX signal's name). */
function listenerParameterVerdict(fn: TSESTree.Node): Verdict {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[1] !== fn) return undefined;
  const method = methodCallParts(call)?.method;
  const event = staticString(call.arguments[0]);
  return method && eventNameMethods.has(method) && event && posixSignals.namingEvents.test(event) ? 'counter' : undefined;
}

/** `/** @param {AbortSignal} signal *\/`, `@param {AbortSignal} [options.signal]` for `{ signal }`, `/** @type {AbortSignal} *\/`. */
function jsdocVerdict(
  context: AnalysisContext,
  definition: TSESLint.Scope.Definition,
  identifier: TSESTree.Identifier,
  key: string | undefined,
): Verdict {
  const jsdoc = jsdocTypes(context.sourceCode, definition.node);
  if (!jsdoc) return undefined;
  if (definition.type === 'Variable') return definition.node.id === identifier && jsdoc.type ? typeTextVerdict(jsdoc.type) : undefined;
  const verdicts = jsdoc.params.map(({ name, type }) => {
    if (name === identifier.name && !key) return typeTextVerdict(type);
    return key && name.endsWith(`.${key}`) ? typeTextVerdict(type) : undefined;
  });
  return verdicts.find((verdict) => verdict !== undefined);
}

/** A type annotation on the value itself: `AbortSignal` or `AbortSignal | undefined` → strong, `NodeJS.Signals` → counter. */
function annotationVerdict(annotation: TSESTree.TypeNode): Verdict {
  if (annotation.type === AST_NODE_TYPES.TSAnyKeyword || annotation.type === AST_NODE_TYPES.TSUnknownKeyword) return undefined;
  return annotationNames(annotation, signalApi.type) ? 'strong' : 'counter';
}

/**
 * What an options type says of its `signal` member: `{ signal?: AbortSignal }` → strong,
 * `{ signal: NodeJS.Signals }` → counter. A type written in the same file is looked up.
 */
function signalMemberVerdict(context: AnalysisContext, annotation: TSESTree.TypeNode): Verdict {
  const members = typeMembers(context, annotation);
  const member = members?.find(
    (element): element is TSESTree.TSPropertySignature =>
      element.type === AST_NODE_TYPES.TSPropertySignature && element.key.type === AST_NODE_TYPES.Identifier && element.key.name === signalApi.property,
  );
  const type = member?.typeAnnotation?.typeAnnotation;
  return type ? annotationVerdict(type) : undefined;
}

/**
 * The members an options type declares: a literal, an intersection of them, an interface or type
 * alias of this file, or one a relative import names (read in that file, one import deep):
 * `opts: CallOptions<unknown> & { router: Router }` with `import type { CallOptions } from './options'`.
 */
function typeMembers(context: AnalysisContext, annotation: TSESTree.TypeNode, imports = 1): TSESTree.TypeElement[] | undefined {
  if (annotation.type === AST_NODE_TYPES.TSTypeLiteral) return annotation.members;
  if (annotation.type === AST_NODE_TYPES.TSIntersectionType) {
    const parts = annotation.types.map((part) => typeMembers(context, part, imports));
    return parts.some((part) => part !== undefined) ? parts.flatMap((part) => part ?? []) : undefined;
  }
  if (annotation.type !== AST_NODE_TYPES.TSTypeReference || annotation.typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(annotation), annotation.typeName);
  const definition = variable?.defs[0];
  const declaration = definition?.node;
  if (declaration?.type === AST_NODE_TYPES.TSInterfaceDeclaration) return declaration.body.body;
  if (declaration?.type === AST_NODE_TYPES.TSTypeAliasDeclaration) return typeMembers(context, declaration.typeAnnotation, imports);
  if (definition?.type !== 'ImportBinding' || imports === 0) return undefined;
  const imported = importedTypeDeclaration(context, annotation.typeName);
  if (imported?.declaration.type === AST_NODE_TYPES.TSInterfaceDeclaration) return imported.declaration.body.body;
  return imported && typeMembers(imported.context, imported.declaration.typeAnnotation, imports - 1);
}

const signalTypeText = new RegExp(`\\b${signalApi.type}\\b`);
const signalMemberText = new RegExp(`\\b${signalApi.property}\\??\\s*:\\s*([^,;}]+)`);

/** A JSDoc type: `AbortSignal`, `?AbortSignal`, `AbortSignal=` → strong; `*`, `any` → nothing; anything else → counter. */
function typeTextVerdict(type: string): Verdict {
  if (/^\s*(\*|\?|any|unknown)?\s*$/.test(type)) return undefined;
  return signalTypeText.test(type) && !type.includes('{') ? 'strong' : 'counter';
}


/** `{{ signal: AbortSignal }}` → strong; `{Object}` → nothing. */
function signalMemberTextVerdict(type: string): Verdict {
  const member = signalMemberText.exec(type)?.[1];
  return member === undefined ? undefined : typeTextVerdict(member);
}

/** With types: an `AbortSignal` → strong; `any`/`unknown` → nothing; anything else → counter. */
function typeVerdict(services: ParserServicesWithTypeInformation, node: TSESTree.Node): Verdict {
  const checker = services.program.getTypeChecker();
  return checkerTypeVerdict(checker.getNonNullableType(services.getTypeAtLocation(node)));
}

function checkerTypeVerdict(type: ts.Type): Verdict {
  if (isUntypedType(type)) return undefined;
  return isAbortSignalType(type) ? 'strong' : 'counter';
}

/** With types, of an options variable: an `AbortController`, or a `signal` property typed `AbortSignal`. */
function signalPropertyTypeVerdict(services: ParserServicesWithTypeInformation, node: TSESTree.Node): Verdict {
  const checker = services.program.getTypeChecker();
  const type = checker.getNonNullableType(services.getTypeAtLocation(node));
  if (isUntypedType(type)) return undefined;
  if (isNamedType(type, signalApi.controller)) return 'strong';
  const property = checker.getPropertyOfType(type, signalApi.property);
  return property ? checkerTypeVerdict(checker.getNonNullableType(checker.getTypeOfSymbol(property))) : undefined;
}

// ---- Values ---------------------------------------------------------------------------------

/**
 * Whether an expression's value is an AbortSignal: its type (`AbortSignal`, or a type with the
 * signal's own members, as any-signal's `ClearableSignal`), else its provenance
 * (`AbortSignal.any([…])`), else the uses of the variable it initialises
 * (`const s = anySignal([…]); fetch(url, { signal: s })`).
 */
export function valueSignalEvidence(context: AnalysisContext, node: TSESTree.Node): SignalEvidence | undefined {
  const services = typeServices(context);
  const type = services?.getTypeAtLocation(node);
  if (type && !isUntypedType(type)) {
    return isAbortSignalType(type) || signalApi.ownMembers.every((member) => type.getProperty(member)) ? 'strong' : undefined;
  }
  if (valueVerdict(context, node) === 'strong') return 'strong';
  const value = outermostWrapper(node);
  const declarator = value.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== value) return undefined;
  const [variable] = context.sourceCode.getDeclaredVariables(declarator);
  return variable && bindingSignalEvidence(context, variable);
}

/**
 * What a value assigned to the binding says: `'SIGTERM'` → counter, `AbortSignal.timeout(ms)`,
 * `controller.signal`, `options.signal ?? AbortSignal.timeout(ms)` → strong.
 */
function valueVerdict(context: AnalysisContext, node: TSESTree.Node): Verdict {
  const value = skipTypeWrappers(node);
  if (isPrimitiveLiteral(value)) return 'counter';
  switch (value.type) {
    case AST_NODE_TYPES.LogicalExpression:
      return combine([valueVerdict(context, value.left), valueVerdict(context, value.right)]);
    case AST_NODE_TYPES.ConditionalExpression:
      return combine([valueVerdict(context, value.consequent), valueVerdict(context, value.alternate)]);
    case AST_NODE_TYPES.NewExpression:
      return isNewAbortController(value) ? 'counter' : undefined;
    case AST_NODE_TYPES.CallExpression: {
      const callee = skipTypeWrappers(value.callee);
      const isSignalFactory =
        callee.type === AST_NODE_TYPES.MemberExpression &&
        callee.object.type === AST_NODE_TYPES.Identifier &&
        callee.object.name === signalApi.type &&
        signalApi.factories.includes(staticMemberName(callee) ?? '');
      return isSignalFactory ? 'strong' : undefined;
    }
    case AST_NODE_TYPES.Identifier: {
      const variable = ASTUtils.findVariable(context.sourceCode.getScope(value), value);
      const judgement = variable && bindingJudgement(context, variable);
      return judgement === 'strong' || judgement === 'counter' ? judgement : undefined;
    }
    case AST_NODE_TYPES.MemberExpression: {
      if (value.computed || staticMemberName(value) !== signalApi.property) return undefined;
      const object = skipTypeWrappers(value.object);
      if (isNewAbortController(object)) return 'strong';
      if (object.type === AST_NODE_TYPES.Identifier) {
        const variable = ASTUtils.findVariable(context.sourceCode.getScope(object), object);
        return variable && propertySignalEvidence(context, variable) === 'strong' ? 'strong' : undefined;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

function combine(verdicts: readonly Verdict[]): Verdict {
  const judgement = judge(verdicts, false);
  return judgement === 'weak' ? undefined : judgement;
}

/** A string, number or template: what a POSIX signal name or number is written as. */
function isPrimitiveLiteral(node: TSESTree.Node): boolean {
  return (
    (node.type === AST_NODE_TYPES.Literal && (typeof node.value === 'string' || typeof node.value === 'number')) ||
    node.type === AST_NODE_TYPES.TemplateLiteral
  );
}

// ---- Uses -----------------------------------------------------------------------------------

/** Methods whose first argument is an event name: a value passed there is a string. */
const eventNameMethods: ReadonlySet<string> = new Set(eventEmitter.eventNameMethods);
const posixSignals: NonNullable<Family['posixSignals']> = eventEmitter.posixSignals;
const ownMembers: ReadonlySet<string> = new Set(signalApi.ownMembers);
const sharedMembers: ReadonlySet<string> = new Set(signalApi.sharedMembers);

/**
 * What one use of the value says. Strong: `.throwIfAborted()`, `.onabort`, `.addEventListener('abort', …)`,
 * handed as `signal` to an API that takes one, composed by `AbortSignal.any`; for a value named
 * like a signal also `.aborted` and `.reason`. Counter: compared with or added to a string, used as
 * a key or an event name, passed to `kill`, listed among strings.
 */
function useVerdict(context: AnalysisContext, occurrence: TSESTree.Node, hinted: boolean): Verdict {
  const node = outermostWrapper(occurrence);
  const parent = node.parent;
  if (!parent) return undefined;
  switch (parent.type) {
    case AST_NODE_TYPES.MemberExpression:
      if (parent.object !== node) return 'counter';
      return memberUseVerdict(parent, hinted);
    case AST_NODE_TYPES.BinaryExpression:
      if (parent.operator === '+' || parent.operator === 'in') return 'counter';
      if (['==', '===', '!=', '!=='].includes(parent.operator)) {
        const other = parent.left === node ? parent.right : parent.left;
        return isPrimitiveLiteral(other) ? 'counter' : undefined;
      }
      return undefined;
    case AST_NODE_TYPES.TemplateLiteral:
      return 'counter';
    case AST_NODE_TYPES.LogicalExpression: {
      const other = parent.left === node ? parent.right : parent.left;
      return isPrimitiveLiteral(skipTypeWrappers(other)) ? 'counter' : undefined;
    }
    case AST_NODE_TYPES.SwitchStatement:
      return parent.cases.some((switchCase) => switchCase.test && isPrimitiveLiteral(switchCase.test)) ? 'counter' : undefined;
    case AST_NODE_TYPES.ArrayExpression:
      return arrayUseVerdict(parent);
    case AST_NODE_TYPES.Property:
      return parent.value === node ? propertyUseVerdict(context, parent, node, hinted) : undefined;
    case AST_NODE_TYPES.CallExpression:
      return parent.callee === node ? undefined : argumentUseVerdict(context, parent, node, hinted);
    default:
      return undefined;
  }
}

function memberUseVerdict(member: TSESTree.MemberExpression, hinted: boolean): Verdict {
  const name = staticMemberName(member);
  if (name === undefined) return undefined;
  if (ownMembers.has(name)) return 'strong';
  if (sharedMembers.has(name)) return hinted ? 'strong' : undefined;
  if (name === signalApi.addListener || name === signalApi.removeListener) {
    const call = member.parent;
    return call.type === AST_NODE_TYPES.CallExpression && call.callee === member && staticString(call.arguments[0]) === signalApi.event
      ? 'strong'
      : undefined;
  }
  return undefined;
}

/** `AbortSignal.any([signal, …])` → strong; `['-s', signal, pid]` → counter. */
function arrayUseVerdict(array: TSESTree.ArrayExpression): Verdict {
  const call = array.parent;
  if (call.type === AST_NODE_TYPES.CallExpression && call.arguments[0] === array) {
    const callee = skipTypeWrappers(call.callee);
    if (
      callee.type === AST_NODE_TYPES.MemberExpression &&
      callee.object.type === AST_NODE_TYPES.Identifier &&
      callee.object.name === signalApi.type &&
      staticMemberName(callee) === signalApi.compose
    ) {
      return 'strong';
    }
  }
  return array.elements.some((element) => element && isPrimitiveLiteral(element)) ? 'counter' : undefined;
}

/** `fetch(url, { signal })` → strong; `{ killSignal: signal }` → counter. */
function propertyUseVerdict(context: AnalysisContext, property: TSESTree.Property, value: TSESTree.Node, hinted: boolean): Verdict {
  const key = property.computed ? undefined : property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : staticString(property.key);
  if (key !== undefined && posixSignals.options.includes(key)) return 'counter';
  if (key !== signalApi.property || property.parent.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  if (handedAsSignalOptions(context, property.parent)) return 'strong';
  const services = typeServices(context);
  return services && hinted ? contextualVerdict(services, value) : undefined;
}

/** `process.kill(pid, signal)`, `child.kill(signal)`, `process.on(signal, …)` → counter; `fetch(url, signal)`-like typed parameters → strong. */
function argumentUseVerdict(context: AnalysisContext, call: TSESTree.CallExpression, argument: TSESTree.Node, hinted: boolean): Verdict {
  const index = call.arguments.indexOf(argument as TSESTree.CallExpressionArgument);
  const callee = skipTypeWrappers(call.callee);
  const name =
    callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? staticMemberName(callee) : undefined;
  if (name !== undefined && posixSignals.senders.includes(name)) return 'counter';
  if (index === 0 && name !== undefined && eventNameMethods.has(name)) {
    // `events.once(signal, 'abort')` waits for its abort; `process.on(signal, handler)` takes an event name.
    const eventName = staticString(call.arguments[1]);
    if (eventName !== undefined) return eventName === signalApi.event ? 'strong' : undefined;
    return callee.type === AST_NODE_TYPES.MemberExpression ? 'counter' : undefined;
  }
  if (name !== undefined && signalApi.listenerFunctions.includes(name) && index === 0) return 'strong';
  if (!hinted) return undefined;
  const services = typeServices(context);
  if (services) {
    const verdict = contextualVerdict(services, argument);
    if (verdict) return verdict;
  }
  // A function of our own that takes it in that position, judged by its own body.
  const resolved = resolveCallee(context, call);
  const parameter = resolved?.fn.params[index];
  const binding = parameter?.type === AST_NODE_TYPES.AssignmentPattern ? parameter.left : parameter;
  if (!resolved || binding?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = resolved.context.sourceCode.getDeclaredVariables(resolved.fn).find((candidate) => candidate.defs[0]?.name === binding);
  const judgement = variable && bindingJudgement(resolved.context, variable);
  return judgement === 'strong' || judgement === 'counter' ? judgement : undefined;
}

/** With types: the type the code around expects there (`fetch(url, { signal })` expects an `AbortSignal`). */
function contextualVerdict(services: ParserServicesWithTypeInformation, node: TSESTree.Node): Verdict {
  const checker = services.program.getTypeChecker();
  const expected = checker.getContextualType(services.esTreeNodeToTSNodeMap.get(node) as ts.Expression);
  if (!expected) return undefined;
  const type = checker.getNonNullableType(expected);
  if (isAbortSignalType(type)) return 'strong';
  // Only a place for a string or a number rules it out: a type parameter or `object` may hold a signal.
  return isStringOrNumber(type) ? 'counter' : undefined;
}

/** `string`, `number`, their literals and unions of them (`NodeJS.Signals`), read without `ts.TypeFlags`, whose values change between versions. */
function isStringOrNumber(type: ts.Type): boolean {
  if (type.isUnion()) return type.types.every(isStringOrNumber);
  const intrinsic = (type as { intrinsicName?: string }).intrinsicName;
  return type.isStringLiteral() || type.isNumberLiteral() || intrinsic === 'string' || intrinsic === 'number';
}

/**
 * Whether an object is handed over where a known API takes its `{ signal }` options: `fetch(url, options)`,
 * `setTimeout(ms, v, { signal })` from timers/promises, `target.addEventListener(type, fn, { signal })`.
 */
function handedAsSignalOptions(context: AnalysisContext, object: TSESTree.Node): boolean {
  let node = object;
  // `{ ...options }` hands over what `options` carries.
  if (node.parent?.type === AST_NODE_TYPES.SpreadElement && node.parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
    node = node.parent.parent;
  }
  const call = node.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee === node) return false;
  const takesSignal = trackedCalls(context).get(call)?.takesSignal;
  if (takesSignal && optionsArgument(call, takesSignal.options) === node) return true;
  const method = methodCallParts(call);
  return method?.method === signalApi.addListener && call.arguments[2] === node && !isFunctionNode(node);
}
