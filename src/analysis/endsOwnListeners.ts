import type { TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';

import { teardownMethods } from './apis';
import { emitterRemovals } from './families/family';
import type { AnalysisContext } from './fileCache';
import { typeServices, typescript } from './typeServices';

/** An emitter removal called with no event removes every listener of every event, as `removesListener` reads it. */
const removeEveryListener: ReadonlySet<string> = new Set(emitterRemovals);

/**
 * With types, whether the class of `target` ends every listener on itself when its own life ends:
 * one of its teardown methods (`close`, `destroy`, `dispose`, …, inherited or its own, declared in
 * any file) calls `this.removeAllListeners()` with no event. A listener added to such an object
 * lives no longer than the object, and keeps what it holds no longer either (livekit's RTC engine,
 * made per connection and closed with it). Without types: `false`.
 *
 * `class Engine extends EventEmitter { close() { this.removeAllListeners(); } }` → true for
 * `engine.on('x', f)` with `engine: Engine`; `this.removeAllListeners('closing')` → false.
 */
export function endsOwnListenersAtEnd(context: AnalysisContext, target: TSESTree.Node): boolean {
  const services = typeServices(context);
  if (!services) return false;
  const checker = services.program.getTypeChecker();
  const type = checker.getNonNullableType(services.getTypeAtLocation(target));
  return [...teardownMethods].some((name) => type.getProperty(name)?.declarations?.some(removesEveryOwnListener) ?? false);
}

function removesEveryOwnListener(declaration: ts.Declaration): boolean {
  const ts = typescript();
  if (!ts.isMethodDeclaration(declaration) || !declaration.body) return false;
  let found = false;
  const visit = (node: ts.Node): void => {
    // A nested function has its own `this` (an arrow keeps the method's).
    if (found || (ts.isFunctionLike(node) && !ts.isArrowFunction(node))) return;
    if (
      ts.isCallExpression(node) &&
      node.arguments.length === 0 &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.expression.kind === ts.SyntaxKind.ThisKeyword &&
      removeEveryListener.has(node.expression.name.text)
    ) {
      found = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(declaration.body, visit);
  return found;
}
