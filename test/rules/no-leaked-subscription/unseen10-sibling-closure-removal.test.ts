import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// A listener added to a parameter of an enclosing function is removed where that function's other
// closures remove it: minecraft-protocol's `registerChannel()` adds the payload listener for the
// first channel, and its sibling `unregisterChannel()` removes it with the last. The end is looked
// for in the function that declares the parameter, not only in the closure that adds.
runInBothModes('no-leaked-subscription: removed by a sibling closure of the parameter\'s function', rule, {
  valid: [
    `
import { EventEmitter } from 'node:events';

export function pluginChannels(client: EventEmitter) {
  const channels: string[] = [];
  function registerChannel(name: string) {
    channels.push(name);
    if (channels.length === 1) client.on('custom_payload', onCustomPayload);
  }
  function unregisterChannel(name: string) {
    const index = channels.indexOf(name);
    if (index < 0) return;
    channels.splice(index, 1);
    if (channels.length === 0) client.removeListener('custom_payload', onCustomPayload);
  }
  function onCustomPayload(packet: { channel: string }) {
    client.emit('error', new Error(packet.channel));
  }
  registerChannel('register');
  return { registerChannel, unregisterChannel };
}
`,
  ],
  invalid: [
    // No closure of the declaring function removes it.
    {
      code: `
import { EventEmitter } from 'node:events';

export function pluginChannels(client: EventEmitter) {
  const channels: string[] = [];
  function registerChannel(name: string) {
    channels.push(name);
    if (channels.length === 1) client.on('custom_payload', onCustomPayload);
  }
  function unregisterChannel(name: string) {
    channels.splice(channels.indexOf(name), 1);
  }
  function onCustomPayload(packet: { channel: string }) {
    client.emit('error', new Error(packet.channel));
  }
  registerChannel('register');
  return { registerChannel, unregisterChannel };
}
`,
      errors: [{ messageId: 'listenerNotRemoved', line: 8, column: 32, endLine: 8, endColumn: 41 }],
    },
  ],
});
