import * as path from 'node:path';

/** One message of ESLint's results, where it is: what the report reads of `ESLint.LintResult`. */
export interface Finding {
  file: string;
  line: number;
  column: number;
  endLine?: number | undefined;
  endColumn?: number | undefined;
  /** `null` for a file that could not be parsed. */
  ruleId: string | null;
  messageId?: string | undefined;
  message: string;
  severity: 'error' | 'warning';
}

/** A function on a defect's call path: `subscribeNewTaskMsgIfAvailable (subscribe.ts:4)`. */
export interface PathStep {
  name?: string;
  /** Absolute when the run linted a file by that name, else the name the message gives. */
  file: string;
  line: number;
  column?: number;
}

/** One defect: where it is reported, the calls that lead to what it starts, and the other findings about the same start. */
export interface Defect {
  finding: Finding;
  /** From the reported call down to the start, both included; empty for a defect in one place. */
  path: PathStep[];
  /** The same start reported by another rule, e.g. the helper's `no-leaked-subscription` under a job's `no-repeated-subscription`. */
  related: Finding[];
}

/** The call path a message ends with: `helper (jobs.ts:4) → sub.subscribe (subscribe.ts:7)`, the start last. */
const stepPattern = /((?:new )?[\w$.#]+) \(([^\s():]+\.[cm]?[jt]sx?):(\d+)\)/g;

/** The file among those linted with this base name, nearest to `near` (most path segments in common). */
function locate(name: string, near: string, linted: readonly string[]): string {
  let best: string | undefined;
  let bestShared = -1;
  for (const file of linted) {
    if (path.basename(file) !== name) continue;
    const a = path.dirname(file).split(path.sep);
    const b = path.dirname(near).split(path.sep);
    let shared = 0;
    while (shared < a.length && a[shared] === b[shared]) shared++;
    if (shared > bestShared) [best, bestShared] = [file, shared];
  }
  return best ?? name;
}

/**
 * Groups findings into defects: a finding whose message names a call path (a job calling a
 * helper that starts something) takes the finding reported at that start with it, so one bug is
 * shown once, with its path, instead of once per rule.
 *
 * `daemon.ts:22 no-repeated-subscription (…: sub.subscribe (subscribe.ts:7))` + `subscribe.ts:7 no-leaked-subscription`
 * → one defect at daemon.ts:22, path daemon.ts:22 → subscribe.ts:7, the second finding related.
 * The files the message names by their base names are named relative to `cwd` instead.
 */
export function groupDefects(findings: readonly Finding[], linted: readonly string[], cwd: string): Defect[] {
  const defects: Defect[] = [];
  const grouped = new Set<Finding>();
  const withPath = new Set<Finding>();
  for (const finding of findings) {
    if (finding.ruleId !== 'leaks/no-repeated-subscription' || finding.messageId !== 'repeatedCall') continue;
    const steps: PathStep[] = [...finding.message.matchAll(stepPattern)].map((step) => ({
      name: step[1] ?? '',
      file: locate(step[2] ?? '', finding.file, linted),
      line: Number(step[3]),
    }));
    const start = steps.pop();
    if (!start) continue;
    const { file: startFile, line: startLine } = start;
    withPath.add(finding);
    const related = findings.filter(
      (other) => other !== finding && other.file === startFile && other.line === startLine && other.ruleId?.startsWith('leaks/'),
    );
    for (const other of related) grouped.add(other);
    const startColumn = related[0]?.column;
    const callee = /^`([\w$.#]+\(\))`/.exec(finding.message)?.[1];
    const message = finding.message.replace(stepPattern, (step: string, name: string, file: string, line: string) => {
      const found = locate(file, finding.file, linted);
      return path.isAbsolute(found) ? `${name} (${shownFile(found, cwd)}:${line})` : step;
    });
    defects.push({
      finding: { ...finding, message },
      path: [
        { ...(callee && { name: callee }), file: finding.file, line: finding.line, column: finding.column },
        ...steps,
        { ...start, ...(startColumn !== undefined && { column: startColumn }) },
      ],
      related,
    });
  }
  for (const finding of findings) {
    if (!withPath.has(finding) && !grouped.has(finding)) defects.push({ finding, path: [], related: [] });
  }
  return defects.sort((a, b) => compare(a.finding, b.finding));
}

function compare(a: Finding, b: Finding): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
}

/** `src/jobs.ts` relative to `cwd`, with `/`. */
function shownFile(file: string, cwd: string): string {
  return path.isAbsolute(file) ? path.relative(cwd, file).split(path.sep).join('/') : file;
}

/** `src/jobs.ts:4:3` relative to `cwd`, with `/`. */
function where(file: string, line: number, column: number | undefined, cwd: string): string {
  const shown = shownFile(file, cwd);
  return column === undefined ? `${shown}:${line}` : `${shown}:${line}:${column}`;
}

/** ESLint's stylish layout, one defect per entry, its path and related findings beneath it. */
export function formatStylish(defects: readonly Defect[], cwd: string, fileCount: number): string {
  const lines: string[] = [];
  let file: string | undefined;
  for (const { finding, path: steps, related } of defects) {
    if (finding.file !== file) {
      if (file !== undefined) lines.push('');
      file = finding.file;
      lines.push(where(file, finding.line, undefined, cwd).replace(/:\d+$/, ''));
    }
    const rule = finding.ruleId ?? 'parse error';
    lines.push(`  ${finding.line}:${finding.column}  ${finding.severity}  ${finding.message}  ${rule}`);
    if (steps.length > 0) {
      const shown = steps.map((step) => `${where(step.file, step.line, step.column, cwd)}${step.name ? ` ${step.name}` : ''}`);
      lines.push(`      path: ${shown.join(' → ')}`);
    }
    for (const other of related) {
      lines.push(`      also reported at ${where(other.file, other.line, other.column, cwd)}  ${other.ruleId ?? ''}`);
      lines.push(`        ${other.message}`);
    }
  }
  const problems = defects.length;
  const files = new Set(defects.map((defect) => defect.finding.file)).size;
  if (problems === 0) return `No leaks found in ${fileCount} file${fileCount === 1 ? '' : 's'}.\n`;
  const folded = defects.reduce((count, defect) => count + defect.related.length, 0);
  lines.push(
    '',
    `✖ ${problems} problem${problems === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'} (${fileCount} linted)` +
      (folded > 0 ? `, and ${folded} finding${folded === 1 ? '' : 's'} of the same start shown under the call that leads there` : ''),
  );
  return `${lines.join('\n')}\n`;
}

/** Machine-readable: every defect with its path and related findings, paths relative to `cwd`. */
export function formatJson(defects: readonly Defect[], cwd: string, fileCount: number): string {
  const relative = <T extends { file: string }>(item: T): T => ({ ...item, file: shownFile(item.file, cwd) });
  return `${JSON.stringify(
    {
      files: fileCount,
      defects: defects.map((defect) => ({
        ...relative(defect.finding),
        path: defect.path.map(relative),
        related: defect.related.map(relative),
      })),
    },
    null,
    2,
  )}\n`;
}
