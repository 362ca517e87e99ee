import * as fs from 'node:fs';
import * as path from 'node:path';

import { resolveRelativeModule } from './otherFiles';

/** A package a linted file belongs to, read from its `package.json`. */
interface OwnPackage {
  name: string;
  /** The files its entry hands out as the package itself, with the export that is it: `built/Redis.js` → `default`. */
  entryExports: ReadonlyMap<string, string>;
}

/** Packages by directory (`null`: none found, or one the knowledge base does not know). */
const packagesByDirectory = new Map<string, OwnPackage | null>();
const maxDirectories = 4096;

/** `module.exports = require("./Redis").default` (`*` without a member). */
const cjsEntry = /\bmodule\.exports\s*=\s*require\(\s*(['"])(\.[^'"\n]+)\1\s*\)(?:\.([A-Za-z_$][\w$]*))?/g;
/** `export { default } from './client'`. */
const esmEntry = /\bexport\s*\{\s*default\s*\}\s*from\s*(['"])(\.[^'"\n]+)\1/g;
/** A relative `require(…)` or `from`: the specifiers a file may take the package's own export through. */
const relativeSpecifiers = /(?:\bfrom\s*|\brequire\s*\(\s*)(['"])(\.[^'"\n]*)\1/g;

/**
 * The relative imports of a file that name, inside a package the knowledge base knows, what the
 * package itself exports: in ioredis's own code, `require('../Redis')` is the module whose
 * `default` the package's entry hands out (`module.exports = require("./Redis").default`), so
 * its `new Redis_1.default()` opens a Redis connection as `new Redis()` does in a user's code.
 * The evidence is the package's own `package.json` name and entry, read as text (no parse); a
 * file outside such a package costs one cached directory look-up.
 *
 * `{ '../Redis': { module: 'ioredis', exportName: 'default' } }` for ioredis's `built/cluster/ConnectionPool.js`.
 *
 * @param known whether the knowledge base knows a module name (`ioredis`).
 */
export function ownPackageImports(filename: string, text: string, known: (module: string) => boolean): ReadonlyMap<string, { module: string; exportName: string }> {
  const found = new Map<string, { module: string; exportName: string }>();
  if (!path.isAbsolute(filename)) return found;
  const own = packageOf(path.dirname(filename), known);
  if (!own || own.entryExports.size === 0) return found;
  for (const match of text.matchAll(relativeSpecifiers)) {
    const specifier = match[2];
    if (specifier === undefined || found.has(specifier)) continue;
    const file = resolveRelativeModule(path.resolve(path.dirname(filename), specifier));
    const exportName = file && own.entryExports.get(file);
    if (exportName !== undefined) found.set(specifier, { module: own.name, exportName });
  }
  return found;
}

function packageOf(directory: string, known: (module: string) => boolean): OwnPackage | null {
  const cached = packagesByDirectory.get(directory);
  if (cached !== undefined) return cached;
  if (packagesByDirectory.size >= maxDirectories) packagesByDirectory.clear();
  let own: OwnPackage | null = null;
  const manifest = readJson(path.join(directory, 'package.json'));
  const parent = path.dirname(directory);
  if (manifest) {
    const name = typeof manifest['name'] === 'string' ? manifest['name'] : undefined;
    own = name !== undefined && known(name) ? { name, entryExports: entryExports(directory, manifest) } : null;
  } else if (parent !== directory && path.basename(directory) !== 'node_modules') {
    own = packageOf(parent, known);
  }
  packagesByDirectory.set(directory, own);
  return own;
}

/** What the package's entry (`main`, else `index.js`) hands out as the package, by file. */
function entryExports(root: string, manifest: Record<string, unknown>): ReadonlyMap<string, string> {
  const exports = new Map<string, string>();
  const main = typeof manifest['main'] === 'string' ? manifest['main'] : './index.js';
  const entry = resolveRelativeModule(path.resolve(root, main));
  const text = entry && readText(entry);
  if (!entry || text === undefined) return exports;
  for (const [pattern, member] of [[cjsEntry, (match: RegExpMatchArray) => match[3] ?? '*'], [esmEntry, () => 'default']] as const) {
    for (const match of text.matchAll(pattern)) {
      const file = match[2] && resolveRelativeModule(path.resolve(path.dirname(entry), match[2]));
      if (file) exports.set(file, member(match));
    }
  }
  return exports;
}

function readJson(file: string): Record<string, unknown> | undefined {
  const text = readText(file);
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function readText(file: string): string | undefined {
  // Most directories have no package.json: no error built for those (a thrown error costs its stack).
  if (!fs.existsSync(file)) return undefined;
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
