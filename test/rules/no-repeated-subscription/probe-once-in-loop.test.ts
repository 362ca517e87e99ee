import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// A loop body is a repetition; a listener's own callback parameters (`err` in `(err) => …`) are made
// by each call, not handed one per element, so they do not make the call differ per element.
runInBothModes('no-repeated-subscription: a one-shot error listener per loop iteration', rule, {
  valid: [
    // Each element its own event: one listener per channel, not a pile.
    `
import { EventEmitter } from 'node:events';
export const bus = new EventEmitter();
export function listen(channels: string[]) {
  for (const channel of channels) {
    bus.on(channel, (message: string) => console.log(channel, message));
  }
}
`,
    // events.once's promise removes its listener when it settles, and the loop waits for it.
    `
import { once } from 'node:events';
import * as fs from 'node:fs';
export async function writeLines(path: string, lines: string[]) {
  const out = fs.createWriteStream(path);
  for (const line of lines) {
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
}
`,
  ],
  invalid: [
    {
      code: `
import { EventEmitter } from 'node:events';
export const uploader = new EventEmitter();
declare function put(key: string): Promise<void>;
export async function uploadAll(keys: string[]) {
  const failed: unknown[] = [];
  for (const key of keys) {
    uploader.once('error', (err: unknown) => failed.push(err));
    await put(key);
  }
  return failed;
}
`,
      errors: [{ messageId: 'repeatedStart', line: 8, column: 5, endLine: 8, endColumn: 18 }],
    },
  ],
});
