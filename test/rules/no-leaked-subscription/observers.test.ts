import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

runInBothModes('no-leaked-subscription: observers', rule, {
  valid: [
    // the effect's cleanup disconnects the observer (the React idiom)
    `
export function observeSize(element: Element, onResize: () => void) {
  const observer = new ResizeObserver(() => onResize());
  observer.observe(element);
  return () => observer.disconnect();
}
`,
    // a PerformanceObserver made once at module scope
    `
const observer = new PerformanceObserver((list) => console.log(list.getEntries()));
observer.observe({ entryTypes: ['measure'] });
`,
  ],
  invalid: [
    {
      // a MutationObserver made per call and never disconnected
      code: `
export function watchChildren(element: Element, onChange: () => void) {
  const observer = new MutationObserver(() => onChange());
  observer.observe(element, { childList: true });
}
`,
      errors: [
        {
          messageId: 'leakedSubscription',
          data: { what: '`new MutationObserver(() => onChange())` starts a MutationObserver', why: '`observer` is never disconnected, returned or stored, so it outlives each call of `watchChildren()`' },
          line: 3,
          column: 20,
          endLine: 3,
          endColumn: 58,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`watchChildren()`' },
              output: `
export function watchChildren(element: Element, onChange: () => void, signal?: AbortSignal) {
  const observer = new MutationObserver(() => onChange());
  observer.observe(element, { childList: true });
  signal?.addEventListener('abort', () => observer.disconnect(), { once: true });
}
`,
            },
          ],
        },
      ],
    },
    {
      // a ResizeObserver made and dropped
      code: `
export function watchSize(element: Element, onResize: () => void) {
  new ResizeObserver(() => onResize()).observe(element);
}
`,
      errors: [
        {
          messageId: 'leakedSubscription',
          data: { what: '`new ResizeObserver(() => onResize())` starts a ResizeObserver', why: 'its handle is dropped, so nothing can end it once `watchSize()` returns' },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 39,
        },
      ],
    },
    {
      // with a signal in scope, --fix disconnects on abort
      code: `
export function watchVisible(element: Element, signal: AbortSignal, onVisible: () => void) {
  const observer = new IntersectionObserver(() => onVisible());
  observer.observe(element);
}
`,
      output: `
export function watchVisible(element: Element, signal: AbortSignal, onVisible: () => void) {
  const observer = new IntersectionObserver(() => onVisible());
  observer.observe(element);
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
`,
      errors: [
        {
          messageId: 'leakedSubscription',
          data: { what: '`new IntersectionObserver(() => onVisible())` starts an IntersectionObserver', why: '`observer` is never disconnected, returned or stored, so it outlives each call of `watchVisible()`' },
          line: 3,
          column: 20,
          endLine: 3,
          endColumn: 63,
        },
      ],
    },
  ],
});
