import rule from '../../../rules/no-repeated-subscription';
import { javascriptRuleTester } from '../../ruleTester';

// Published packages ship compiled code, where `io?.disconnect()` is down-levelled through a
// temporary: Babel's `(_io = io) == null || _io.disconnect()`, TypeScript's `(_a = io) === null ||
// _a === void 0 ? void 0 : _a.disconnect()`. The end is on `io` all the same (floating-ui's
// `observeMove`, whose re-arming `refresh()` disconnects the old observer before making the next).
const observeMove = (end: string): string => `
export function observeMove(element) {
  var _a;
  let io = null;
  let timeoutId;
  function cleanup() {
    clearTimeout(timeoutId);
    ${end}
    io = null;
  }
  function refresh(threshold = 1) {
    cleanup();
    function handleObserve(entries) {
      if (entries[0].intersectionRatio !== threshold) {
        timeoutId = setTimeout(() => { refresh(1e-7); }, 1000);
      }
    }
    io = new IntersectionObserver(handleObserve, { threshold });
    io.observe(element);
  }
  refresh();
  return cleanup;
}
`;

javascriptRuleTester.run('no-repeated-subscription: ends written through down-levelled optional chains', rule, {
  valid: [
    observeMove('io?.disconnect();'),
    observeMove('(_a = io) == null || _a.disconnect();'),
    observeMove('(_a = io) === null || _a === void 0 ? void 0 : _a.disconnect();'),
    observeMove('(_a = io) == null ? void 0 : _a.disconnect();'),
    observeMove('(_a = io) !== null && _a !== void 0 && _a.disconnect();'),
  ],
  invalid: [
    // the temporary stands for another object: `io` is not ended
    {
      code: observeMove('(_a = element) === null || _a === void 0 ? void 0 : _a.disconnect();'),
      errors: [{ messageId: 'repeatedOverwrite', line: 18, column: 10 }],
    },
    // the call runs only when `io` is null: it never ends a live one
    {
      code: observeMove('(_a = io) == null && _a.disconnect();'),
      errors: [{ messageId: 'repeatedOverwrite', line: 18, column: 10 }],
    },
    {
      code: observeMove('(_a = io) === null || _a === void 0 ? _a.disconnect() : void 0;'),
      errors: [{ messageId: 'repeatedOverwrite', line: 18, column: 10 }],
    },
  ],
});
