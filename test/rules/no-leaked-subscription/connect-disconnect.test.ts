import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

runInBothModes('no-leaked-subscription: disconnect() ends what connect() opened', rule, {
  valid: [
    // disconnect() closes the socket connect() opened
    `
import WebSocket from 'ws';

export class Transport {
  ws: WebSocket | null = null;
  connect(url: string) {
    this.ws = new WebSocket(url);
    this.ws.on('message', (data) => console.log(String(data)));
  }
  disconnect() {
    this.ws?.close(1000, 'Disconnecting');
    this.ws = null;
  }
}
`,
    // the queue worker lives across reconnects: disconnect() answers only for what connect() opened
    `
import WebSocket from 'ws';

export class Transport {
  ws: WebSocket | null = null;
  worker = setInterval(() => this.flush(), 10_000);
  flush() {}
  connect(url: string) {
    this.ws = new WebSocket(url);
  }
  disconnect() {
    this.ws?.close();
  }
}
`,
  ],
  invalid: [
    {
      // each disconnect-and-connect leaves the old socket open
      code: `
import WebSocket from 'ws';

export class Transport {
  ws: WebSocket | null = null;
  connected = false;
  connect(url: string) {
    this.ws = new WebSocket(url);
    this.ws.on('open', () => (this.connected = true));
  }
  disconnect() {
    this.connected = false;
  }
}
`,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'new WebSocket(url)', label: 'a WebSocket', member: 'this.ws', teardown: 'disconnect' },
          line: 8,
          column: 15,
          endLine: 8,
          endColumn: 33,
        },
      ],
      output: `
import WebSocket from 'ws';

export class Transport {
  ws: WebSocket | null = null;
  connected = false;
  connect(url: string) {
    this.ws = new WebSocket(url);
    this.ws.on('open', () => (this.connected = true));
  }
  disconnect() {
    this.connected = false;
    this.ws?.close();
  }
}
`,
    },
    {
      // \`this.ws && …\` hands on only an empty socket: reading it in isConnected() closes nothing
      code: `
import WebSocket from 'ws';

export class Transport {
  ws: WebSocket | null = null;
  connect(url: string) {
    this.ws = new WebSocket(url);
  }
  isConnected() {
    return this.ws && this.ws.readyState === WebSocket.OPEN;
  }
  disconnect() {
    if (this.isConnected()) console.log('disconnecting');
    this.ws = null;
  }
}
`,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'new WebSocket(url)', label: 'a WebSocket', member: 'this.ws', teardown: 'disconnect' },
          line: 7,
          column: 15,
          endLine: 7,
          endColumn: 33,
        },
      ],
    },
  ],
});
