import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// A Koa app's middleware runs on every request. With types, `new Koa()` is koa's `Application`, an
// EventEmitter subclass: its `use` is still middleware, not a listener.
runInBothModes('no-repeated-subscription: Koa middleware', rule, {
  valid: [
    // The listener on the shared emitter is removed before the request ends.
    `
import Koa from 'koa';
import { EventEmitter } from 'node:events';

const cache = new EventEmitter();
const app = new Koa();
app.use(async (ctx) => {
  let stale = false;
  const onFlush = () => {
    stale = true;
  };
  cache.on('flush', onFlush);
  try {
    ctx.body = await Promise.resolve({ stale });
  } finally {
    cache.off('flush', onFlush);
  }
});
`,
    // The app's own error listener, added once.
    `
import Koa from 'koa';
const app = new Koa();
app.on('error', (err) => console.error(err));
app.use((ctx) => {
  ctx.body = 'ok';
});
`,
  ],
  invalid: [
    {
      code: `
import Koa from 'koa';
import { EventEmitter } from 'node:events';

const cache = new EventEmitter();
const app = new Koa();
app.use(async (ctx) => {
  let stale = false;
  cache.on('flush', () => {
    stale = true;
  });
  ctx.body = await Promise.resolve({ stale });
});
`,
      errors: [{ messageId: 'repeatedStart', line: 9, column: 3, endLine: 9, endColumn: 11 }],
    },
  ],
});
