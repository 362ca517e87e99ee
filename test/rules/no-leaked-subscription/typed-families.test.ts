import rule from '../../../rules/no-leaked-subscription';
import { typedRuleTester } from '../../ruleTester';

// Only types know what these objects are: the family's kinds come from the declarations of the
// libraries' own types (here the ambient ones in test/fixtures/types).
typedRuleTester.run('no-leaked-subscription: families known through types', rule, {
  valid: [
    `
import type { Kafka } from 'kafkajs';
export async function produce(kafkas: Kafka[]) {
  const producer = kafkas[0]!.producer();
  await producer.connect();
  await producer.disconnect();
}
`,
  ],
  invalid: [
    {
      code: `
import type { Kafka } from 'kafkajs';
export async function again(kafkas: Kafka[]) {
  const consumer = kafkas[0]!.consumer({ groupId: 'g' });
  await consumer.connect();
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { label: 'a Kafka consumer', handle: 'consumer', code: "kafkas[0]!.consumer({ groupId: 'g' })" },
          line: 4,
          column: 20,
          endLine: 4,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`again()`' },
              output: `
import type { Kafka } from 'kafkajs';
export async function again(kafkas: Kafka[], signal?: AbortSignal) {
  const consumer = kafkas[0]!.consumer({ groupId: 'g' });
  if (signal?.aborted) void consumer.disconnect();
  else signal?.addEventListener('abort', () => void consumer.disconnect(), { once: true });
  await consumer.connect();
}
`,
            },
          ],
        },
      ],
    },
  ],
});
