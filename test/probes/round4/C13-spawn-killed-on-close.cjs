const express = require('express');
const { spawn } = require('node:child_process');

const app = express();

/**
 * @param {import('node:child_process').ChildProcess} child
 * @param {NodeJS.Signals} [signal]
 */
function stop(child, signal = 'SIGTERM') {
  if (child.exitCode === null) child.kill(signal);
}

app.get('/logs/:service', (req, res) => {
  res.setHeader('content-type', 'text/event-stream');
  const tail = spawn('journalctl', ['-f', '-u', req.params.service]);
  tail.stdout.on('data', (chunk) => {
    res.write(`data: ${JSON.stringify(chunk.toString())}\n\n`);
  });
  req.on('close', () => stop(tail, 'SIGINT'));
});

app.listen(8080);
