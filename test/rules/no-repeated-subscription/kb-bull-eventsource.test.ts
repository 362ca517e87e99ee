import rule from '../../../rules/no-repeated-subscription';
import { javascriptRuleTester, runInBothModes } from '../../ruleTester';

// bull (v3/v4): a `Queue` (made with or without `new`) holds its own Redis connections until
// `close()`; the npm `eventsource` package's `EventSource` holds its HTTP stream open, and
// reconnects, until `close()`, as the global one does. Made per request or per tick and dropped,
// each run leaves one more.
runInBothModes('no-repeated-subscription: bull queues and the eventsource package', rule, {
  valid: [
    `
import express from 'express';
import Queue from 'bull';
express().post('/t/:tenant', async (req, res) => {
  const queue = new Queue(\`thumbs:\${req.params.tenant}\`);
  try {
    res.json({ id: (await queue.add({ url: req.body.url })).id });
  } finally {
    await queue.close();
  }
});
`,
    // one queue for the program, used by every request
    `
import express from 'express';
import Queue from 'bull';
const queue = new Queue('thumbs');
express().post('/t', async (req, res) => {
  res.json({ id: (await queue.add({ url: req.body.url })).id });
});
`,
    `
import cron from 'node-cron';
import { EventSource } from 'eventsource';
cron.schedule('*/5 * * * *', () => {
  const source = new EventSource('http://deploys/events');
  source.addEventListener('deploy', (event) => {
    console.log(event.data);
    source.close();
  });
});
`,
  ],
  invalid: [
    {
      code: `
import express from 'express';
import Queue from 'bull';
express().post('/t/:tenant', async (req, res) => {
  const queue = new Queue(\`thumbs:\${req.params.tenant}\`);
  res.json({ id: (await queue.add({ url: req.body.url })).id });
});
`,
      errors: [{ messageId: 'repeatedStart', data: { code: 'new Queue(`thumbs:${req.params.tenant}`)', every: 'on every request to this route', started: 'Bull queue' }, line: 5, column: 17 }],
    },
    {
      code: `
import cron from 'node-cron';
import { EventSource } from 'eventsource';
cron.schedule('*/5 * * * *', () => {
  const source = new EventSource('http://deploys/events');
  source.addEventListener('deploy', (event) => console.log(event.data));
});
`,
      errors: [{ messageId: 'repeatedStart', data: { code: "new EventSource('http://deploys/events')", every: 'on every tick of this cron job', started: 'EventSource' }, line: 5, column: 18 }],
    },
  ],
});

javascriptRuleTester.run('no-repeated-subscription: bull queues and the eventsource package (CommonJS)', rule, {
  valid: [
    `
const Queue = require('bull');
const queue = Queue('thumbs');
require('express')().post('/t', async (req, res) => res.json({ id: (await queue.add(req.body)).id }));
`,
  ],
  invalid: [
    {
      code: `
const Queue = require('bull');
require('express')().post('/t/:tenant', async (req, res) => {
  const queue = Queue('thumbs:' + req.params.tenant);
  res.json({ id: (await queue.add(req.body)).id });
});
`,
      errors: [{ messageId: 'repeatedStart', data: { code: "Queue('thumbs:' + req.params.tenant)", every: 'on every request to this route', started: 'Bull queue' }, line: 4, column: 17 }],
    },
    {
      code: `
const EventSource = require('eventsource');
setInterval(() => {
  const source = new EventSource('http://deploys/events');
  source.onmessage = (event) => console.log(event.data);
}, 60000);
`,
      errors: [{ messageId: 'repeatedStart', data: { code: "new EventSource('http://deploys/events')", every: 'on every tick of this interval', started: 'EventSource' }, line: 4, column: 18 }],
    },
  ],
});
