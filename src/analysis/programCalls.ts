import type * as ts from 'typescript';

import { typescript } from './typeServices';

/**
 * Every `x.name(…)` call in the program's own files (not its declaration files nor its
 * dependencies), by the called name: built in one walk of the program's trees the first time a
 * judgement needs a method's callers, then kept for the program. The walk costs about a
 * hundredth of making the program (livekit-client: 143 files, 4,500 calls, 0.1 s against 10 s).
 */
export function programMethodCalls(program: ts.Program, name: string): readonly ts.CallExpression[] {
  let index = byProgram.get(program);
  if (!index) byProgram.set(program, (index = indexProgram(program)));
  return index.get(name) ?? [];
}

const byProgram = new WeakMap<ts.Program, ReadonlyMap<string, ts.CallExpression[]>>();

function indexProgram(program: ts.Program): ReadonlyMap<string, ts.CallExpression[]> {
  const tsApi = typescript();
  const index = new Map<string, ts.CallExpression[]>();
  const visit = (node: ts.Node): void => {
    if (tsApi.isCallExpression(node) && tsApi.isPropertyAccessExpression(node.expression)) {
      const name = node.expression.name.text;
      let calls = index.get(name);
      if (!calls) index.set(name, (calls = []));
      calls.push(node);
    }
    tsApi.forEachChild(node, visit);
  };
  for (const file of program.getSourceFiles()) {
    if (!file.isDeclarationFile && !program.isSourceFileFromExternalLibrary(file)) visit(file);
  }
  return index;
}
