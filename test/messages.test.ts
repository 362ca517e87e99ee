import { describe, expect, it } from 'vitest';

// @ts-expect-error: a plain script of the repository, without declarations.
import { collectMessages, lengths } from './messages/measure.mjs';

interface Stated {
  rule: string;
  messageId: string;
  text: string;
  suggestion: boolean;
}

// Every report the rule tests state, filled in as RuleTester checks them: a sentence each, short
// enough to read in an editor's hover (typescript-eslint's run about 60–110 characters).
describe('messages', () => {
  const messages = collectMessages() as Stated[];
  const reports = messages.filter((message) => !message.suggestion);

  it('are whole sentences', () => {
    for (const { text } of messages) expect(text).toMatch(/^[`A-Z].*\.$/s);
  });

  it('have a median under 110 characters', () => {
    const { count, median } = lengths(reports) as { count: number; median: number };
    expect(count).toBeGreaterThan(50);
    expect(median).toBeLessThan(110);
  });
});
