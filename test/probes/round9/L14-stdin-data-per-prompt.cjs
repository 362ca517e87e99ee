function ask(question) {
  process.stdout.write(question);
  return new Promise((resolve) => {
    process.stdin.on('data', (chunk) => resolve(chunk.toString().trim())); // LEAK
  });
}

async function repl() {
  for (;;) {
    const line = await ask('> ');
    if (line === 'quit') break;
    console.log(eval(line));
  }
  process.stdin.pause();
}
repl();
