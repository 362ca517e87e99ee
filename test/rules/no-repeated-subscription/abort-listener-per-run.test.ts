import rule from '../../../rules/no-repeated-subscription';
import { javascriptRuleTester, runInBothModes } from '../../ruleTester';

// An 'abort' listener fires at most once, when its signal aborts: on a signal that outlives the
// repetition (a shutdown controller), a fresh listener per request stays, with what it holds,
// until shutdown, which may be never. Ended when the run removes it, hands `{ signal }` of its
// own, or adds the same function each time (an EventTarget keeps a listener only once).
const invalidCode = `
import express from 'express';

const shutdown = new AbortController();
process.once('SIGTERM', () => shutdown.abort());
const app = express();

app.get('/long-poll', (_req, res) => {
  shutdown.signal.addEventListener('abort', () => {
    res.status(503).end();
  });
  setTimeout(() => res.json({ events: [] }), 25_000);
});
`;

runInBothModes('no-repeated-subscription: abort listeners per run on a long-lived signal', rule, {
  valid: [
    // A controller made per run: its signal goes with the run.
    `
import express from 'express';
const app = express();
app.get('/long-poll', (req, res) => {
  const controller = new AbortController();
  req.on('close', () => controller.abort());
  controller.signal.addEventListener('abort', () => res.end(), { once: true });
});
`,
    // Removed when the request closes.
    `
import express from 'express';
const shutdown = new AbortController();
const app = express();
app.get('/long-poll', (req, res) => {
  const onShutdown = () => res.status(503).end();
  shutdown.signal.addEventListener('abort', onShutdown, { once: true });
  res.on('close', () => shutdown.signal.removeEventListener('abort', onShutdown));
});
`,
    // The same function every time: the signal keeps it once.
    `
import express from 'express';
const shutdown = new AbortController();
function onShutdown() {
  console.log('shutting down');
}
const app = express();
app.get('/ping', (_req, res) => {
  shutdown.signal.addEventListener('abort', onShutdown);
  res.end('pong');
});
`,
    // Its own per-run signal ends the listener.
    `
import express from 'express';
const shutdown = new AbortController();
const app = express();
app.get('/long-poll', (req, res) => {
  const done = new AbortController();
  res.on('close', () => done.abort());
  shutdown.signal.addEventListener('abort', () => res.end(), { signal: done.signal });
});
`,
    // Once per process, not per run.
    `
const shutdown = new AbortController();
process.once('SIGTERM', () => shutdown.abort());
shutdown.signal.addEventListener('abort', () => console.log('bye'));
`,
  ],
  invalid: [
    {
      code: invalidCode,
      errors: [
        {
          messageId: 'repeatedStart',
          data: { code: 'shutdown.signal.addEventListener(…)', every: 'on every request to this route', started: "'abort' listener" },
          line: 9,
          column: 3,
          endLine: 9,
          endColumn: 35,
        },
      ],
    },
  ],
});

javascriptRuleTester.run('no-repeated-subscription: abort listeners per run (JavaScript)', rule, {
  valid: [],
  invalid: [
    {
      code: invalidCode,
      errors: [{ messageId: 'repeatedStart', line: 9, column: 3 }],
    },
  ],
});
