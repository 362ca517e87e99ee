import { analyze } from '@typescript-eslint/scope-manager';
import { parse, parseAndGenerateServices } from '@typescript-eslint/typescript-estree';
import type { TSESTree } from '@typescript-eslint/utils';
import { TSESLint } from '@typescript-eslint/utils';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as ts from 'typescript';

import { walk } from './ast';
import type { AnalysisContext } from './fileCache';

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
  try {
    const { ast, services } = parseAndGenerateServices(sourceFile.text, {
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

const moduleFiles = new Map<string, { mtimeMs: number; context: AnalysisContext | null }>();
const maxModuleFiles = 2000;

/** `import { helper } from './helper'` seen from `fromFile`: the file it names, when it is one of ours. */
export function contextForRelativeImport(
  fromFile: string,
  specifier: string,
  settings: AnalysisContext['settings'],
): AnalysisContext | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const file = resolveRelativeModule(path.resolve(path.dirname(fromFile), specifier));
  if (!file) return undefined;
  const { mtimeMs } = fs.statSync(file);
  const cached = moduleFiles.get(file);
  if (cached?.mtimeMs === mtimeMs) return cached.context ?? undefined;
  let context: AnalysisContext | null = null;
  try {
    const text = fs.readFileSync(file, 'utf8');
    const ast = parse(text, { range: true, loc: true, tokens: true, comment: true, jsx: /\.[jt]sx$/.test(file) });
    context = makeContext(file, text, ast, undefined, settings);
  } catch {
    // Unreadable or unparsable: not followed.
  }
  if (moduleFiles.size >= maxModuleFiles) moduleFiles.clear();
  moduleFiles.set(file, { mtimeMs, context });
  return context ?? undefined;
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
  const scopeManager = analyze(ast, { sourceType: 'module', lib: ['esnext'] });
  const sourceCode = new TSESLint.SourceCode({
    text,
    ast: ast as TSESLint.SourceCode.Program,
    ...(parserServices && { parserServices }),
    scopeManager,
    visitorKeys: visitorKeys as TSESLint.SourceCode.VisitorKeys,
  } as TSESLint.SourceCode.SourceCodeConfig);
  return { sourceCode, filename, ...(settings && { settings }) };
}
