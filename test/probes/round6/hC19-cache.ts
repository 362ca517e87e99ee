import { EventEmitter } from 'node:events';

// Process-wide cache; emits `flush` when an admin clears it.
class Cache extends EventEmitter {
  private readonly entries = new Map<string, unknown>();
  get(key: string): unknown { return this.entries.get(key); }
  set(key: string, value: unknown): void { this.entries.set(key, value); }
  flush(): void {
    this.entries.clear();
    this.emit('flush');
  }
}

export const cache = new Cache();
