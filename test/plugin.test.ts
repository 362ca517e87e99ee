import { ESLint, Linter } from 'eslint';
import * as fs from 'node:fs';
import * as path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';

import plugin from '../src/index';
import { repositoryUrl } from '../src/createRule';

const root = path.join(__dirname, '..');
const ruleNames = Object.keys(plugin.rules);
const packageJson = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string };

describe('the plugin object', () => {
  it('names itself from package.json', () => {
    expect(plugin.meta).toEqual({ name: packageJson.name, version: packageJson.version });
  });

  it('registers every rule file, and only those', () => {
    const files = fs
      .readdirSync(path.join(root, 'rules'))
      .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
      .map((file) => file.replace(/\.ts$/, ''));
    expect(ruleNames.sort()).toEqual(files.sort());
  });

  it.each(ruleNames)('%s: documented, described the typescript-eslint way, with a schema', (name) => {
    const rule = plugin.rules[name as keyof typeof plugin.rules];
    expect(rule.meta.docs?.url).toBe(`${repositoryUrl}/blob/main/docs/rules/${name}.md`);
    expect(fs.existsSync(path.join(root, 'docs', 'rules', `${name}.md`))).toBe(true);
    expect(rule.meta.docs?.description).toMatch(/^(Disallow|Require|Enforce) [^.]*[^.]$/);
    expect(Array.isArray(rule.meta.schema)).toBe(true);
    for (const messageId of Object.keys(rule.meta.messages)) expect(messageId).toMatch(/^[a-z][a-zA-Z]*$/);
    const doc = fs.readFileSync(path.join(root, 'docs', 'rules', `${name}.md`), 'utf8');
    for (const option of optionNames(rule.meta.schema)) expect(doc).toContain(`\`${option}\``);
  });

  it('derives both configs from rule metadata', () => {
    const recommended = plugin.configs.recommended.rules ?? {};
    const typeChecked = plugin.configs['recommended-type-checked'].rules ?? {};
    for (const [name, rule] of Object.entries(plugin.rules)) {
      const docs = rule.meta.docs;
      expect(recommended[`leaks/${name}`]).toBe(docs?.recommended && !docs.requiresTypeChecking ? 'error' : undefined);
      expect(typeChecked[`leaks/${name}`]).toBe(docs?.recommended ? 'error' : undefined);
    }
    for (const key of [...Object.keys(recommended), ...Object.keys(typeChecked)]) {
      expect(ruleNames).toContain(key.replace(/^leaks\//, ''));
    }
    expect(plugin.configs.recommended.name).toBe('leaks/recommended');
    expect(plugin.configs['recommended-type-checked'].name).toBe('leaks/recommended-type-checked');
  });
});

describe('every rule on odd input', () => {
  const linter = new Linter();

  it.each(ruleNames)('%s: survives an empty file, JavaScript and TypeScript', (name) => {
    const rules = { [`leaks/${name}`]: 'error' } as Linter.RulesRecord;
    expect(linter.verify('', [{ plugins: { leaks: plugin }, rules }] as unknown as Linter.Config[], 'empty.js')).toEqual([]);
    expect(
      linter.verify('', [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { leaks: plugin }, rules }] as unknown as Linter.Config[], 'empty.ts'),
    ).toEqual([]);
  });

  it('rejects invalid options with a readable schema error', async () => {
    const eslint = new ESLint({
      overrideConfigFile: true,
      overrideConfig: [
        {
          plugins: { leaks: plugin as unknown as ESLint.Plugin },
          rules: { 'leaks/no-leaked-subscription': ['error', { entryFunctions: 'main' }] },
        },
      ],
    });
    await expect(eslint.lintText('')).rejects.toThrow('Value "main" should be array.');
    const other = new ESLint({
      overrideConfigFile: true,
      overrideConfig: [
        {
          plugins: { leaks: plugin as unknown as ESLint.Plugin },
          rules: { 'leaks/require-signal-propagation': ['error', { allow: [{ from: 'file', name: 'x' }] }] },
        },
      ],
    });
    await expect(other.lintText('')).rejects.toThrow('Value "file" should be equal to one of the allowed values.');
  });
});

function optionNames(schema: unknown): string[] {
  const list = Array.isArray(schema) ? schema : [];
  return list.flatMap((entry: { properties?: Record<string, unknown> }) => Object.keys(entry.properties ?? {}));
}
