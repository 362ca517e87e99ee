import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// Reading a stream handed in to its end: the 'data' listener added beside a listener for the
// stream's end that settles the wait (`stream.on('data', f).on('end', resolve)`, or an 'end'
// handler that resolves through a method and a member, `this.setEnded()` → `this.resolveCallback()`)
// lasts no longer than that end. Without such a wait, a 'data' listener on what the caller or
// the object was given is still reported.
runInBothModes('no-leaked-subscription: listeners that read a stream to its end', rule, {
  valid: [`
import type { Readable } from 'node:stream';

export function consume(stream: Readable, onRow: (row: unknown) => void) {
  return new Promise<void>((resolve, reject) => {
    stream
      .on('data', (row) => onRow(row))
      .on('error', reject)
      .on('end', () => resolve());
  });
}
`, `
import type { Readable } from 'node:stream';

export class StreamExecutor {
  private resolveCallback?: (rows: number) => void;
  private rejectCallback?: (err: Error) => void;
  private rows = 0;
  constructor(private stream: Readable) {}
  execute() {
    return new Promise<number>((resolve, reject) => {
      this.resolveCallback = resolve;
      this.rejectCallback = reject;
      this.stream
        .on('data', () => this.rows++)
        .on('error', (err: Error) => this.setEnded(err))
        .on('end', () => this.setEnded());
    });
  }
  private setEnded(err?: Error) {
    if (err) this.rejectCallback?.(err);
    else this.resolveCallback?.(this.rows);
  }
}
`],
  invalid: [
    {
      code: `
import type { Readable } from 'node:stream';

export class StreamExecutor {
  private resolveCallback?: (rows: number) => void;
  private rejectCallback?: (err: Error) => void;
  private rows = 0;
  constructor(private stream: Readable) {}
  execute() {
    return new Promise<number>((resolve, reject) => {
      this.resolveCallback = resolve;
      this.rejectCallback = reject;
      this.stream
        .on('data', () => this.rows++)
        .on('error', (err: Error) => this.setEnded(err))
        .on("end", () => console.log("ended"));
    });
  }
  private setEnded(err?: Error) {
    if (err) this.rejectCallback?.(err);
    else this.resolveCallback?.(this.rows);
  }
}
`,
      errors: [{ messageId: 'listenerNotRemoved', line: 13, column: 7, endLine: 14, endColumn: 12 }],
    },
  ],
});
