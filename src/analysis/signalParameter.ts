import type { TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';

import { AST_NODE_TYPES, ASTUtils } from './estree';
import type { FunctionNode } from './ast';
import { enclosingFunction, findObjectProperty, isFunctionNode, isReassigned, methodCallParts, skipTypeWrappers, stableReferenceText, staticString } from './ast';
import { signalApi } from './families/abortSignal';
import { eventEmitter } from './families/eventEmitter';
import { eventTarget } from './families/eventTarget';
import type { AnalysisContext } from './fileCache';
import { findStart } from './findStart';
import { endedInFinally } from './handleFate';
import { trackedCalls } from './imports';
import { startEnds } from './judges/connection';
import { targetOwner } from './lifetime';
import { objectApiOf } from './objectApi';
import { objectKindOf } from './objectKind';
import { calleeDeclarations, resolveCallee } from './resolveCallee';
import type { OptionsPosition } from './signalArguments';
import { optionsArgument, optionsMayCarrySignal } from './signalArguments';
import { bindingSignalEvidence, isFetchRequestType, optionsTypeTakesSignal, propertySignalEvidence } from './signalEvidence';
import { annotationNames, isAbortSignalType, isNamedType } from './signalTypes';
import { typeServices, typescript } from './typeServices';

/** Where `addEventListener` takes its `{ signal }` options. */
const targetListenerOptions = eventTarget.objects.eventTarget.starts.addEventListener.signalOptionIndex;

/**
 * How a function takes its signal: as an argument of its own, inside an options argument, or, for
 * `AbortSignal.any([…])`, as one more element of the signals it composes.
 */
export type SignalParameter =
  | { kind: 'positional'; index: number }
  | { kind: 'options'; position: OptionsPosition; loneMayBeOptions?: boolean; abortEmits?: string }
  | { kind: 'composition'; signals: TSESTree.ArrayExpression };

/**
 * Where a call takes an AbortSignal, if it takes one: platform APIs and popular clients by import
 * tracking (`fetch(url)`, `setTimeout(ms)` from timers/promises, `axios.get(url)`);
 * `addEventListener`'s options; with types, any function whose signature has an `AbortSignal`
 * parameter or an options parameter with a `signal` property; same-file functions whose
 * parameters are signals on evidence (their annotation, JSDoc or body: see `fromDeclaration`).
 *
 * `async function load(id: string, { signal }: { signal?: AbortSignal } = {})` → options at 1.
 */
export function signalParameterOf(context: AnalysisContext, call: TSESTree.CallExpression): SignalParameter | undefined {
  const composed = call.arguments[0];
  if (context.sourceCode.getText(call.callee) === `${signalApi.type}.${signalApi.compose}` && composed?.type === AST_NODE_TYPES.ArrayExpression) {
    return { kind: 'composition', signals: composed };
  }
  const tracked = trackedCalls(context).get(call)?.takesSignal;
  if (tracked) return { kind: 'options', position: tracked.options, loneMayBeOptions: tracked.loneMayBeOptions, abortEmits: tracked.abortEmits };
  const services = typeServices(context);
  const method = methodCallParts(call);
  if (method?.method === signalApi.addListener) {
    // An abort listener is on a signal already, a `{ once: true }` listener ends by itself, and a
    // listener on an object made here dies with it: end the object instead.
    const options = call.arguments[2];
    const once = options?.type === AST_NODE_TYPES.ObjectExpression && findObjectProperty(options, eventTarget.onceOption);
    if (staticString(call.arguments[0]) === signalApi.event || once) return undefined;
    const fn = enclosingFunction(call);
    if (!fn || targetOwner(context, method.target, fn).owner === 'own') return undefined;
    // Without types, only an object known to be an EventTarget takes `{ signal }` there.
    if (!services) return objectKindOf(context, method.target) === 'eventTarget' ? { kind: 'options', position: targetListenerOptions } : undefined;
  }
  if (services) {
    const checker = services.program.getTypeChecker();
    const declarations = calleeDeclarations(services, call);
    for (const declaration of declarations) {
      const found = declaration.parameters && fromDeclaredParameters(checker, declaration.parameters);
      if (found?.kind === 'options') {
        const abortEmits = abortEmitsOn(services.getTypeAtLocation(call));
        return abortEmits === undefined ? found : { ...found, abortEmits };
      }
      if (found) return found;
    }
    // Parameters without a type, in a function of this file, judged by its body as without types.
    const sameFile = services.program.getSourceFile(context.filename);
    const own = declarations.find((declaration) => declaration.body && declaration.getSourceFile() === sameFile);
    const fn = own && services.tsNodeToESTreeNodeMap.get(own as ts.Node);
    if (fn && isFunctionNode(fn)) return fromDeclaration(context, fn);
  }
  const piped = streamPipeOptions(context, call);
  if (piped) return piped;
  // A function value declared with a function type: `f: (req: Req, signal: AbortSignal) => R`.
  const declared = fromFunctionTypeAnnotation(context, call);
  if (declared) return declared;
  // A function of another file of ours (an import followed, or the program's file with types),
  // judged by its own declaration and body there: `nextUnlessStopped(iterator, ac.signal)`.
  const callee = resolveCallee(context, call);
  return callee ? fromDeclaration(callee.context, callee.fn) : undefined;
}

const abortEmitsByType: Readonly<Record<string, string>> = eventEmitter.abortEmitsByType;

/**
 * The event a signal's abort emits on what the call returns, known by its type or a type it
 * extends where the call is not tracked: `cp.spawn(cmd)` in `import cp = require(…)`, a wrapper
 * typed to return a `ChildProcess`.
 */
function abortEmitsOn(type: ts.Type, depth = 0): string | undefined {
  for (const [name, event] of Object.entries(abortEmitsByType)) if (isNamedType(type, name)) return event;
  if (depth > 4 || !type.isClassOrInterface()) return undefined;
  for (const base of type.getBaseTypes() ?? []) {
    const event = abortEmitsOn(base, depth + 1);
    if (event !== undefined) return event;
  }
  return undefined;
}

/**
 * From the parameters' declared types, without resolving the call: an `AbortSignal` parameter,
 * or an options parameter with a `signal` property (`boolean | AddEventListenerOptions` counts).
 */
function fromDeclaredParameters(
  checker: ts.TypeChecker,
  parameters: ts.NodeArray<ts.ParameterDeclaration>,
): SignalParameter | undefined {
  for (const [index, parameter] of parameters.entries()) {
    if (!parameter.type || parameter.dotDotDotToken) continue;
    const type = checker.getNonNullableType(checker.getTypeFromTypeNode(parameter.type));
    if (isAbortSignalType(type)) return { kind: 'positional', index };
    // Any, and objects that carry a signal without being options for one: a controller, a fetch Request.
    if ((type.flags & typescript().TypeFlags.Any) !== 0 || isNamedType(type, signalApi.controller) || isNamedType(type, signalApi.request)) continue;
    // `boolean | AddEventListenerOptions`: any member with a `signal` makes it an options parameter.
    const members = type.isUnion() ? type.types : [type];
    const takesSignal = members.some((member) => {
      const property = checker.getPropertyOfType(member, signalApi.property);
      return property !== undefined && isAbortSignalType(checker.getNonNullableType(checker.getTypeOfSymbol(property)));
    });
    if (takesSignal) return { kind: 'options', position: index };
  }
  return undefined;
}



/**
 * How a function of our own takes a signal, on evidence: a parameter typed or documented
 * `AbortSignal`, or whose body uses it as one; an options parameter (`{ signal }`, `opts`) whose
 * `signal` is one. A parameter called `signal` and nothing more is not enough.
 *
 * `function get(url, signal) { return fetch(url, { signal }) }` → positional at 1;
 * `function stop(child, signal) { child.kill(signal) }` → `undefined`.
 */
function fromDeclaration(context: AnalysisContext, fn: FunctionNode): SignalParameter | undefined {
  const variables = context.sourceCode.getDeclaredVariables(fn);
  const variableOf = (binding: TSESTree.Node) => variables.find((variable) => variable.defs[0]?.name === binding);
  for (const [index, parameter] of fn.params.entries()) {
    const binding = parameter.type === AST_NODE_TYPES.AssignmentPattern ? parameter.left : parameter;
    if (binding.type === AST_NODE_TYPES.Identifier) {
      const variable = variableOf(binding);
      if (!variable) continue;
      if (bindingSignalEvidence(context, variable) === 'strong') return { kind: 'positional', index };
      const annotation = binding.typeAnnotation?.typeAnnotation;
      // A controller or a fetch Request is not an options object: `f(controller)` is given no `{ signal }`.
      if (annotation && (annotationNames(annotation, signalApi.controller) || isFetchRequestType(context, annotation))) continue;
      if (propertySignalEvidence(context, variable) === 'strong') return { kind: 'options', position: index };
    }
    if (binding.type === AST_NODE_TYPES.ObjectPattern) {
      const signal = binding.properties.find(
        (property): property is TSESTree.Property =>
          property.type === AST_NODE_TYPES.Property && property.key.type === AST_NODE_TYPES.Identifier && property.key.name === signalApi.property,
      );
      const value = signal && (signal.value.type === AST_NODE_TYPES.AssignmentPattern ? signal.value.left : signal.value);
      const variable = value && variableOf(value);
      if (variable && bindingSignalEvidence(context, variable) === 'strong') return { kind: 'options', position: index };
    }
  }
  return undefined;
}

/**
 * A web ReadableStream's `pipeTo`, known by its destination: a `new WritableStream(…)` (the
 * platform's, not one the file declares), written there or held in a `const`.
 *
 * `body.pipeTo(new WritableStream({ write }), { preventClose: true })` → options at 1.
 */
function streamPipeOptions(context: AnalysisContext, call: TSESTree.CallExpression): SignalParameter | undefined {
  const pipe = signalApi.streamPipe;
  if (methodCallParts(call)?.method !== pipe.method || call.arguments.length > pipe.options + 1) return undefined;
  let destination = call.arguments[0] && skipTypeWrappers(call.arguments[0]);
  if (destination?.type === AST_NODE_TYPES.Identifier) {
    const variable = ASTUtils.findVariable(context.sourceCode.getScope(destination), destination);
    const definition = variable?.defs[0];
    const init = definition?.type === 'Variable' && definition.node.id === definition.name && variable && !isReassigned(variable) ? definition.node.init : null;
    destination = init ? skipTypeWrappers(init) : undefined;
  }
  if (destination?.type !== AST_NODE_TYPES.NewExpression || destination.callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const constructor = destination.callee;
  if (!pipe.destinations.includes(constructor.name)) return undefined;
  const declared = ASTUtils.findVariable(context.sourceCode.getScope(constructor), constructor);
  return declared && declared.defs.length > 0 ? undefined : { kind: 'options', position: pipe.options };
}

/**
 * How a callee held in a parameter or variable takes a signal, by the function type it is declared
 * with: a parameter typed `AbortSignal`, or an options parameter whose type declares `signal: AbortSignal`.
 *
 * `const make = (f: (req: Req, url: URL, signal: AbortSignal) => R) => … f(req, url, void 0)` → positional at 2.
 */
function fromFunctionTypeAnnotation(context: AnalysisContext, call: TSESTree.CallExpression): SignalParameter | undefined {
  if (call.callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(call.callee), call.callee);
  const definition = variable?.defs[0];
  if (!definition || (definition.type !== 'Parameter' && definition.type !== 'Variable')) return undefined;
  const annotation = definition.name.type === AST_NODE_TYPES.Identifier ? definition.name.typeAnnotation?.typeAnnotation : undefined;
  if (annotation?.type !== AST_NODE_TYPES.TSFunctionType) return undefined;
  for (const [index, parameter] of annotation.params.entries()) {
    if (parameter.type === AST_NODE_TYPES.RestElement) return undefined;
    const type = parameter.type === AST_NODE_TYPES.TSParameterProperty ? undefined : parameter.typeAnnotation?.typeAnnotation;
    if (!type) continue;
    if (annotationNames(type, signalApi.type)) return { kind: 'positional', index };
    if (optionsTypeTakesSignal(context, type)) return { kind: 'options', position: index };
  }
  return undefined;
}

/**
 * Whether a call already hands over a signal where it takes one. An options variable counts
 * (its content is the caller's business), except, with types, a stream or emitter sitting where
 * trailing options would be: `pipeline(source, sink)` passes none. `signalText` is the signal in
 * scope (`options?.signal`): a lone argument of an API taking its options last counts when it
 * carries that signal (`axios(options)`).
 */
export function signalIsGiven(context: AnalysisContext, call: TSESTree.CallExpression, parameter: SignalParameter, signalText: string): boolean {
  if (parameter.kind === 'composition') {
    // Only timeouts composed: the signal in scope is left out.
    return !parameter.signals.elements.every(
      (element) => element?.type === AST_NODE_TYPES.CallExpression && context.sourceCode.getText(element.callee) === `${signalApi.type}.${signalApi.timeout}`,
    );
  }
  if (parameter.kind === 'positional') {
    const argument = call.arguments[parameter.index];
    return argument !== undefined && !isUndefined(argument);
  }
  const options = optionsArgument(call, parameter.position);
  const [lone] = call.arguments;
  if (!options && parameter.position === 'last' && call.arguments.length === 1 && lone) return carriesSignalWhole(context, lone, signalText);
  if (!optionsMayCarrySignal(options)) return false;
  const services = typeServices(context);
  if (!options || options.type === AST_NODE_TYPES.ObjectExpression) return true;
  // Without types, an object the knowledge base knows (a handler's `res`) is no options object,
  // unless its kind holds a signal: a callee reading `controller.signal` is given the controller's.
  if (!services) return !knownObject(context, options) || carriesSignal(context, options);
  const checker = services.program.getTypeChecker();
  const type = checker.getApparentType(services.getTypeAtLocation(options));
  const has = (name: string): boolean => checker.getPropertyOfType(type, name) !== undefined;
  return has(signalApi.property) || !eventEmitter.streamMembers.some(has);
}

/**
 * Whether an argument is options carrying a signal, handed on whole: the object the signal in scope
 * is read from (`axios(options)` with `options?.signal`), or, with types, a value whose type has a
 * `signal` (`const request = { url, signal }; axios(request)`). Not a command: `spawn(command)`.
 */
function carriesSignalWhole(context: AnalysisContext, argument: TSESTree.CallExpressionArgument, signalText: string): boolean {
  if (argument.type === AST_NODE_TYPES.SpreadElement) return false;
  const carrier = stableReferenceText(argument);
  if (carrier !== undefined && signalText.replaceAll('?.', '.') === `${carrier.replaceAll('?.', '.')}.${signalApi.property}`) return true;
  const services = typeServices(context);
  if (!services) return false;
  const checker = services.program.getTypeChecker();
  const type = checker.getApparentType(checker.getNonNullableType(services.getTypeAtLocation(argument)));
  return checker.getPropertyOfType(type, signalApi.property) !== undefined;
}

/**
 * Whether the call's result is handed straight to a call that ends what it is handed on its own
 * signal: the signal belongs there, and that call is reported itself when it lacks one.
 *
 * `pipeline(createReadStream(src), createWriteStream(dst), { signal })` → true for both streams.
 */
export function endedByItsConsumer(context: AnalysisContext, call: TSESTree.CallExpression): boolean {
  const consumer = call.parent;
  return (
    consumer.type === AST_NODE_TYPES.CallExpression &&
    consumer.arguments.includes(call) &&
    trackedCalls(context).get(consumer)?.takesSignal?.endsItsArguments === true
  );
}

/**
 * A start whose handle its function ends in a `finally` (`const socket = net.connect(…)`, destroyed
 * there): it lives no longer than the run, which the signal ends through the waits given it.
 */
export function endedWithItsRun(context: AnalysisContext, call: TSESTree.CallExpression): boolean {
  const start = findStart(context, call);
  const ends = start && startEnds(context, start);
  return ends !== undefined && endedInFinally(context, call, ends);
}

/**
 * Whether the options argument a signal would be merged into is an object of a known kind (a
 * stream, an emitter, a controller): `{ ...stream, signal }` would copy its own fields and drop
 * the methods its prototype holds, so the callee gets a broken object. Such a call is reported
 * without a fix.
 */
export function optionsAreKnownObject(context: AnalysisContext, call: TSESTree.CallExpression, parameter: SignalParameter): boolean {
  // Trailing options that are not a literal get a new argument after them, not a copy.
  if (parameter.kind !== 'options' || parameter.position === 'last') return false;
  const options = optionsArgument(call, parameter.position);
  return options !== undefined && options.type !== AST_NODE_TYPES.ObjectExpression && objectKindOf(context, options) !== undefined;
}

/**
 * Whether the call's lone argument may be the options themselves rather than what comes before
 * them: `axios(request)` takes `request` as its config, and ignores a `{ signal }` added after it.
 * Only a string (a literal, a template, a concatenation, or a string by its type) is surely a URL.
 */
export function loneArgumentMayBeOptions(context: AnalysisContext, call: TSESTree.CallExpression, parameter: SignalParameter): boolean {
  if (parameter.kind !== 'options' || !parameter.loneMayBeOptions || call.arguments.length !== 1) return false;
  const [lone] = call.arguments;
  return lone !== undefined && lone.type !== AST_NODE_TYPES.ObjectExpression && !isString(context, lone);
}

function isString(context: AnalysisContext, node: TSESTree.Node): boolean {
  // `url as string`, `<string>url`: the author states the kind.
  if (
    (node.type === AST_NODE_TYPES.TSAsExpression || node.type === AST_NODE_TYPES.TSTypeAssertion) &&
    node.typeAnnotation.type === AST_NODE_TYPES.TSStringKeyword
  ) {
    return true;
  }
  const inner = skipTypeWrappers(node);
  if (inner.type === AST_NODE_TYPES.TemplateLiteral) return true;
  if (inner.type === AST_NODE_TYPES.Literal) return typeof inner.value === 'string';
  if (inner.type === AST_NODE_TYPES.BinaryExpression && inner.operator === '+') {
    return isString(context, inner.left) || isString(context, inner.right);
  }
  const services = typeServices(context);
  if (!services) return false;
  const type = services.getTypeAtLocation(inner);
  const { TypeFlags } = typescript();
  return (type.isUnion() ? type.types : [type]).every((member) => (member.flags & TypeFlags.StringLike) !== 0);
}

/** `undefined` or `void 0`: an argument written in its place that passes nothing. */
function isUndefined(argument: TSESTree.Node): boolean {
  return (
    (argument.type === AST_NODE_TYPES.Identifier && argument.name === 'undefined') ||
    (argument.type === AST_NODE_TYPES.UnaryExpression && argument.operator === 'void' && argument.argument.type === AST_NODE_TYPES.Literal)
  );
}

/** `new AbortController()`: a value whose kind has a `signal` member, which the callee reads as an option's. */
function carriesSignal(context: AnalysisContext, node: TSESTree.Node): boolean {
  const kind = objectKindOf(context, node);
  return kind !== undefined && objectApiOf(context, kind)?.properties?.[signalApi.property] !== undefined;
}

/** `res` of `app.get('/x', (req, res) => …)`, `createWriteStream(path)`: a value whose kind is known without types. */
function knownObject(context: AnalysisContext, node: TSESTree.Node): boolean {
  const kind = objectKindOf(context, node);
  return kind !== undefined && !kind.startsWith('custom:');
}
