import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// A method that implements a package's interface (`implements OnGatewayConnection`) is a hook the
// framework calls, not this file: what it is handed (`handleConnection(client)`) is made by the
// framework for that call, as a callback's parameters are. A listener on it dies with it.
runInBothModes('no-leaked-subscription: parameters of a framework hook', rule, {
  valid: [
    `
import { OnGatewayConnection, OnGatewayDisconnect, WebSocketGateway } from '@nestjs/websockets';
import type { Socket } from 'node:net';

@WebSocketGateway()
export class LineGateway implements OnGatewayConnection, OnGatewayDisconnect {
  handleConnection(client: Socket) {
    client.on('data', (chunk) => client.write(chunk));
  }

  handleDisconnect(client: Socket) {
    console.log('gone', client.remoteAddress);
  }
}
`,
  ],
  invalid: [
    {
      // an interface of this file is no framework's contract: anyone here may call attach()
      code: `
import type { Socket } from 'node:net';

interface Attachable {
  attach(client: Socket): void;
}

export class Relay implements Attachable {
  attach(client: Socket) {
    client.on('data', (chunk) => client.write(chunk));
  }
}
`,
      errors: [{ messageId: 'listenerNotRemoved', line: 10, column: 5, endLine: 10, endColumn: 14 }],
    },
  ],
});
