// Verdicts on corpus findings (issue 10): test/corpus/verdicts.json holds one entry per finding
// read by hand, `real` / `false` / `debatable` with a one-line reason. An entry is keyed by
// package, rule, file and line, and by the finding's subject (the first `quoted` part of its
// message), so it survives re-runs and rewordings; a finding no entry matches is unjudged.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { corpusDir } from './packages.mjs';

export const verdictsFile = path.join(corpusDir, 'verdicts.json');
export const VERDICTS = ['real', 'false', 'debatable'];

/** `lib/God.js:120:7` -> `lib/God.js:120` */
const fileLine = (where) => where.replace(/:\d+$/, '');
/** The subject of a message: its first `backticked` part, else the whole message. */
const subjectOf = (message) => /`([^`]+)`/.exec(message)?.[1] ?? message;

export function loadVerdicts() {
  try {
    return JSON.parse(readFileSync(verdictsFile, 'utf8'));
  } catch (error) {
    if (error.code === 'ENOENT') return { verdicts: [] };
    throw error;
  }
}

/** The entry that judges `finding` of `pkg`, if any (an entry with `verdict: null` is a stub). */
export function verdictFor(verdicts, pkg, finding) {
  const candidates = verdicts.verdicts.filter(
    (entry) => entry.package === pkg && entry.rule === finding.rule && entry.file === fileLine(finding.file),
  );
  return (
    candidates.find((entry) => entry.message === finding.message) ??
    candidates.find((entry) => subjectOf(entry.message) === subjectOf(finding.message))
  );
}

/**
 * Gives every finding of `runs` its `verdict` and `reason` (null when unjudged) and returns the
 * counts per set: `{ set: { findings, real, false, debatable, unjudged } }` and the unjudged.
 */
export function judge(runs, setOf) {
  const verdicts = loadVerdicts();
  const counts = {};
  const unjudged = [];
  for (const run of runs) {
    const set = setOf(run.pkg);
    const count = (counts[set] ??= { findings: 0, real: 0, false: 0, debatable: 0, unjudged: 0 });
    for (const finding of run.findings) {
      const entry = verdictFor(verdicts, run.pkg.name, finding);
      const verdict = VERDICTS.includes(entry?.verdict) ? entry.verdict : null;
      finding.verdict = verdict;
      finding.reason = verdict ? entry.reason : null;
      count.findings++;
      if (verdict) count[verdict]++;
      else {
        count.unjudged++;
        unjudged.push({ run, finding });
      }
    }
  }
  return { counts, unjudged };
}

/** "precision 9/10 (90.0 %)" over judged findings: real over real + false + debatable. */
export function precisionLine(count) {
  const judged = count.real + count.false + count.debatable;
  if (judged === 0) return 'no judged findings';
  const pct = (n) => `${((n / judged) * 100).toFixed(1)} %`;
  return (
    `precision ${count.real}/${judged} judged = ${pct(count.real)} ` +
    `(${count.real} real, ${count.false} false, ${count.debatable} debatable; ` +
    `${pct(count.real + count.debatable)} counting debatable as real), ${count.unjudged} unjudged`
  );
}

/** Adds a stub (`verdict: null`) for each unjudged finding, for a person to fill in. */
export function addStubs(unjudged) {
  const verdicts = loadVerdicts();
  for (const { run, finding } of unjudged) {
    if (verdictFor(verdicts, run.pkg.name, finding)) continue;
    verdicts.verdicts.push({
      package: run.pkg.name,
      rule: finding.rule,
      file: fileLine(finding.file),
      message: finding.message,
      verdict: null,
      reason: '',
    });
  }
  verdicts.verdicts.sort(
    (a, b) =>
      a.package.localeCompare(b.package) || a.file.localeCompare(b.file, 'en', { numeric: true }) || a.rule.localeCompare(b.rule),
  );
  writeFileSync(verdictsFile, `${JSON.stringify(verdicts, null, 2)}\n`);
  return verdicts.verdicts.length;
}
