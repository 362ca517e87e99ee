import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// A function that returns its controller hands the abort to its callers. When the file shows
// every caller (the function is not exported and only called) and none of them aborts it (each
// drops the controller or only reads its `.signal`), nothing ever aborts it: reported at the
// start that took its signal. No fix.
runInBothModes('no-leaked-subscription: a returned controller that no caller aborts', rule, {
  valid: [
    // A caller aborts it.
    `
function track(target: EventTarget, onResize: () => void) {
  const ac = new AbortController();
  target.addEventListener('resize', onResize, { signal: ac.signal });
  return ac;
}
export function watch(target: EventTarget) {
  const tracking = track(target, () => undefined);
  return () => tracking.abort();
}
`,
    // Exported: callers elsewhere may abort it.
    `
export function track(target: EventTarget, onResize: () => void) {
  const ac = new AbortController();
  target.addEventListener('resize', onResize, { signal: ac.signal });
  return ac;
}
`,
    // Handed on by a caller.
    `
declare const controllers: AbortController[];
const track = (target: EventTarget, onResize: () => void) => {
  const ac = new AbortController();
  target.addEventListener('resize', onResize, { signal: ac.signal });
  return ac;
};
export function watch(target: EventTarget) {
  controllers.push(track(target, () => undefined));
}
`,
  ],
  invalid: [
    {
      code: `
function track(target: EventTarget, onResize: () => void) {
  const ac = new AbortController();
  target.addEventListener('resize', onResize, { signal: ac.signal });
  return ac;
}
export function watch(target: EventTarget) {
  const tracking = track(target, () => undefined);
  console.log('tracking', tracking.signal.aborted);
  track(target, () => console.log('again'));
}
`,
      errors: [
        {
          messageId: 'signalNeverAborted',
          data: { code: 'target.addEventListener(…)', label: "a 'resize' listener", signal: 'ac.signal', controller: 'ac' },
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 26,
        },
      ],
    },
  ],
});
