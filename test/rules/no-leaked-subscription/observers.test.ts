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
          messageId: 'handleNotEnded',
          data: {
            label: 'a MutationObserver',
            handle: 'observer',
            ended: 'disconnected',
            code: 'new MutationObserver(() => onChange())',
          },
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
  if (signal?.aborted) observer.disconnect();
  else signal?.addEventListener('abort', () => observer.disconnect(), { once: true });
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
          messageId: 'handleDropped',
          data: { label: 'a ResizeObserver', code: 'new ResizeObserver(() => onResize())' },
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
  if (signal.aborted) observer.disconnect();
  else signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
`,
      errors: [
        {
          messageId: 'handleNotEnded',
          data: { label: 'an IntersectionObserver', handle: 'observer', ended: 'disconnected', code: 'new IntersectionObserver(…)' },
          line: 3,
          column: 20,
          endLine: 3,
          endColumn: 63,
        },
      ],
    },
  ],
});
