import type { Family } from './family';

/** RxJS: `subscribe` until `unsubscribe`, unless the source is finite (`take`, `first`, `takeUntil`, an HTTP request). */
export const rxjs = {
  name: 'RxJS',
  objects: {
    observable: {
      label: 'observable',
      starts: { subscribe: { kind: 'rxSubscription' } },
      removeListener: [],
      endSubscription: [],
      close: [],
      // `select` is NgRx's `Store` (an Observable): it hands back the selected slice as an observable.
      returns: { pipe: 'observable', asObservable: 'observable', select: 'observable' },
      shape: [['subscribe'], ['pipe']],
      packageTypesNeedShape: true,
    },
  },
  modules: {
    rxjs: {
      objects: {
        Subject: 'observable',
        BehaviorSubject: 'observable',
        ReplaySubject: 'observable',
        interval: 'observable',
        timer: 'observable',
        fromEvent: 'observable',
        fromEventPattern: 'observable',
        merge: 'observable',
        combineLatest: 'observable',
        defer: 'observable',
      },
      types: { Observable: 'observable', Subject: 'observable', BehaviorSubject: 'observable', ReplaySubject: 'observable' },
    },
    '@ngrx/store': { types: { Store: 'observable' } },
  },
  typePackages: { rxjs: 'observable' },
  handleEnds: {
    rxSubscription: {
      methods: ['unsubscribe'],
      functions: [],
      fix: { kind: 'method', name: 'unsubscribe', returnsPromise: false },
    },
  },
  // `takeUntil` and Angular's `takeUntilDestroyed` count: their notifier is the owner's end.
  finiteOperators: [
    'take',
    'first',
    'takeUntil',
    'takeWhile',
    'takeLast',
    'last',
    'single',
    'find',
    'findIndex',
    'elementAt',
    'takeUntilDestroyed',
    'toArray',
    'reduce',
    'count',
    'every',
    'isEmpty',
    'timeout',
  ],
  combiners: ['merge', 'combineLatest'],
  operatorMethod: 'pipe',
  viewMethods: ['select'],
  endlessCreators: { interval: { minArguments: 0 }, fromEvent: { minArguments: 0 }, timer: { minArguments: 2 } },
} as const satisfies Family;
