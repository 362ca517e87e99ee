import rule from '../../../rules/no-leaked-subscription';
import repeatedRule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// `fs.createWriteStream(path)` opens a file descriptor that stays open until the stream is ended
// (`end()`, closed once flushed), destroyed or closed: a stream written and dropped keeps it.
const saver = (body: string) => `
import fs from 'node:fs';

export function save(path: string, text: string) {
  const out = fs.createWriteStream(path, { flags: 'a' });
${body}
}
`;

runInBothModes('no-leaked-subscription: a file write stream holds its descriptor until ended', rule, {
  valid: [
    // ended once written
    saver("  out.end(text);"),
    saver("  out.write(text);\n  out.destroy();"),
    // piped into: its source ends it
    saver("  fs.createReadStream(text).pipe(out);"),
    // handed back to the caller, who ends it
    `
import { createWriteStream } from 'node:fs';

export function openLog(path: string) {
  return createWriteStream(path, { flags: 'a' });
}
`,
  ],
  invalid: [
    {
      code: saver('  out.write(text);'),
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { code: 'fs.createWriteStream(…)', label: 'a file write stream', handle: 'out' },
          line: 5,
          column: 15,
          endLine: 5,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              output: `
import fs from 'node:fs';

export function save(path: string, text: string, signal?: AbortSignal) {
  const out = fs.createWriteStream(path, { flags: 'a' });
  out.write(text);
  if (signal?.aborted) out.end();
  else signal?.addEventListener('abort', () => out.end(), { once: true });
}
`,
            },
          ],
        },
      ],
    },
  ],
});

const job = (body: string) => `
import fs from 'node:fs';
import cron from 'node-cron';

cron.schedule('* * * * *', () => {
  const out = fs.createWriteStream('/var/log/tick.log', { flags: 'a' });
${body}
});
`;

runInBothModes('no-repeated-subscription: a file write stream opened on every tick', repeatedRule, {
  valid: [job("  out.end('tick\\n');")],
  invalid: [
    {
      code: job("  out.write('tick\\n');"),
      errors: [{ messageId: 'repeatedStart', line: 6, column: 15, endLine: 6, endColumn: 35 }],
    },
  ],
});
