import type { StartKind } from '../apis';
import type { AnalysisContext } from '../fileCache';
import type { Start } from '../findStart';
import { objectApiOf } from '../objectApi';

/** How messages and fixes name each kind of handle. */
export const handleWords: Partial<Record<StartKind, { label: string; ended: string; name: string }>> = {
  interval: { label: 'an interval', ended: 'cleared', name: 'interval' },
  rxSubscription: { label: 'an RxJS subscription', ended: 'unsubscribed', name: 'subscription' },
  watcher: { label: 'a file watcher', ended: 'closed', name: 'watcher' },
  eventsIterator: { label: 'an events.on() iterator', ended: 'returned', name: 'iterator' },
  subscription: { label: 'a subscription', ended: 'unsubscribed', name: 'subscription' },
  observer: { label: 'an observer', ended: 'disconnected', name: 'observer' },
};

/**
 * What a start starts, as messages name it: its family's label (`new Kafka(…).consumer()` →
 * "a Kafka consumer"), else its kind's ("an interval", "a 'job' listener").
 */
export function startLabel(context: AnalysisContext, start: Start): string {
  const method = start.object && objectApiOf(context, start.object.kind)?.starts[start.object.method];
  const label = start.call?.label ?? method?.label;
  if (label !== undefined) return label;
  if (start.kind === 'listener') return listenerLabel(start.event);
  if (start.kind === 'connection') return 'a connection';
  return handleWords[start.kind]?.label ?? 'something long-lived';
}

/** "a 'job' listener", "an 'error' listener", "a listener". */
export function listenerLabel(event: string | undefined): string {
  return event === undefined ? 'a listener' : `${/^[aeiou]/i.test(event) ? 'an' : 'a'} '${event}' listener`;
}

