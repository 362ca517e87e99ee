import { useEffect, useState } from 'react';

// Shows how long ago the order was placed, refreshed every second.
export function OrderAge({ placedAt }: { placedAt: number }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    setInterval(() => setNow(Date.now()), 1_000);
  }, [placedAt]);
  return <span>{Math.round((now - placedAt) / 1_000)} s ago</span>;
}
