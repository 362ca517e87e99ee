import rule from '../../../rules/no-leaked-subscription';
import { typedRuleTester, untypedRuleTester } from '../../ruleTester';

// An object that listens to its owner (livekit's E2EE manager: the room holds it in a field and
// calls `this.e2eeManager?.setup(this)`, whose `setupEventListeners(room)` adds the room's
// listeners): with types, every call of the method in the program is read, through an index of
// the program's method calls built once per program. When each hands the caller's own `this` to
// an object the caller holds in a member, directly or through the object's own methods, the
// listeners live exactly as long as both. Still reported: one more call handing anything else (a
// module's shared room, an object the caller does not keep), and a method nothing in the program
// calls. Without types the callers in other files are unknown, and the rule does not know the
// room's kind here: it stays quiet there as before.
const manager = (callers: string): string => `
import { EventEmitter } from 'node:events';

export interface RoomManager {
  setup(room: Room): void;
}

export class Manager implements RoomManager {
  private room?: Room;

  setup(room: Room): void {
    if (room !== this.room) {
      this.room = room;
      this.listen(room);
    }
  }

  private listen(room: Room): void {
    room.on('connected', () => this.onConnected());
  }

  private onConnected(): void {}
}

export class Room extends EventEmitter {
  private manager = new Manager();
${callers}
}
`;

const ownerOnly = manager(`
  connect(): void {
    this.manager.setup(this);
  }`);

const reported = (code: string) => ({
  code,
  errors: [
    {
      messageId: 'listenerNotRemoved' as const,
      line: 19,
      column: 5,
      endLine: 19,
      endColumn: 12,
      // No signal parameter is offered: the class implements an interface, whose methods' signatures it must keep.
      suggestions: [],
    },
  ],
});

typedRuleTester.run('no-leaked-subscription: an object handed its owner by every caller (typed)', rule, {
  valid: [
    ownerOnly,
    // Called from two places, each the owner handing itself to the object it holds (an optional chain too).
    manager(`
  connect(): void {
    this.manager.setup(this);
  }

  reconnect(): void {
    (this.manager as Manager | undefined)?.setup(this);
  }`),
    // Called through the interface the class implements, as livekit's room holds its manager.
    manager(`
  private held: RoomManager | undefined = new Manager();

  connect(): void {
    this.held?.setup(this);
  }`),
  ],
  invalid: [
    // A call through the interface that hands something else counts as well.
    reported(
      manager(`
  private held: RoomManager = new Manager();

  connect(other: Room): void {
    this.manager.setup(this);
    this.held.setup(other);
  }`),
    ),
    // One more call hands a module's shared room, which outlives every manager wired to it.
    reported(`${ownerOnly.trimEnd()}
const shared = new Room();
export function wire(other: Manager): void {
  other.setup(shared);
}
`),
    // The caller hands itself to an object it does not keep: nothing says who owns whom.
    reported(
      manager(`
  connect(): void {
    new Manager().setup(this);
  }`),
    ),
    // Nothing in the program calls it: the real shape, whoever calls it from outside.
    reported(manager('')),
  ],
});

untypedRuleTester.run('no-leaked-subscription: an object handed its owner by every caller (untyped)', rule, {
  valid: [ownerOnly],
  invalid: [],
});
