import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// amqplib's `channel.consume(queue, onMessage)` adds a consumer to the channel until
// `channel.cancel(consumerTag)` (the tag its promise resolves to) or the channel closes. Made once
// it sets the channel up; made per request (a reply consumer per RPC call), each request leaves one more.
const code = (end = '') => `
import amqp from 'amqplib';
import express from 'express';

const conn = await amqp.connect('amqp://rabbit');
const channel = await conn.createChannel();
const app = express();

app.get('/rpc', async (_req, res) => {
  const { consumerTag } = await channel.consume('replies', (msg) => {
    if (msg) res.end(msg.content.toString());
  }, { noAck: true });${end}
});
`;

runInBothModes('no-repeated-subscription: an AMQP consumer per run on a shared channel', rule, {
  valid: [
    // cancelled by its tag when the response is done
    code(`\n  res.on('close', () => void channel.cancel(consumerTag));`),
    // its tag kept for a later cancel (\`stopAll()\` cancels every one)
    code(`\n  tags.push(consumerTag);`).replace('const app = express();', 'const app = express();\nexport const tags: string[] = [];'),
    // the whole reply kept and its tag read later
    code().replace('const { consumerTag } = await', 'const reply = await').replace("{ noAck: true });", "{ noAck: true });\n  setTimeout(() => void channel.cancel(reply.consumerTag), 5000);"),
    // one consumer for the process, made at start-up
    `
import amqp from 'amqplib';
const conn = await amqp.connect('amqp://rabbit');
const channel = await conn.createChannel();
export async function startWorker() {
  await channel.consume('jobs', (msg) => msg && channel.ack(msg));
}
await startWorker();
`,
  ],
  invalid: [
    {
      // dropped: nothing can cancel it
      code: code().replace('const { consumerTag } = await', 'await'),
      errors: [
        {
          messageId: 'repeatedStart',
          data: { code: 'channel.consume(…)', every: 'on every request to this route', started: 'AMQP consumer' },
          line: 10,
          column: 9,
          endLine: 10,
          endColumn: 24,
        },
      ],
    },
    {
      code: code(),
      errors: [
        {
          messageId: 'repeatedStart',
          data: { code: 'channel.consume(…)', every: 'on every request to this route', started: 'AMQP consumer' },
          line: 10,
          column: 33,
          endLine: 10,
          endColumn: 48,
        },
      ],
    },
  ],
});
