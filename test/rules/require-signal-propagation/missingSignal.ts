/** The expected error for a call that is not given the signal in scope, at its full range. */
export const missing = (line: number, column: number, endLine: number, endColumn: number) => ({
  messageId: 'missingSignal' as const,
  line,
  column,
  endLine,
  endColumn,
});
