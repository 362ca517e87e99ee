import * as path from 'node:path';

import rule from '../../../rules/no-leaked-subscription';
import { fixturesDir, javascriptRuleTester } from '../../ruleTester';

// In a known package's own code (test/fixtures/ownpackage: package.json says `ioredis`, its entry
// says `module.exports = require("./Redis").default`), `require("../Redis").default` is what
// `require('ioredis')` hands out: a `new` of it opens a Redis connection, as in a user's code.
const filename = path.join(fixturesDir, 'ownpackage', 'built', 'cluster', 'pool.js');

javascriptRuleTester.run("no-leaked-subscription: a known package's own class, required by a relative path", rule, {
  valid: [
    {
      // Disconnected in \`finally\`.
      filename,
      code: `
const Redis_1 = require("../Redis");
async function probe(options) {
  const client = new Redis_1.default(options);
  try {
    return await client.ping();
  } finally {
    client.disconnect();
  }
}
module.exports = { probe };
`,
    },
    {
      // Handed back to the caller, who owns it.
      filename,
      code: `
const Redis_1 = require("../Redis");
function connect(options) {
  return new Redis_1.default(options);
}
module.exports = { connect };
`,
    },
    {
      // The entry does not hand out \`Command\`: nothing shows it is a connection.
      filename,
      code: `
const Command_1 = require("../Command");
function run(name) {
  const command = new Command_1.default(name);
  console.log(command.name);
}
module.exports = { run };
`,
    },
  ],
  invalid: [
    {
      filename,
      code: `
const Redis_1 = require("../Redis");
async function probe(options) {
  const client = new Redis_1.default(options);
  return client.ping();
}
module.exports = { probe };
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { code: 'new Redis_1.default(options)', label: 'a Redis connection', handle: 'client' },
          line: 4,
          column: 18,
          endLine: 4,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`probe()`' },
              output: `
const Redis_1 = require("../Redis");
async function probe(options, signal) {
  const client = new Redis_1.default(options);
  if (signal?.aborted) void client.quit();
  else signal?.addEventListener('abort', () => void client.quit(), { once: true });
  return client.ping();
}
module.exports = { probe };
`,
            },
          ],
        },
      ],
    },
  ],
});
