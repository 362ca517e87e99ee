import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// graphql-subscriptions' `pubsub.subscribe(trigger, onMessage)` runs `onMessage` for every
// publish until `pubsub.unsubscribe(id)`, with the id it hands back (a promise of it before v3).
// Made once it sets the process up; made per request (an SSE stream per client), each request
// leaves one more subscription, holding its response.
const code = (subscribe: string, after = '') => `
import { PubSub } from 'graphql-subscriptions';
import express from 'express';

const pubsub = new PubSub();
const app = express();

app.get('/orders/:id/events', (req, res) => {
  ${subscribe}pubsub.subscribe('ORDER_' + req.params.id, (order) => res.write(JSON.stringify(order)));${after}
});
`;

runInBothModes('no-repeated-subscription: a PubSub subscription per request', rule, {
  valid: [
    // unsubscribed by its id when the client goes away
    code('const subId = ', `\n  req.on('close', () => void Promise.resolve(subId).then((id) => pubsub.unsubscribe(id)));`),
    // v3: the id itself, unsubscribed when the response closes
    code('const subId = ', `\n  res.on('close', () => pubsub.unsubscribe(subId as unknown as number));`),
    // one subscription for the process, made at start-up
    `
import { PubSub } from 'graphql-subscriptions';
export const pubsub = new PubSub();
const seen: unknown[] = [];
void pubsub.subscribe('AUDIT', (entry) => seen.push(entry));
`,
  ],
  invalid: [
    {
      // dropped: nothing can unsubscribe it
      code: code(''),
      errors: [
        {
          messageId: 'repeatedStart',
          data: { code: 'pubsub.subscribe(…)', every: 'on every request to this route', started: 'PubSub subscription' },
          line: 9,
          column: 3,
          endLine: 9,
          endColumn: 19,
        },
      ],
    },
    {
      // its id kept in a variable nothing reads
      code: code('const subId = '),
      errors: [
        {
          messageId: 'repeatedStart',
          data: { code: 'pubsub.subscribe(…)', every: 'on every request to this route', started: 'PubSub subscription' },
          line: 9,
          column: 17,
          endLine: 9,
          endColumn: 33,
        },
      ],
    },
  ],
});
