import type { CallStart, Family } from './family';

const observer = (name: string): CallStart => ({ kind: 'observer', label: `${/^[AEIOU]/.test(name) ? 'an' : 'a'} ${name}` });

/** DOM and performance observers: `observe()` keeps them watching until `disconnect()`. */
export const observers = {
  name: 'observers',
  modules: {
    perf_hooks: { starts: { PerformanceObserver: observer('PerformanceObserver') } },
  },
  globals: {
    starts: {
      MutationObserver: observer('MutationObserver'),
      ResizeObserver: observer('ResizeObserver'),
      IntersectionObserver: observer('IntersectionObserver'),
      PerformanceObserver: observer('PerformanceObserver'),
    },
  },
  handleEnds: {
    observer: {
      methods: ['disconnect'],
      functions: [],
      fix: { kind: 'method', name: 'disconnect', returnsPromise: false },
      perTarget: { start: 'observe', end: 'unobserve' },
    },
  },
} as const satisfies Family;
