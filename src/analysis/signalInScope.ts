import type { ParserServicesWithTypeInformation, TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { enclosingFunction, isInside, skipTypeWrappers, stableReferenceText } from './ast';
import { classMembersOf, enclosingClassBody } from './classMembers';
import type { AnalysisContext } from './fileCache';
import { annotationNames, isAbortSignalType, isNamedType, typeLiteralHasSignal } from './signalTypes';
import { typeServices } from './typeServices';

/** A signal usable at some point of the code, as the expression to write there. */
export interface SignalInScope {
  /** `signal`, `options.signal`, `controller.signal`, `this.signal`. */
  text: string;
  /** Where the variable holding it is declared; `undefined` for a class's `this.signal`. */
  declaredAt?: TSESTree.Node;
}

/**
 * The nearest AbortSignal visible at `node`: a parameter named `signal` or typed `AbortSignal`,
 * a destructured `{ signal }`, `options.signal`, a local `AbortController`'s `.signal`, or a
 * class's `this.signal`/`this.controller.signal`. With types, any variable typed `AbortSignal`.
 *
 * `function f(client: Redis, { signal }: { signal: AbortSignal }) { client.on(…) }` → `signal`.
 */
export function findSignalInScope(context: AnalysisContext, node: TSESTree.Node): SignalInScope | undefined {
  for (let scope: TSESLint.Scope.Scope | null = context.sourceCode.getScope(node); scope; scope = scope.upper) {
    // A `const` declared below the use, or whose own initialiser holds the use, is not usable there.
    const best = signalsOfScope(context, scope).find(
      (signal) => !signal.local || (signal.declaredAt.range[0] < node.range[0] && !isInside(node, signal.local)),
    );
    if (best) return { text: best.text, declaredAt: best.declaredAt };
    if (scope.type === 'function') {
      const classSignal = signalFromClass(node, scope);
      if (classSignal) return { text: classSignal };
    }
  }
  return undefined;
}

interface ScopeSignal {
  text: string;
  declaredAt: TSESTree.Node;
  /** For a local: its declarator, before whose end it is not usable. */
  local?: TSESTree.Node;
}

const signalsByScope = new WeakMap<TSESLint.Scope.Scope, ScopeSignal[]>();

/**
 * The signals a scope declares, best first: a signal itself before a property of another, the
 * caller's (a parameter) before one made here. Computed once per scope: with types, each
 * variable's type is asked for once, however many calls look for a signal.
 */
function signalsOfScope(context: AnalysisContext, scope: TSESLint.Scope.Scope): ScopeSignal[] {
  const cached = signalsByScope.get(scope);
  if (cached) return cached;
  const services = typeServices(context);
  const found = scope.variables.flatMap((variable) => {
    const text = signalFromVariable(variable, services);
    const definition = variable.defs[0];
    if (!text || !definition) return [];
    const signal: ScopeSignal = { text, declaredAt: definition.name };
    if (definition.type === 'Variable') signal.local = definition.node;
    return [signal];
  });
  const rank = (signal: ScopeSignal): number => (signal.text.includes('.') ? 2 : 0) + (signal.local ? 1 : 0);
  const sorted = found.sort((a, b) => rank(a) - rank(b));
  signalsByScope.set(scope, sorted);
  return sorted;
}

function signalFromVariable(
  variable: TSESLint.Scope.Variable,
  services: ParserServicesWithTypeInformation | undefined,
): string | undefined {
  const definition = variable.defs[0];
  if (!definition) return undefined;
  if (definition.type !== 'Parameter' && definition.type !== 'Variable') return undefined;
  const identifier = definition.name;
  if (identifier.type !== AST_NODE_TYPES.Identifier) return undefined;
  const annotation = identifier.typeAnnotation?.typeAnnotation;
  // By name only when nothing says otherwise: `signal: NodeJS.Signals` is not an AbortSignal.
  if ((variable.name === 'signal' || isDestructuredSignal(identifier)) && !annotation) {
    return services && !isAbortSignalOrUntyped(services, identifier) ? undefined : variable.name;
  }
  if (annotation && annotationNames(annotation, 'AbortSignal')) return variable.name;
  if (annotation && annotationNames(annotation, 'AbortController')) return `${variable.name}.signal`;
  if (annotation?.type === AST_NODE_TYPES.TSTypeLiteral && typeLiteralHasSignal(annotation)) return `${variable.name}.signal`;
  if (definition.type === 'Variable') {
    const init = definition.node.init && skipTypeWrappers(definition.node.init);
    if (init?.type === AST_NODE_TYPES.NewExpression && init.callee.type === AST_NODE_TYPES.Identifier && init.callee.name === 'AbortController') {
      return `${variable.name}.signal`;
    }
    // `const deadline = AbortSignal.timeout(ms)`, `const s = controller.signal`.
    if (init && /^AbortSignal\.(timeout|any|abort)$|\.signal$/.test(signalSourceText(init))) return variable.name;
  }
  if (definition.type === 'Parameter' && readsSignalProperty(variable)) return `${variable.name}.signal`;
  // Ask the checker only where a signal hides behind a named type (`opts: Options`): unannotated
  // callback parameters and locals would each cost an inference, for signals that are rare there.
  const couldBeSignal = definition.type === 'Parameter' && annotation?.type === AST_NODE_TYPES.TSTypeReference;
  if (services && couldBeSignal) return signalFromType(services, variable, identifier);
  return undefined;
}

function signalSourceText(init: TSESTree.Node): string {
  if (init.type === AST_NODE_TYPES.CallExpression) return stableReferenceText(init.callee) ?? '';
  return stableReferenceText(init) ?? '';
}

function isAbortSignalOrUntyped(services: ParserServicesWithTypeInformation, identifier: TSESTree.Identifier): boolean {
  const type = services.program.getTypeChecker().getNonNullableType(services.getTypeAtLocation(identifier));
  return (type.flags & (1 | 2)) !== 0 || isAbortSignalType(type);
}

function signalFromType(
  services: ParserServicesWithTypeInformation,
  variable: TSESLint.Scope.Variable,
  identifier: TSESTree.Identifier,
): string | undefined {
  const checker = services.program.getTypeChecker();
  const type = checker.getNonNullableType(services.getTypeAtLocation(identifier));
  if (isNamedType(type, 'AbortSignal')) return variable.name;
  if (isNamedType(type, 'AbortController')) return `${variable.name}.signal`;
  const signalProperty = checker.getPropertyOfType(type, 'signal');
  if (signalProperty && (type.flags & 1) === 0) {
    const propertyType = checker.getNonNullableType(checker.getTypeOfSymbol(signalProperty));
    if (isNamedType(propertyType, 'AbortSignal')) return `${variable.name}.signal`;
  }
  return undefined;
}


/** `function f({ signal }) {}` or `const { signal } = options`. */
function isDestructuredSignal(identifier: TSESTree.Identifier): boolean {
  const parent = identifier.parent;
  const property = parent.type === AST_NODE_TYPES.AssignmentPattern ? parent.parent : parent;
  return (
    property.type === AST_NODE_TYPES.Property &&
    property.parent.type === AST_NODE_TYPES.ObjectPattern &&
    !property.computed &&
    property.key.type === AST_NODE_TYPES.Identifier &&
    property.key.name === 'signal'
  );
}



/** `function f(options) { … options.signal … }` */
function readsSignalProperty(variable: TSESLint.Scope.Variable): boolean {
  return variable.references.some((reference) => {
    const parent = reference.identifier.parent;
    return (
      parent.type === AST_NODE_TYPES.MemberExpression &&
      parent.object === reference.identifier &&
      !parent.computed &&
      parent.property.type === AST_NODE_TYPES.Identifier &&
      parent.property.name === 'signal'
    );
  });
}

/** `this.signal` or `this.controller.signal` in a method of a class that holds one. */
function signalFromClass(use: TSESTree.Node, scope: TSESLint.Scope.Scope): string | undefined {
  const fn = scope.block;
  if (scope.type !== 'function' || fn.type === AST_NODE_TYPES.ArrowFunctionExpression) return undefined;
  if (fn.parent?.type !== AST_NODE_TYPES.MethodDefinition || enclosingFunction(use) === undefined) return undefined;
  const body = enclosingClassBody(fn);
  if (!body) return undefined;
  const members = classMembersOf(body);
  if (members.has('signal')) return 'this.signal';
  for (const [name, member] of members) {
    if (member.values.some(isNewAbortController)) return `this.${name}.signal`;
  }
  return undefined;
}

function isNewAbortController(node: TSESTree.Node): boolean {
  const inner = skipTypeWrappers(node);
  return (
    inner.type === AST_NODE_TYPES.NewExpression &&
    inner.callee.type === AST_NODE_TYPES.Identifier &&
    inner.callee.name === 'AbortController'
  );
}

