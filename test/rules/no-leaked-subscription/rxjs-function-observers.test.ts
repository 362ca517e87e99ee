import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// An endless RxJS source subscribed with a callback passed by name (issue 10, "subscription"
// mutants): a plain function is no Subscriber that could end itself, so the subscription is judged
// as with an inline callback. A Subscriber passed in stays its owner's to end.
runInBothModes('no-leaked-subscription: rxjs with a function passed by name', rule, {
  valid: [
    // A Subscriber (or any observer object) handed in: ending it is its owner's business.
    `
import { interval, Subscriber } from 'rxjs';

export function feed(subscriber: Subscriber<number>) {
  interval(1000).subscribe(subscriber);
}
`,
    // Ended with the signal.
    `
import { interval } from 'rxjs';

export function poll(onTick: () => void, signal: AbortSignal) {
  const subscription = interval(1000).subscribe(onTick);
  signal.addEventListener('abort', () => subscription.unsubscribe(), { once: true });
}
`,
    // A finite source.
    `
import { interval, take } from 'rxjs';

export function firstThree(onTick: () => void) {
  interval(1000).pipe(take(3)).subscribe(onTick);
}
`,
  ],
  invalid: [
    {
      code: `
import { interval } from 'rxjs';

export function poll(onTick: () => void) {
  interval(1000).subscribe(onTick);
}
`,
      errors: [
        {
          messageId: 'handleDropped',
          data: { label: 'an RxJS subscription', code: 'interval(1000).subscribe(onTick)' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`poll()`' },
              output: `
import { interval } from 'rxjs';

export function poll(onTick: () => void, signal?: AbortSignal) {
  const subscription = interval(1000).subscribe(onTick);
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
      // A function declared in the file, its subscription kept in a local that nothing ends.
      code: `
import { fromEvent } from 'rxjs';

function onResize() {
  console.log('resized');
}

export function watchResize(target: EventTarget) {
  const subscription = fromEvent(target, 'resize').subscribe(onResize);
  console.log('watching', subscription.closed);
}
`,
      errors: [
        {
          messageId: 'handleNotEnded',
          line: 9,
          column: 24,
          endLine: 9,
          endColumn: 61,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              output: `
import { fromEvent } from 'rxjs';

function onResize() {
  console.log('resized');
}

export function watchResize(target: EventTarget, signal?: AbortSignal) {
  const subscription = fromEvent(target, 'resize').subscribe(onResize);
  console.log('watching', subscription.closed);
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
