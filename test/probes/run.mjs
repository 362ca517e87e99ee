// Probe runner: lint each program in both modes, score against expect.mjs, apply each fix/suggestion alone and typecheck.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { expected } from './expect.mjs';
const WT = process.env.WT ?? '/work/main';
const req = createRequire(path.join(WT, 'package.json'));
const { ESLint } = req('eslint');
const tsParser = req('@typescript-eslint/parser');
const plugin = req(path.join(WT, 'dist/src/index.js'));
const root = process.env.PROBE_ROOT ?? path.dirname(new URL(import.meta.url).pathname);
const ts = createRequire(path.join(root, 'package.json'))('typescript');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const checkFixes = !process.argv.includes('--no-fixes');
const files = fs.readdirSync(path.join(root, 'src')).filter((f) => /^[LCX]\d/.test(f)).filter((f) => !only.length || only.some((o) => f.includes(o))).sort();

function config(typed) {
  const base = typed ? plugin.configs['recommended-type-checked'] : plugin.configs.recommended;
  if (typed) return [{ files: ['**/*.{ts,tsx,js,cjs,mjs}'], ...base, languageOptions: { parser: tsParser, parserOptions: { project: './tsconfig.json', tsconfigRootDir: root } } }];
  return [
    { files: ['**/*.{ts,tsx,js,cjs,mjs}'], ...base },
    { files: ['**/*.{ts,tsx}'], languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } } },
    { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
  ];
}
const eslints = { untyped: new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: config(false) }), typed: new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: config(true) }) };

// Typecheck with one file's text replaced.
const parsed = ts.getParsedCommandLine ? null : null;
const cfg = ts.parseJsonConfigFileContent(ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile).config, ts.sys, root);
let oldProgram;
function diagnostics(fileName, text) {
  const host = ts.createCompilerHost(cfg.options);
  const orig = host.getSourceFile;
  host.getSourceFile = (f, lang, ...rest) => (path.resolve(f) === fileName && text !== undefined ? ts.createSourceFile(f, text, lang) : orig.call(host, f, lang, ...rest));
  const program = ts.createProgram({ rootNames: cfg.fileNames, options: cfg.options, host, oldProgram: text === undefined ? oldProgram : undefined });
  if (text === undefined) oldProgram = program;
  const sf = program.getSourceFile(fileName);
  return [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)].map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '));
}
function applyFix(text, fix) { return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]); }

const rows = [];
for (const f of files) {
  const full = path.join(root, 'src', f);
  const text = fs.readFileSync(full, 'utf8');
  const leaky = f.startsWith('L');
  const baseDiag = checkFixes ? diagnostics(full) : [];
  const row = { f };
  for (const mode of ['untyped', 'typed']) {
    const [result] = await eslints[mode].lintText(text, { filePath: full });
    const msgs = result.messages;
    const fatal = msgs.filter((m) => m.fatal || !m.ruleId);
    const ours = msgs.filter((m) => m.ruleId);
    const exp = expected[f];
    const hit = (m) => exp && exp.rules.some((r) => m.ruleId === `leaks/${r}`) && exp.lines.includes(m.line);
    const hits = ours.filter(hit), extra = ours.filter((m) => !hit(m));
    let verdict = leaky ? (hits.length ? 'hit' : 'MISS') : ours.length ? 'FALSE' : 'ok';
    const broken = [];
    if (checkFixes) {
      const edits = [];
      for (const m of ours) {
        if (m.fix) edits.push({ kind: 'fix', m, fix: m.fix });
        for (const s of m.suggestions ?? []) edits.push({ kind: `sugg:${s.messageId ?? s.desc}`, m, fix: s.fix });
      }
      for (const e of edits) {
        const out = applyFix(text, e.fix);
        const d = diagnostics(full, out);
        const newErrs = d.filter((x) => !baseDiag.includes(x));
        // re-lint the fixed text: it must parse
        const [r2] = await eslints[mode].lintText(out, { filePath: full });
        const fatal2 = r2.messages.filter((x) => x.fatal);
        if (newErrs.length || fatal2.length) broken.push({ at: `${e.m.line}:${e.m.column}`, kind: e.kind, errs: [...newErrs, ...fatal2.map((x) => x.message)].slice(0, 3) });
      }
      row[`${mode}Edits`] = edits.length;
    }
    row[mode] = verdict;
    row[`${mode}Msgs`] = ours.map((m) => `${m.ruleId.replace('leaks/', '')}@${m.line}:${m.column}${hit(m) ? '' : '(extra)'} ${m.fix ? '[fix]' : ''}${m.suggestions?.length ? `[${m.suggestions.length} sugg]` : ''} ${m.message.slice(0, 140)}`);
    row[`${mode}Broken`] = broken;
    if (fatal.length) row[`${mode}Fatal`] = fatal.map((m) => m.message);
  }
  rows.push(row);
}
const count = (mode, v) => rows.filter((r) => r[mode] === v).length;
for (const r of rows) {
  console.log(`\n== ${r.f}: untyped ${r.untyped}, typed ${r.typed}`);
  for (const mode of ['untyped', 'typed']) {
    for (const m of r[`${mode}Msgs`]) console.log(`  ${mode}: ${m}`);
    for (const b of r[`${mode}Broken`]) console.log(`  ${mode} BROKEN ${b.kind} at ${b.at}: ${b.errs.join(' | ')}`);
    if (r[`${mode}Fatal`]) console.log(`  ${mode} FATAL ${r[`${mode}Fatal`].join(' | ')}`);
  }
}
console.log('\nsummary');
for (const mode of ['untyped', 'typed']) {
  const brokenN = rows.reduce((n, r) => n + r[`${mode}Broken`].length, 0);
  const edits = rows.reduce((n, r) => n + (r[`${mode}Edits`] ?? 0), 0);
  console.log(`${mode}: hits ${count(mode, 'hit')}, misses ${count(mode, 'MISS')}, false alarms ${count(mode, 'FALSE')}, ok ${count(mode, 'ok')}, broken edits ${brokenN}/${edits}`);
}
