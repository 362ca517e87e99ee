import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// React runs an effect (`useEffect(effect, deps)` imported from 'react') on every mount of the
// component and again whenever its dependencies change; what it starts must be ended by the
// cleanup it returns, or each run leaves one more running. Moving the start before the effect
// would run it on every render: no hoist is suggested.
runInBothModes('no-repeated-subscription: React effects', rule, {
  valid: [
    `
import { useEffect, useState } from 'react';

export function useCountdown(deadline: number) {
  const [left, setLeft] = useState(deadline - Date.now());
  useEffect(() => {
    const handle = setInterval(() => setLeft(Math.max(0, deadline - Date.now())), 1000);
    return () => clearInterval(handle);
  }, [deadline]);
  return left;
}
`,
    `
import { useEffect, useState } from 'react';

export function useOnline() {
  const [online, setOnline] = useState(true);
  useEffect(() => {
    const up = () => setOnline(true);
    window.addEventListener('online', up);
    return () => window.removeEventListener('online', up);
  }, []);
  return online;
}
`,
    `
import { useEffect, useState } from 'react';

export function useNotices(userId: string) {
  const [last, setLast] = useState('');
  useEffect(() => {
    const source = new EventSource(\`/api/users/\${userId}/notices\`);
    source.addEventListener('message', (event) => setLast(String(event.data)));
    return () => source.close();
  }, [userId]);
  return last;
}
`,
  ],
  invalid: [
    {
      code: `
import { useEffect, useState } from 'react';

export function useCountdown(deadline: number) {
  const [left, setLeft] = useState(deadline - Date.now());
  useEffect(() => {
    setInterval(() => setLeft(Math.max(0, deadline - Date.now())), 1000);
  }, [deadline]);
  return left;
}
`,
      errors: [
        {
          messageId: 'repeatedStart',
          data: { code: 'setInterval(…)', every: 'each time this React effect runs', started: 'interval' },
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 16,
        },
      ],
    },
    {
      code: `
import { useEffect } from 'react';

export function useResizeLog() {
  useEffect(() => {
    window.addEventListener('resize', () => console.log(window.innerWidth));
  }, []);
}
`,
      errors: [
        {
          messageId: 'repeatedStart',
          data: { code: 'window.addEventListener(…)', every: 'each time this React effect runs', started: "'resize' listener" },
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 28,
        },
      ],
    },
  ],
});
