import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/** A text edit: replace `range` with `text` (an insertion when the range is empty). */
export interface TextEdit {
  range: [number, number];
  text: string;
}

/**
 * The edit that passes `signal` as argument `index` of a call, padding skipped optional
 * arguments with `undefined`: `helper(a)` with index 1 → `helper(a, signal)`.
 */
export function signalArgumentEdit(
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.CallExpression,
  index: number,
  signal: string,
): TextEdit | undefined {
  const args = call.arguments;
  const existing = args[index];
  if (existing) return { range: [existing.range[0], existing.range[0]], text: `${signal}, ` };
  const padding = 'undefined, '.repeat(index - args.length);
  const last = args.at(-1);
  if (last) return { range: [last.range[1], last.range[1]], text: `, ${padding}${signal}` };
  const closing = sourceCode.getLastToken(call);
  if (closing?.value !== ')') return undefined;
  return { range: [closing.range[0], closing.range[0]], text: `${padding}${signal}` };
}

/** Applies edits to the text of `node`, for fixes that rewrite a statement around them. */
export function applyEdits(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node, edits: readonly TextEdit[]): string {
  let text = sourceCode.getText(node);
  const offset = node.range[0];
  for (const edit of [...edits].sort((a, b) => b.range[0] - a.range[0])) {
    text = text.slice(0, edit.range[0] - offset) + edit.text + text.slice(edit.range[1] - offset);
  }
  return text;
}
