// Renderer process: answers each request on the IPC channel and stays up for more.
process.on('message', (/** @type {any} */ msg) => {
  process.send?.({ ok: true, result: `rendered ${msg.id}` });
});
