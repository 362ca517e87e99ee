import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

runInBothModes('no-repeated-subscription: MongoDB change streams', rule, {
  valid: [
    // each request's change stream is closed when its client goes away
    `
import express from 'express';
import { MongoClient } from 'mongodb';

const mongo = new MongoClient('mongodb://localhost:27017');
const app = express();
app.get('/events', (req, res) => {
  const changes = mongo.watch();
  changes.on('change', (change) => res.write(JSON.stringify(change)));
  req.on('close', () => void changes.close());
});
`,
  ],
  invalid: [
    {
      // a change stream per request on the shared client, never closed
      code: `
import express from 'express';
import { MongoClient } from 'mongodb';

const mongo = new MongoClient('mongodb://localhost:27017');
const app = express();
app.get('/events', (req, res) => {
  const changes = mongo.watch();
  changes.on('change', (change) => res.write(JSON.stringify(change)));
});
`,
      errors: [
        {
          messageId: 'repeatedStart',
          line: 8,
          column: 19,
          endLine: 8,
          endColumn: 30,
        },
      ],
    },
  ],
});
