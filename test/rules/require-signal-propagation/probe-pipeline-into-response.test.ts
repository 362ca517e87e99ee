import rule from '../../../rules/require-signal-propagation';
import { missing } from './missingSignal';
import { javascriptRuleTester, runInBothModes } from '../../ruleTester';

// A pipeline whose last argument is the handler's response (`res` of `http.createServer` or of an
// express route) takes no options there: without types too, the response is known by where it
// comes from, so the request's signal it is not given is reported, with the fix appending it.
runInBothModes('require-signal-propagation: a pipeline into the response', rule, {
  valid: [
    `
import http from 'node:http';
import { pipeline } from 'node:stream/promises';
import { createReadStream } from 'node:fs';

http.createServer(async (req, res) => {
  const controller = new AbortController();
  req.on('close', () => controller.abort());
  await pipeline(createReadStream('report.csv'), res, { signal: controller.signal });
});
`,
  ],
  invalid: [
    {
      code: `
import http from 'node:http';
import { pipeline } from 'node:stream/promises';
import { createReadStream } from 'node:fs';

http.createServer(async (req, res) => {
  const controller = new AbortController();
  req.on('close', () => controller.abort());
  await pipeline(createReadStream('report.csv'), res);
});
`,
      output: `
import http from 'node:http';
import { pipeline } from 'node:stream/promises';
import { createReadStream } from 'node:fs';

http.createServer(async (req, res) => {
  const controller = new AbortController();
  req.on('close', () => controller.abort());
  await pipeline(createReadStream('report.csv'), res, { signal: controller.signal });
});
`,
      errors: [{ ...missing(9, 9, 9, 54), data: { call: "pipeline(createReadStream('report.csv'), res)", signal: 'controller.signal', owner: 'the function' } }],
    },
  ],
});

javascriptRuleTester.run('require-signal-propagation: a pipeline into an express response (javascript)', rule, {
  valid: [],
  invalid: [
    {
      code: `
const express = require('express');
const { createReadStream } = require('fs');
const { pipeline } = require('stream/promises');

const app = express();
app.get('/export.csv', async (req, res) => {
  const controller = new AbortController();
  req.on('close', () => controller.abort());
  await pipeline(createReadStream('/var/reports/rows.csv'), res);
});
`,
      output: `
const express = require('express');
const { createReadStream } = require('fs');
const { pipeline } = require('stream/promises');

const app = express();
app.get('/export.csv', async (req, res) => {
  const controller = new AbortController();
  req.on('close', () => controller.abort());
  await pipeline(createReadStream('/var/reports/rows.csv'), res, { signal: controller.signal });
});
`,
      errors: [{ ...missing(10, 9, 10, 65), data: { call: "pipeline(createReadStream('/var/reports/rows.csv'), res)", signal: 'controller.signal', owner: 'the function' } }],
    },
  ],
});
