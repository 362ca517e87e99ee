import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// An effect may hand back its cleanup by name: `return clear` for a `clear` that ends the timer the
// effect stores (ahooks' `useInterval`, where `clear = useCallback(() => clearInterval(timerRef.current), [])`,
// seen on the eighth unseen sample). React runs it before the next run, so the slot is ended before
// it is overwritten. A returned function that ends something else does not count.
runInBothModes('no-repeated-subscription: an effect cleanup returned by name', rule, {
  valid: [
    `
import { useCallback, useEffect, useRef } from 'react';

export function useInterval(fn: () => void, delay: number) {
  const timerRef = useRef<ReturnType<typeof setInterval> | null>(null);
  const clear = useCallback(() => {
    if (timerRef.current) clearInterval(timerRef.current);
  }, []);
  useEffect(() => {
    timerRef.current = setInterval(fn, delay);
    return clear;
  }, [delay]);
  return clear;
}
`,
    `
import { useEffect, useRef } from 'react';

export function useInterval(fn: () => void, delay: number) {
  const timerRef = useRef<ReturnType<typeof setInterval> | null>(null);
  useEffect(() => {
    const clear = () => {
      if (timerRef.current) clearInterval(timerRef.current);
    };
    timerRef.current = setInterval(fn, delay);
    return clear;
  }, [delay]);
}
`,
  ],
  invalid: [
    {
      code: `
import { useCallback, useEffect, useRef } from 'react';

export function useInterval(fn: () => void, delay: number) {
  const timerRef = useRef<ReturnType<typeof setInterval> | null>(null);
  const otherRef = useRef<ReturnType<typeof setInterval> | null>(null);
  const clear = useCallback(() => {
    if (otherRef.current) clearInterval(otherRef.current);
  }, []);
  useEffect(() => {
    timerRef.current = setInterval(fn, delay);
    return clear;
  }, [delay]);
}
`,
      errors: [
        {
          messageId: 'repeatedOverwrite',
          data: { code: 'setInterval(fn, delay)', every: 'each time this React effect runs', slot: 'timerRef.current' },
          line: 11,
          column: 24,
          endLine: 11,
          endColumn: 35,
        },
      ],
    },
  ],
});
