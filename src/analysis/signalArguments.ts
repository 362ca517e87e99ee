import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES, ASTUtils } from './estree';
import { findObjectProperty, isFunctionNode, skipTypeWrappers } from './ast';
import { signalApi } from './families/abortSignal';
import type { AnalysisContext } from './fileCache';
import { typeServices } from './typeServices';

/** Where a call takes its signal: an options object at an index, the last argument, or the options before `fs.watch`'s listener. */
export type OptionsPosition = number | 'last' | 'beforeListener';

/**
 * The options argument at `position`, if the call has one there. `isListener` tells a callback
 * from options where either may stand (`fs.watch(path, onChange)`): by default, a function written inline.
 */
export function optionsArgument(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  position: OptionsPosition,
  isListener: (argument: TSESTree.Node) => boolean = isFunctionNode,
): TSESTree.CallExpressionArgument | undefined {
  const args = call.arguments;
  if (position === 'beforeListener') return args.find((argument, index) => index > 0 && !isListener(argument));
  if (position === 'last') {
    // The last argument that is not a callback: `spawn(cmd, args, options, cb)`, `axios(config)`.
    const index = args.findLastIndex((argument) => !isListener(argument));
    const last = args[index];
    return last && (last.type === AST_NODE_TYPES.ObjectExpression || index > 0) ? last : undefined;
  }
  return args[position];
}

/**
 * Whether an options argument may carry a signal: a literal with `signal` or a spread does, and so
 * may an options variable (whose content is the caller's business); a missing argument or a
 * literal without `signal` does not. `{ once: true }` → false, `opts` → true.
 */
export function optionsMayCarrySignal(options: TSESTree.Node | undefined): boolean {
  if (!options) return false;
  const inner = skipTypeWrappers(options);
  if (inner.type === AST_NODE_TYPES.ObjectExpression) {
    return (
      findObjectProperty(inner, signalApi.property) !== undefined ||
      inner.properties.some((property) => property.type === AST_NODE_TYPES.SpreadElement)
    );
  }
  if (inner.type === AST_NODE_TYPES.Literal || (inner.type === AST_NODE_TYPES.Identifier && inner.name === 'undefined')) {
    return false;
  }
  return !isFunctionNode(inner) && inner.type !== AST_NODE_TYPES.ArrayExpression;
}

/** An argument that visibly hands a signal over: `signal`, `x.signal`, `{ signal }`, `{ ...opts }`. */
export function mentionsSignal(argument: TSESTree.Node | undefined): boolean {
  if (!argument) return false;
  const inner = skipTypeWrappers(argument);
  switch (inner.type) {
    case AST_NODE_TYPES.Identifier:
      return /signal$/i.test(inner.name);
    case AST_NODE_TYPES.MemberExpression:
      return !inner.computed && inner.property.type === AST_NODE_TYPES.Identifier && /signal$/i.test(inner.property.name);
    case AST_NODE_TYPES.ObjectExpression:
      return optionsMayCarrySignal(inner);
    default:
      return false;
  }
}

/**
 * A function, written inline or named: a function declaration, a `const` holding a function, a
 * parameter annotated with a function type, or (with types) any value that can be called.
 * `watch(path, onChange)` with `onChange: () => void` hands a listener, not options.
 */
export function refersToFunction(context: AnalysisContext, node: TSESTree.Node): boolean {
  const inner = skipTypeWrappers(node);
  if (isFunctionNode(inner)) return true;
  if (inner.type !== AST_NODE_TYPES.Identifier) return false;
  const services = typeServices(context);
  if (services) return services.getTypeAtLocation(inner).getCallSignatures().length > 0;
  const definition = ASTUtils.findVariable(context.sourceCode.getScope(inner), inner)?.defs[0];
  if (definition?.type === 'FunctionName') return true;
  if (definition?.type === 'Variable') return definition.node.init !== null && isFunctionNode(skipTypeWrappers(definition.node.init)) && definition.parent?.kind === 'const';
  if (definition?.type !== 'Parameter') return false;
  const annotation = (definition.name as { typeAnnotation?: TSESTree.TSTypeAnnotation }).typeAnnotation?.typeAnnotation;
  return annotation?.type === AST_NODE_TYPES.TSFunctionType;
}
