import fs from 'node:fs';

let dirs = ['/etc/app/conf.d'];

function onChange(kind, file) {
  console.log('config changed', kind, file);
}

function watchConfig() {
  for (const dir of dirs) {
    fs.watch(dir, onChange);
  }
}

watchConfig();
// `kill -HUP` re-reads the list of directories and watches them.
process.on('SIGHUP', () => {
  dirs = fs.readFileSync('/etc/app/dirs', 'utf8').split('\n').filter(Boolean);
  watchConfig();
});
