import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// A class of ours whose method awaits in a loop on a flag of the instance that `close()` sets: an
// instance started and dropped runs its loop for good.
const tailer = (body: string) => `
class Tailer {
  stopped = false;
  async follow(read: () => Promise<string>) {
    while (!this.stopped) console.log(await read());
  }
  close() {
    this.stopped = true;
  }
}

${body}
`;

runInBothModes('no-leaked-subscription: classes of ours running a loop on a flag', rule, {
  valid: [
    // Closed when the caller's signal aborts.
    tailer(`export function tail(read: () => Promise<string>, signal: AbortSignal) {
  const tailer = new Tailer();
  void tailer.follow(read);
  signal.addEventListener('abort', () => tailer.close(), { once: true });
}`),
    // Returned: the caller closes it.
    tailer(`export function tail(read: () => Promise<string>) {
  const tailer = new Tailer();
  void tailer.follow(read);
  return tailer;
}`),
  ],
  invalid: [
    {
      code: tailer(`export function tail(read: () => Promise<string>) {
  const tailer = new Tailer();
  void tailer.follow(read);
}`),
      output: null,
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { code: 'new Tailer()', label: 'a Tailer (its `close()` ends the loop on `this.stopped`)', handle: 'tailer' },
          line: 13,
          column: 18,
          endLine: 13,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              output: tailer(`export function tail(read: () => Promise<string>, signal?: AbortSignal) {
  const tailer = new Tailer();
  void tailer.follow(read);
  if (signal?.aborted) tailer.close();
  else signal?.addEventListener('abort', () => tailer.close(), { once: true });
}`),
            },
          ],
        },
      ],
    },
  ],
});
