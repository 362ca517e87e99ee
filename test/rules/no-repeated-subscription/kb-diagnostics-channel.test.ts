import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// A diagnostics_channel subscriber added per request stays on the process-wide channel.
const server = (body: string) => `
import diagnostics from 'node:diagnostics_channel';
import http from 'node:http';

http
  .createServer(async (req, res) => {
    let outgoing = 0;
    const onRequest = () => {
      outgoing++;
    };
    diagnostics.subscribe('http.client.request.start', onRequest);
${body}
  })
  .listen(3007);
`;

runInBothModes('no-repeated-subscription: diagnostics_channel subscriber per request', rule, {
  valid: [
    server(`    try {
      await fetch('http://127.0.0.1:1/health').catch(() => undefined);
      res.end(JSON.stringify({ url: req.url, outgoing }));
    } finally {
      diagnostics.unsubscribe('http.client.request.start', onRequest);
    }`),
  ],
  invalid: [
    {
      code: server(`    await fetch('http://127.0.0.1:1/health').catch(() => undefined);
    res.end(JSON.stringify({ url: req.url, outgoing }));`),
      errors: [{ messageId: 'repeatedStart', data: { code: 'diagnostics.subscribe(…)', every: 'on every request to this server', started: 'diagnostics channel subscriber' }, line: 11, column: 5, endLine: 11, endColumn: 26 }],
    },
  ],
});
