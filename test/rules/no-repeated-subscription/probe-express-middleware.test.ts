import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// `express()` returns the `Express` interface that @types/express-serve-static-core declares: with
// types, the app is known by that type as it is by its provenance without them, so a middleware
// handed to `app.use(…)` runs on every request in both modes.
runInBothModes('no-repeated-subscription: express middleware', rule, {
  valid: [
    `
import express from 'express';

const app = express();
app.use((req, res, next) => {
  const timer = setTimeout(() => console.warn('slow', req.url), 10_000);
  res.on('finish', () => clearTimeout(timer));
  next();
});
app.listen(3000);
`,
  ],
  invalid: [
    {
      code: `
import express from 'express';

const app = express();
app.use((req, res, next) => {
  const started = Date.now();
  setInterval(() => {
    if (Date.now() - started > 10_000) console.warn('slow', req.url);
  }, 10_000);
  next();
});
app.listen(3000);
`,
      errors: [
        {
          messageId: 'repeatedStart',
          data: { code: 'setInterval(…)', every: 'on every request to this route', started: 'interval' },
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 14,
        },
      ],
    },
  ],
});
