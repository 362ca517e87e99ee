import type { TSESLint } from '@typescript-eslint/utils';

import type { FunctionNode } from '../analysis/ast';
import { jsdocComment } from '../analysis/jsdoc';
import { signalApi } from '../analysis/families/abortSignal';

/**
 * The JSDoc line a new optional parameter of a JavaScript function needs: TypeScript (`checkJs`)
 * takes a parameter the function's `@param` tags leave out as required, so every caller that does
 * not pass it would fail. `/** @param {string} a *\/ function f(a) {}` gets
 * `@param {AbortSignal} [signal]` after its last `@param`. `null` when nothing needs writing (no
 * JSDoc, or one that documents no parameter), `undefined` when the comment cannot take one: a
 * `@type` that gives the function its whole type.
 */
export function jsdocSignalParameter(
  sourceCode: Readonly<TSESLint.SourceCode>,
  fixer: TSESLint.RuleFixer,
  fn: FunctionNode,
  name: string,
): TSESLint.RuleFix | null | undefined {
  const comment = jsdocComment(sourceCode, fn);
  if (!comment) return null;
  const text = comment.value;
  if (/@type\b/.test(text)) return undefined;
  const lastParam = [...text.matchAll(/@(?:param|arg|argument)\b/g)].at(-1);
  if (lastParam === undefined) return null;
  const tag = `@param {${signalApi.type}} [${name}]`;
  const valueStart = comment.range[0] + 2;
  // The last `@param` ends the comment (`/** @param {string} a *\/`): the tag goes on its line.
  if (!text.includes('\n', lastParam.index)) {
    const end = valueStart + text.trimEnd().length;
    return fixer.insertTextAfterRange([end, end], ` ${tag}`);
  }
  // Its own line, with the `@param` line's leading ` * `, before the next tag or the closing line.
  const prefix = text.slice(text.lastIndexOf('\n', lastParam.index) + 1, lastParam.index);
  const nextTag = /\n[\t ]*\*?[\t ]*@/g;
  nextTag.lastIndex = lastParam.index;
  const at = nextTag.exec(text)?.index ?? text.lastIndexOf('\n');
  return fixer.insertTextAfterRange([valueStart + at, valueStart + at], `\n${prefix}${tag}`);
}
