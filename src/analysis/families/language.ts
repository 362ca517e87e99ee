import type { Family } from './family';

/** The language's own repeated callbacks: array iteration runs its callback once per element. */
export const language = {
  name: 'JavaScript',
  arrayIterationMethods: [
    'forEach',
    'map',
    'flatMap',
    'filter',
    'some',
    'every',
    'find',
    'findIndex',
    'findLast',
    'findLastIndex',
    'reduce',
    'reduceRight',
  ],
} as const satisfies Family;
