// Applies each fix or suggestion (typed mode) alone, transpiles the program and runs it for 4 s: a
// crash other than a refused connection is a broken edit. Run beside run.mjs: WT=<worktree> node execfixes.mjs
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
const WT = process.env.WT;
const req = createRequire(path.join(WT, 'package.json'));
const { ESLint } = req('eslint');
const tsParser = req('@typescript-eslint/parser');
const plugin = req(path.join(WT, 'dist/src/index.js'));
const root = process.env.PROBE_ROOT ?? path.dirname(new URL(import.meta.url).pathname);
const ts = createRequire(path.join(root, 'package.json'))('typescript');
const only = process.argv.slice(2);
const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [{ files: ['**/*.{ts,tsx,js,cjs,mjs}'], ...plugin.configs['recommended-type-checked'], languageOptions: { parser: tsParser, parserOptions: { project: './tsconfig.json', tsconfigRootDir: root } } }] });
const files = fs.readdirSync(path.join(root, 'src')).filter((f) => /^[LC]\d/.test(f) && (!only.length || only.some((o) => f.includes(o)))).sort();
function emit(dir, name, text) {
  const ext = path.extname(name);
  if (ext === '.ts') {
    const out = ts.transpileModule(text, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, experimentalDecorators: true, emitDecoratorMetadata: true } }).outputText;
    fs.writeFileSync(path.join(dir, name.replace(/\.ts$/, '.js')), out);
    return name.replace(/\.ts$/, '.js');
  }
  fs.writeFileSync(path.join(dir, name), text);
  return name;
}
let n = 0;
for (const f of files) {
  const full = path.join(root, 'src', f);
  const text = fs.readFileSync(full, 'utf8');
  const [result] = await eslint.lintText(text, { filePath: full });
  const edits = [];
  for (const m of result.messages.filter((m) => m.ruleId)) {
    if (m.fix) edits.push({ kind: 'fix', m, fix: m.fix });
    for (const s of m.suggestions ?? []) edits.push({ kind: `sugg:${s.messageId}`, m, fix: s.fix });
  }
  for (const e of edits) {
    const dir = path.join(root, 'exec', `${f}-${n++}`);
    fs.mkdirSync(dir, { recursive: true });
    const out = text.slice(0, e.fix.range[0]) + e.fix.text + text.slice(e.fix.range[1]);
    for (const h of fs.readdirSync(path.join(root, 'src')).filter((h) => h.startsWith('h'))) emit(dir, h, fs.readFileSync(path.join(root, 'src', h), 'utf8'));
    const main = emit(dir, f, out);
    const r = spawnSync('node', [main], { cwd: dir, timeout: 4000, encoding: 'utf8', env: { ...process.env, NODE_NO_WARNINGS: '1' } });
    const err = (r.stderr || '').split('\n').filter(Boolean).slice(0, 3).join(' | ').slice(0, 300);
    console.log(`${f} ${e.kind} @${e.m.line}: ${r.signal === 'SIGTERM' ? 'ran 4 s' : `exited ${r.status}`} ${err}`);
  }
}
