import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

runInBothModes('no-leaked-subscription: rxjs', rule, {
  valid: [
    // a timer without a period emits once and completes
    `
import { timer } from 'rxjs';

export function later(run: () => void) {
  timer(1000).subscribe(() => run());
}
`,
    // a merge of finite sources completes
    `
import { merge, of } from 'rxjs';

export function both(onValue: (value: number) => void) {
  merge(of(1), of(2)).subscribe((value) => onValue(value));
}
`,
    // an endless merge made finite with take
    `
import { interval, merge, of, take } from 'rxjs';

export function firstThree(onTick: () => void) {
  merge(of(0), interval(1000)).pipe(take(3)).subscribe(() => onTick());
}
`,
  ],
  invalid: [
    {
      // a merge of an interval and another stream, subscribed per call and dropped
      code: `
import { interval, merge, of } from 'rxjs';

export function poll(onTick: () => void) {
  merge(of(0), interval(1000)).subscribe(() => onTick());
}
`,
      errors: [
        {
          messageId: 'handleDropped',
          data: { label: 'an RxJS subscription', code: 'merge(of(0), interval(1000)).subscribe(…' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`poll()`' },
              output: `
import { interval, merge, of } from 'rxjs';

export function poll(onTick: () => void, signal?: AbortSignal) {
  const subscription = merge(of(0), interval(1000)).subscribe(() => onTick());
  if (signal?.aborted) subscription.unsubscribe();
  else signal?.addEventListener('abort', () => subscription.unsubscribe(), { once: true });
}
`,
            },
          ],
        },
      ],
    },
    {
      // a timer with a period never completes
      code: `
import { timer } from 'rxjs';

export function heartbeat(beat: () => void) {
  timer(0, 5000).subscribe(() => beat());
}
`,
      errors: [
        {
          messageId: 'handleDropped',
          data: { label: 'an RxJS subscription', code: 'timer(0, 5000).subscribe(() => beat())' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`heartbeat()`' },
              output: `
import { timer } from 'rxjs';

export function heartbeat(beat: () => void, signal?: AbortSignal) {
  const subscription = timer(0, 5000).subscribe(() => beat());
  if (signal?.aborted) subscription.unsubscribe();
  else signal?.addEventListener('abort', () => subscription.unsubscribe(), { once: true });
}
`,
            },
          ],
        },
      ],
    },
    {
      // combineLatest of fromEvent streams
      code: `
import { combineLatest, fromEvent } from 'rxjs';

export function track(a: EventTarget, b: EventTarget, onBoth: () => void) {
  combineLatest([fromEvent(a, 'x'), fromEvent(b, 'y')]).subscribe(() => onBoth());
}
`,
      errors: [
        {
          messageId: 'handleDropped',
          data: { label: 'an RxJS subscription', code: "combineLatest([fromEvent(a, 'x'), fromE…" },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`track()`' },
              output: `
import { combineLatest, fromEvent } from 'rxjs';

export function track(a: EventTarget, b: EventTarget, onBoth: () => void, signal?: AbortSignal) {
  const subscription = combineLatest([fromEvent(a, 'x'), fromEvent(b, 'y')]).subscribe(() => onBoth());
  if (signal?.aborted) subscription.unsubscribe();
  else signal?.addEventListener('abort', () => subscription.unsubscribe(), { once: true });
}
`,
            },
          ],
        },
      ],
    },
  ],
});
