import { AST_NODE_TYPES } from './estree';
import type { AnalysisContext } from './fileCache';
import type { Start } from './findStart';
import { typeServices } from './typeServices';

/**
 * The names a listener's event may have: its static name, or, with types, every member of the
 * string-literal union its argument is typed with. Empty when they are not known.
 *
 * `process.on('SIGTERM', f)` → `['SIGTERM']`; `process.on(signal, f)` with `signal: NodeJS.Signals`
 * → `['SIGABRT', 'SIGALRM', …]`; `process.on(name, f)` with `name: string` → `[]`.
 */
export function possibleEventNames(context: AnalysisContext, start: Start): string[] {
  if (start.event !== undefined) return [start.event];
  const services = typeServices(context);
  const argument = start.node.type === AST_NODE_TYPES.CallExpression ? start.node.arguments[0] : undefined;
  if (!services || !argument) return [];
  const type = services.getTypeAtLocation(argument);
  const members = type.isUnion() ? type.types : [type];
  const names = members.map((member) => (member.isStringLiteral() ? member.value : undefined));
  return names.every((name) => name !== undefined) ? (names as string[]) : [];
}
