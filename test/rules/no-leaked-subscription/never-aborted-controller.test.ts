import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// A signal ends what it is handed to only if something can abort it. The `.signal` of a local
// `new AbortController()` whose every use reads `.signal` (never `ac.abort()`, never handed on,
// stored or returned) can never abort: the listener or watcher it was meant to end runs on.
// Reported at the start that takes the signal, naming the controller; no fix (where to abort it
// is the author's call).
runInBothModes('no-leaked-subscription: a signal whose controller nothing aborts', rule, {
  valid: [
    // The controller is aborted by the disposer it returns.
    `
export function trackResize(onResize: () => void) {
  const ac = new AbortController();
  window.addEventListener('resize', onResize, { signal: ac.signal });
  return () => ac.abort();
}
`,
    // The controller itself is handed back: its owner aborts it.
    `
export function trackResize(onResize: () => void) {
  const controller = new AbortController();
  window.addEventListener('resize', onResize, { signal: controller.signal });
  return controller;
}
`,
    // Handed to something that may abort it.
    `
declare function abortOnShutdown(controller: AbortController): void;
export function trackResize(onResize: () => void) {
  const controller = new AbortController();
  abortOnShutdown(controller);
  window.addEventListener('resize', onResize, { signal: controller.signal });
}
`,
    // A timeout aborts by itself.
    `
export function trackResize(onResize: () => void) {
  window.addEventListener('resize', onResize, { signal: AbortSignal.timeout(60_000) });
}
`,
    // Aborted on a later event: an abort anywhere counts.
    `
export function trackUntilHidden(onResize: () => void) {
  const ac = new AbortController();
  const signal = ac.signal;
  window.addEventListener('resize', onResize, { signal });
  window.addEventListener('pagehide', () => ac.abort(), { once: true });
}
`,
    // An exported controller: another module may abort it.
    `
export const shutdown = new AbortController();
export function trackResize(onResize: () => void) {
  window.addEventListener('resize', onResize, { signal: shutdown.signal });
}
`,
    // Module level: meant to last as long as the program.
    `
const ac = new AbortController();
window.addEventListener('resize', () => console.log('resized'), { signal: ac.signal });
`,
  ],
  invalid: [
    {
      code: `
export function trackResize(onResize: () => void) {
  const ac = new AbortController();
  window.addEventListener('resize', onResize, { signal: ac.signal });
}
`,
      errors: [
        {
          messageId: 'signalNeverAborted',
          data: { code: 'window.addEventListener(…)', label: "a 'resize' listener", signal: 'ac.signal', controller: 'ac' },
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 26,
        },
      ],
    },
    {
      // Read through a const; the signal's own uses (an abort listener, `.aborted`) abort nothing.
      code: `
export function trackScroll(onScroll: () => void) {
  const controller = new AbortController();
  const signal = controller.signal;
  signal.addEventListener('abort', () => console.log('stopped'), { once: true });
  window.addEventListener('scroll', () => {
    if (!signal.aborted) onScroll();
  }, { signal, passive: true });
}
`,
      errors: [
        {
          messageId: 'signalNeverAborted',
          data: { code: 'window.addEventListener(…)', label: "a 'scroll' listener", signal: 'signal', controller: 'controller' },
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 26,
        },
      ],
    },
    {
      // A watcher given a signal that can never abort.
      code: `
import { watch } from 'node:fs';
export function follow(file: string, onChange: () => void) {
  const ac = new AbortController();
  watch(file, { signal: ac.signal }, onChange);
}
`,
      errors: [
        {
          messageId: 'signalNeverAborted',
          data: { code: 'watch(…)', label: 'a file watcher', signal: 'ac.signal', controller: 'ac' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 8,
        },
      ],
    },
  ],
});
