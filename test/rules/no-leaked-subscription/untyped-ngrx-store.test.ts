import rule from '../../../rules/no-leaked-subscription';
import { untypedRuleTester } from '../../ruleTester';

// Angular with NgRx, without type information: the constructor's parameter property is annotated
// with `Store` imported from '@ngrx/store', an Observable whose `select` hands back one. That
// annotation and import are the evidence; a member merely called `store` is not.
untypedRuleTester.run('no-leaked-subscription: NgRx Store in ngOnInit (untyped)', rule, {
  valid: [
    // ended in ngOnDestroy
    `
import { Store } from '@ngrx/store';
import type { Subscription } from 'rxjs';

export class CounterComponent {
  count = 0;
  private sub: Subscription | undefined;
  constructor(private store: Store<{ count: number }>) {}

  ngOnInit() {
    this.sub = this.store.select((state) => state.count).subscribe((count) => (this.count = count));
  }

  ngOnDestroy() {
    this.sub?.unsubscribe();
  }
}
`,
    // finite: the first value only
    `
import { Store } from '@ngrx/store';
import { take } from 'rxjs';

export class CounterComponent {
  count = 0;
  constructor(private store: Store<{ count: number }>) {}

  ngOnInit() {
    this.store.select((state) => state.count).pipe(take(1)).subscribe((count) => (this.count = count));
  }
}
`,
    // a store of the app's own, called `store`: nothing shows it is an observable
    `
import { Store } from './store';

export class CounterComponent {
  count = 0;
  constructor(private store: Store) {}

  ngOnInit() {
    this.store.select((state) => state.count).subscribe((count) => (this.count = count));
  }
}
`,
  ],
  invalid: [
    {
      code: `
import { Store } from '@ngrx/store';

export class CounterComponent {
  count = 0;
  constructor(private store: Store<{ count: number }>) {}

  ngOnInit() {
    this.store.select((state) => state.count).subscribe((count) => (this.count = count));
  }
}
`,
      errors: [
        {
          messageId: 'handleDropped',
          line: 9,
          column: 5,
          endLine: 9,
          endColumn: 56,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`ngOnInit()`' },
              output: `
import { Store } from '@ngrx/store';

export class CounterComponent {
  count = 0;
  constructor(private store: Store<{ count: number }>) {}

  ngOnInit(signal?: AbortSignal) {
    const subscription = this.store.select((state) => state.count).subscribe((count) => (this.count = count));
    if (signal?.aborted) subscription.unsubscribe();
    else signal?.addEventListener('abort', () => subscription.unsubscribe(), { once: true });
  }
}
`,
            },
          ],
        },
      ],
    },
  ],
});
