// SARIF 2.1.0, for GitHub code scanning and other viewers: the rules from the engine's list, one
// result per diagnostic, paths relative to the repository root.
import { createHash } from 'node:crypto';
import { relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { rules } from '../../engine';
// The project's address, from the root package.json (the bundler keeps only this field).
import { homepage } from '../../package.json';
import type { FileReport } from './lintFile';
import { codeOf, messageOf } from './report';

const SRCROOT = '%SRCROOT%';
const LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note', off: 'none' } as const;
const RESULT_LEVEL = ['error', 'error', 'warning', 'note', 'note'] as const;

export interface SarifContext {
  version: string;
  cwd: string;
  /** Result paths are relative to this folder (the repository root). */
  root: string;
}

export function sarif(reports: readonly FileReport[], context: SarifContext): string {
  const ruleIndex = new Map(rules.map((r, i) => [r.code, i]));
  const toUri = (path: string) => relative(context.root, resolve(context.cwd, path)).split(sep).join('/');
  const results = reports.flatMap((r) => {
    const seen = new Map<string, number>();
    return r.diagnostics.map((d) => {
      const code = codeOf(d);
      const lineText = (r.lines[d.range.start.line] ?? '').trim();
      const key = `${code}\n${lineText}`;
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      return {
        ruleId: code,
        ...(ruleIndex.has(code) ? { ruleIndex: ruleIndex.get(code) } : {}),
        level: RESULT_LEVEL[d.severity ?? 1],
        message: { text: messageOf(d) },
        locations: [location(toUri(r.path), d.range)],
        ...relatedLocations(d, toUri),
        partialFingerprints: { primaryLocationLineHash: `${createHash('sha256').update(key).digest('hex').slice(0, 16)}:${occurrence + 1}` },
      };
    });
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: 'techspec', version: context.version, semanticVersion: context.version, informationUri: homepage, rules: rules.map(ruleDescriptor) },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(context.root + sep).href } },
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function ruleDescriptor(rule: (typeof rules)[number]) {
  return {
    id: rule.code,
    name: rule.name,
    shortDescription: { text: firstSentence(rule.description) },
    fullDescription: { text: rule.description },
    help: { text: `${rule.help} To turn the rule off or change its severity: "rules": { "${rule.code}": "off" } in .techspec.jsonc.` },
    // README's rules table has an anchor per rule.
    helpUri: `${homepage}#${rule.code.toLowerCase()}`,
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
  };
}

function firstSentence(text: string): string {
  const m = /^.*?[.!?](?=\s|$)/.exec(text);
  return m ? m[0] : text;
}

/** SARIF regions are 1-based; LSP ranges are 0-based with an exclusive end. */
function region(range: Range) {
  return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

function location(uri: string, range: Range) {
  return { physicalLocation: { artifactLocation: { uri, uriBaseId: SRCROOT }, region: region(range) } };
}

function relatedLocations(d: Diagnostic, toUri: (path: string) => string) {
  const related = d.relatedInformation ?? [];
  if (!related.length) return {};
  return { relatedLocations: related.map((info, id) => ({ id, ...location(toUri(info.location.uri), info.location.range), message: { text: info.message } })) };
}
