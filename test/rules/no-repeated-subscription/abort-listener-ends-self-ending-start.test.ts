import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// An 'abort' listener per run on a shutdown signal that ends something the run started is left
// unreported only because that start is reported itself, as running until the signal aborts.
// A start that ends by itself (a file piped to the response ends at its end) is not: then the
// listener, and the stream it holds, stay on the signal after every request.
const code = (end: string) => `
import express from 'express';
import { createReadStream } from 'node:fs';
import Redis from 'ioredis';

const shutdown = new AbortController();
const redis = new Redis();
const app = express();

app.get('/log', (_req, res) => {
  const file = createReadStream('/srv/big.log');
  ${end}
  file.pipe(res);
});

app.get('/events', (_req, res) => {
  const sub = redis.duplicate();
  void sub.subscribe('events');
  shutdown.signal.addEventListener('abort', () => void sub.quit());
  sub.on('message', (_channel, message) => res.write(message));
});
`;

const untilShutdown = (line: number) => ({
  messageId: 'repeatedStartUntilSignal' as const,
  line,
  column: 8,
  endLine: line,
  endColumn: 21,
});

runInBothModes('no-repeated-subscription: an abort listener that ends a start which ends by itself', rule, {
  valid: [],
  invalid: [
    {
      // the listener removed when the response closes: only the subscription, ended at shutdown, is reported
      code: code(`const stop = () => file.destroy();
  shutdown.signal.addEventListener('abort', stop);
  res.on('close', () => shutdown.signal.removeEventListener('abort', stop));`),
      errors: [untilShutdown(20)],
    },
    {
      code: code(`shutdown.signal.addEventListener('abort', () => file.destroy());`),
      errors: [
        {
          messageId: 'repeatedStart',
          data: { code: 'shutdown.signal.addEventListener(…)', every: 'on every request to this route', started: "'abort' listener" },
          line: 12,
          column: 3,
          endLine: 12,
          endColumn: 35,
        },
        untilShutdown(18),
      ],
    },
  ],
});
