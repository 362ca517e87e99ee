import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, Region } from 'sarif';

import type { Defect, Finding, PathStep } from './cliReport';
import { repositoryUrl } from './createRule';

/** A rule as SARIF describes it: what `plugin.rules` knows of each. */
export interface RuleInfo {
  id: string;
  description: string;
  url: string | undefined;
}

/**
 * SARIF 2.1.0 for code scanning (GitHub's `upload-sarif`, Azure DevOps, IDE viewers): one result
 * per defect, its call path as a code flow, the other findings about the same start as related
 * locations, and files that could not be parsed as tool notifications.
 */
export function formatSarif(defects: readonly Defect[], cwd: string, rules: readonly RuleInfo[], version: string): string {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const uri = (file: string): string => (path.isAbsolute(file) ? path.relative(cwd, file).split(path.sep).join('/') : file);
  const physical = (file: string, line: number, column?: number, endLine?: number, endColumn?: number): { artifactLocation: { uri: string; uriBaseId: string }; region: Region } => ({
    artifactLocation: { uri: uri(file), uriBaseId: '%SRCROOT%' },
    region: {
      startLine: line,
      ...(column !== undefined && { startColumn: column }),
      ...(endLine !== undefined && { endLine }),
      ...(endColumn !== undefined && { endColumn }),
    },
  });
  const ofFinding = (finding: Finding) => physical(finding.file, finding.line, finding.column, finding.endLine, finding.endColumn);
  const ofStep = (step: PathStep) => physical(step.file, step.line, step.column);
  const found = defects.filter((defect) => defect.finding.ruleId !== null);
  const unparsed = defects.filter((defect) => defect.finding.ruleId === null);
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'eslint-plugin-leaks',
            version,
            informationUri: repositoryUrl,
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              ...(rule.url && { helpUri: rule.url }),
              defaultConfiguration: { level: 'error' },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd + path.sep).href } },
        invocations: [
          {
            executionSuccessful: unparsed.length === 0,
            toolExecutionNotifications: unparsed.map(({ finding }) => ({
              level: 'error',
              message: { text: finding.message },
              locations: [{ physicalLocation: ofFinding(finding) }],
            })),
          },
        ],
        results: found.map(({ finding, path: steps, related }) => ({
          ruleId: finding.ruleId ?? '',
          ...(ruleIndex.has(finding.ruleId ?? '') && { ruleIndex: ruleIndex.get(finding.ruleId ?? '') }),
          level: finding.severity,
          message: { text: finding.message },
          locations: [{ physicalLocation: ofFinding(finding) }],
          ...(related.length > 0 && {
            relatedLocations: related.map((other, index) => ({
              id: index + 1,
              physicalLocation: ofFinding(other),
              message: { text: `${other.ruleId ?? ''}: ${other.message}` },
            })),
          }),
          ...(steps.length > 0 && {
            codeFlows: [
              {
                threadFlows: [
                  {
                    locations: steps.map((step, index) => ({
                      location: {
                        physicalLocation: ofStep(step),
                        message: { text: index === 0 ? 'called here' : index === steps.length - 1 ? 'started here, never ended' : `calls into ${step.name ?? 'a function'}` },
                      },
                    })),
                  },
                ],
              },
            ],
          }),
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
