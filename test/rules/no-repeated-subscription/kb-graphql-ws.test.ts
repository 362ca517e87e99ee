import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// graphql-ws: `client.subscribe(payload, sink)` hands back the function that ends the
// subscription, and while it runs the (lazy) client keeps its socket open, so a client made per
// request does not die with the request: each request that drops the disposer leaves one more
// subscription and socket. Calling the disposer (or `dispose()`) when the request closes ends it.
const app = `
import express from 'express';
import { createClient } from 'graphql-ws';

const app = express();
const query = { query: 'subscription { orderCreated { id } }' };
`;

runInBothModes('no-repeated-subscription: graphql-ws subscriptions', rule, {
  valid: [
    `${app}
app.get('/orders', (req, res) => {
  const client = createClient({ url: 'ws://graphql.internal/graphql' });
  const unsubscribe = client.subscribe(query, { next: (data) => res.write(JSON.stringify(data)), error: () => res.end(), complete: () => res.end() });
  req.on('close', unsubscribe);
});
`,
    `${app}
app.get('/orders', (req, res) => {
  const client = createClient({ url: 'ws://graphql.internal/graphql' });
  const unsubscribe = client.subscribe(query, { next: (data) => res.write(JSON.stringify(data)), error: () => res.end(), complete: () => res.end() });
  req.on('close', () => {
    unsubscribe();
    void client.dispose();
  });
});
`,
    // one client and one subscription for the program
    `${app}
async function main() {
  const client = createClient({ url: 'ws://graphql.internal/graphql' });
  client.subscribe(query, { next: (data) => console.log(data), error: console.error, complete: () => {} });
}
void main();
`,
  ],
  invalid: [
    {
      code: `${app}
app.get('/orders', (req, res) => {
  const client = createClient({ url: 'ws://graphql.internal/graphql' });
  client.subscribe(query, { next: (data) => res.write(JSON.stringify(data)), error: () => res.end(), complete: () => res.end() });
});
`,
      errors: [
        {
          messageId: 'repeatedStart',
          data: { code: 'client.subscribe(…)', every: 'on every request to this route', started: 'GraphQL subscription' },
          line: 10,
          column: 3,
          endLine: 10,
          endColumn: 19,
        },
      ],
    },
  ],
});
