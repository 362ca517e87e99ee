import type * as ScopeManager from '@typescript-eslint/scope-manager';
import type * as TypeScriptESTree from '@typescript-eslint/typescript-estree';
import type { TSESTree } from '@typescript-eslint/utils';
import { TSESLint } from '@typescript-eslint/utils';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as ts from 'typescript';

import { walk } from './ast';
import type { AnalysisContext } from './fileCache';
import { mayLeadToStarts } from './startHints';

/**
 * The parser, loaded on first use: it loads TypeScript (a quarter of a second and 60 MB), which an
 * untyped lint that never follows a call into another file should not pay for.
 */
function estree(): typeof TypeScriptESTree {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose, see above
  return require('@typescript-eslint/typescript-estree') as typeof TypeScriptESTree;
}

function scopeManager(): typeof ScopeManager {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded with the parser
  return require('@typescript-eslint/scope-manager') as typeof ScopeManager;
}

/**
 * Contexts for files other than the one being linted, so the engine can follow a call into
 * them with the same questions it asks of the linted file. Typed: built from the very program
 * the linter already has (no second program), once per file per program. Untyped: a relative
 * import parsed on its own, once per file version.
 */
const programFiles = new WeakMap<ts.Program, Map<string, AnalysisContext | null>>();

export function contextForProgramFile(
  program: ts.Program,
  sourceFile: ts.SourceFile,
  settings: AnalysisContext['settings'],
): AnalysisContext | undefined {
  let files = programFiles.get(program);
  if (!files) programFiles.set(program, (files = new Map()));
  const cached = files.get(sourceFile.fileName);
  if (cached !== undefined) return cached ?? undefined;
  let context: AnalysisContext | null = null;
  if (!mayLeadToStarts(sourceFile.text, settings)) {
    files.set(sourceFile.fileName, null);
    return undefined;
  }
  try {
    const { ast, services } = estree().parseAndGenerateServices(sourceFile.text, {
      programs: [program],
      filePath: sourceFile.fileName,
      range: true,
      loc: true,
      tokens: true,
      comment: true,
      jsx: /\.[jt]sx$/.test(sourceFile.fileName),
    });
    context = makeContext(sourceFile.fileName, sourceFile.text, ast, services, settings);
  } catch {
    // A file the parser cannot read is a file we do not follow calls into.
  }
  files.set(sourceFile.fileName, context);
  return context ?? undefined;
}

/** Relative imports' files by path: their text, and once a call needs it, their parsed context. */
const moduleFiles = new Map<string, { mtimeMs: number; text: string | undefined; context?: AnalysisContext | null }>();
const maxModuleFiles = 2000;

/** `import { helper } from './helper'` seen from `fromFile`: the file it names, when it is one of ours. */
export function contextForRelativeImport(
  fromFile: string,
  specifier: string,
  exportName: string,
  settings: AnalysisContext['settings'],
): AnalysisContext | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const file = resolveRelativeModule(path.resolve(path.dirname(fromFile), specifier));
  if (!file) return undefined;
  const { mtimeMs } = fs.statSync(file);
  let cached = moduleFiles.get(file);
  if (cached?.mtimeMs !== mtimeMs) {
    if (moduleFiles.size >= maxModuleFiles) moduleFiles.clear();
    cached = { mtimeMs, text: readText(file) };
    moduleFiles.set(file, cached);
  }
  // Parse a file only once a call needs one of its functions, and only if it could lead somewhere.
  if (cached.context === undefined) {
    const { text } = cached;
    if (text === undefined || !mayLeadToStarts(text, settings) || !mayDefineFunction(text, exportName)) return undefined;
    cached.context = parseModule(file, text, settings);
  }
  return cached.context ?? undefined;
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function parseModule(file: string, text: string, settings: AnalysisContext['settings']): AnalysisContext | null {
  try {
    // No tokens or comments: the engine only reads scopes, nodes and text of followed files.
    const ast = estree().parse(text, { range: true, loc: true, jsx: /\.[jt]sx$/.test(file) });
    Object.assign(ast, { tokens: [], comments: [] });
    return makeContext(file, text, ast, undefined, settings);
  } catch {
    // Unparsable: not followed.
    return null;
  }
}

/** Whether the text could export a function by that name: `function name`, `name = (…) =>`, `export { name }`, `export default`. */
function mayDefineFunction(text: string, name: string): boolean {
  if (name === 'default') return text.includes('export default');
  const escaped = name.replace(/[$]/g, '\\$');
  return new RegExp(`function\\s*\\*?\\s*${escaped}\\b|\\b${escaped}\\s*=\\s*(?:async\\s*)?(?:function|\\(|[\\w$]+\\s*=>)|export\\s*\\{[^}]*\\b${escaped}\\b`).test(text);
}

const moduleExtensions = ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.jsx'];

function resolveRelativeModule(base: string): string | undefined {
  const withoutJs = base.replace(/\.[cm]?jsx?$/, '');
  const candidates = [
    base,
    ...moduleExtensions.map((extension) => withoutJs + extension),
    ...moduleExtensions.map((extension) => path.join(base, `index${extension}`)),
  ];
  return candidates.find((candidate) => {
    try {
      return fs.statSync(candidate).isFile();
    } catch {
      return false;
    }
  });
}

function makeContext(
  filename: string,
  text: string,
  ast: TSESTree.Program,
  parserServices: object | undefined,
  settings: AnalysisContext['settings'],
): AnalysisContext {
  // Rules rely on `parent`; the linter sets it for linted files, we set it here.
  walk(ast, (node, parent) => {
    if (parent) (node as { parent?: TSESTree.Node }).parent = parent;
  });
  const scopes = scopeManager().analyze(ast, { sourceType: 'module', lib: ['esnext'] });
  const sourceCode = new TSESLint.SourceCode({
    text,
    ast: ast as TSESLint.SourceCode.Program,
    ...(parserServices && { parserServices }),
    scopeManager: scopes,
    visitorKeys: visitorKeys as TSESLint.SourceCode.VisitorKeys,
  } as TSESLint.SourceCode.SourceCodeConfig);
  return { sourceCode, filename, ...(settings && { settings }) };
}
