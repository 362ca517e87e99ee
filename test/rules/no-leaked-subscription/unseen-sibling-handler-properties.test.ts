import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// The class's handlers may be arrow functions held in properties rather than methods (livekit's
// room: `onLocalTrackPublished = (pub) => { pub.track?.on(…, this.onRestarted) }`, and
// `onLocalTrackUnpublished = (pub) => { pub.track?.off(…, this.onRestarted) }`): a removal in one
// of them counts as one in a method does (see unseen-sibling-method-removal.test.ts). A removal
// of another event still does not, nor one in a function that is no member of the class.
const room = (leave: string): string => `
import net from 'node:net';

export class Room {
  private received = 0;

  private onJoin = (socket: net.Socket): void => {
    socket.on('data', this.onData);
  };

${leave}

  private onData = (data: Buffer): void => {
    this.received += data.length;
  };
}
`;

const notRemoved = { messageId: 'listenerNotRemoved' as const, line: 8, column: 5, endLine: 8, endColumn: 14 };

runInBothModes('no-leaked-subscription: a listener a handler property of the class removes', rule, {
  valid: [
    room(`  private onLeave = (socket: net.Socket): void => {
    socket.off('data', this.onData);
  };`),
    room(`  private onLeave = function (this: Room, socket: net.Socket): void {
    socket.removeAllListeners('data');
  };`),
  ],
  invalid: [
    // The real shape: nothing removes it.
    { code: room(''), errors: [notRemoved] },
    // A removal of another event.
    {
      code: room(`  private onLeave = (socket: net.Socket): void => {
    socket.off('close', this.onData);
  };`),
      errors: [notRemoved],
    },
    // A function inside a property's value is no member of the class.
    {
      code: room(`  private handlers = { leave: (socket: net.Socket): void => void socket.off('data', this.onData) };`),
      errors: [notRemoved],
    },
  ],
});
