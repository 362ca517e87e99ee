function ask(question) {
  process.stdout.write(question);
  return new Promise((resolve) => {
    const onData = (chunk) => {
      process.stdin.off('data', onData);
      resolve(chunk.toString().trim());
    };
    process.stdin.on('data', onData);
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
