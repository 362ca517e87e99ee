import * as path from 'node:path';

import rule from '../../../rules/no-repeated-subscription';
import { fixturesDir, javascriptRuleTester, runInBothModes } from '../../ruleTester';

// An emitter one of our files makes once at its top level and exports (`export const bus = new
// EventEmitter()`) is that emitter wherever it is imported: a listener a route adds to it per
// request piles up, with or without types. The evidence is the `new` in the file that makes it,
// not the name `bus`; a binding that file reassigns, or a value that is no emitter, proves nothing.
const filename = 'project/jobs.ts';

runInBothModes('no-repeated-subscription: an emitter imported from the file that makes it', rule, {
  valid: [
    {
      // Removed when the request closes.
      filename,
      code: `
import { bus } from './bus';
declare const app: { get(path: string, handler: (req: { on(e: 'close', f: () => void): void }, res: { write(s: string): void }) => void): void };
app.get('/events', (req, res) => {
  const onUpdate = (u: unknown) => res.write(JSON.stringify(u));
  bus.on('update', onUpdate);
  req.on('close', () => bus.off('update', onUpdate));
});
`,
    },
    {
      // A map made with \`new\` is no emitter: \`set\` starts nothing.
      filename,
      code: `
import { counts } from './bus';
import cron from 'node-cron';
cron.schedule('* * * * *', () => {
  counts.set('tick', (counts.get('tick') ?? 0) + 1);
});
`,
    },
  ],
  invalid: [
    {
      filename,
      code: `
import { bus } from './bus';
import cron from 'node-cron';
cron.schedule('* * * * *', () => {
  bus.on('update', (u: unknown) => console.log(u));
});
`,
      errors: [{ messageId: 'repeatedStart', line: 5, column: 3, endLine: 5, endColumn: 9 }],
    },
  ],
});

javascriptRuleTester.run('no-repeated-subscription: an emitter required from the file that makes it (JavaScript)', rule, {
  valid: [
    {
      // Not a singleton of ours: a package's export is judged by the knowledge base alone.
      filename: path.join(fixturesDir, 'commonjs', 'route.js'),
      code: `
const { hub } = require('some-hub');
const cron = require('node-cron');
cron.schedule('* * * * *', () => {
  hub.on('update', (u) => console.log(u));
});
`,
    },
  ],
  invalid: [
    {
      filename: path.join(fixturesDir, 'commonjs', 'route.js'),
      code: `
const { bus } = require('./bus');
const cron = require('node-cron');
cron.schedule('* * * * *', () => {
  bus.on('update', (u) => console.log(u));
});
`,
      errors: [{ messageId: 'repeatedStart', line: 5, column: 3, endLine: 5, endColumn: 9 }],
    },
  ],
});
