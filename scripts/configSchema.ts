// The JSON Schema of .techspec.jsonc (draft-07), with which VS Code completes and checks the file.
// esbuild.mjs writes it to schemas/techspec.schema.json (checked in, for editors that fetch it by
// URL) at each build, so that `rules` names exactly the engine's rules.
import { DEFAULT_SETTINGS, rules, type RuleInfo } from '../engine/index.ts';

const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'];
const ROLES = {
  id: 'The column of the task IDs.',
  title: 'The column of the task titles.',
  estimate: 'The column of the estimates (lines of code).',
  dependencies: 'The column of the IDs each task depends on.',
  ticket: 'The column of the ticket (e.g. Jira) links.',
};

export function configSchema(ruleList: readonly RuleInfo[] = rules) {
  const ruleProperty = (rule: RuleInfo, key: string) => [
    key,
    {
      $ref: '#/definitions/severity',
      description: `${rule.code} ${rule.name} (${rule.defaultSeverity} by default): ${rule.description}`,
    },
  ];
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'techspec configuration (.techspec.jsonc)',
    description:
      'Configures techspec for the specs in this folder and below, in the editor and on the command line alike. Its keys win over the techspec.* settings of VS Code, which fill what it leaves out.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string', description: 'The JSON Schema of this file, for editors.' },
      extends: {
        type: 'string',
        minLength: 1,
        description: 'Path of another config file (relative to this one) whose keys apply below this file\'s own; "rules" merge rule by rule.',
      },
      files: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        default: DEFAULT_SETTINGS.files,
        description:
          'Globs of the markdown files that are tech specs. A glob starting with ** or / matches the absolute path; any other the path relative to the workspace folder.',
      },
      rules: {
        type: 'object',
        description: 'A severity, or "off", per rule, by code (TS406) or name (unknown-dependency).',
        propertyNames: { enum: ruleList.flatMap((r) => [r.code, r.name]) },
        properties: Object.fromEntries(ruleList.flatMap((r) => [ruleProperty(r, r.code), ruleProperty(r, r.name)])),
      },
      taskIdPattern: {
        type: 'string',
        format: 'regex',
        minLength: 1,
        description: "Regular expression every task ID must match (by default the template's, ^T\\d+$ for the bundled one).",
      },
      maxTaskLines: {
        type: 'number',
        exclusiveMinimum: 0,
        default: DEFAULT_SETTINGS.maxTaskLines,
        description: 'A task whose estimate is above this many lines is flagged as too big for one pull request.',
      },
      template: {
        type: 'string',
        minLength: 1,
        description:
          "Path of the team's template markdown (relative to this file): its sections, header fields, tables and IDs are what specs are checked against.",
      },
      taskTable: {
        type: 'object',
        additionalProperties: false,
        description: "The task table's column name for each role, for templates whose column names are not recognised on their own.",
        properties: Object.fromEntries(Object.entries(ROLES).map(([role, description]) => [role, { type: 'string', minLength: 1, description }])),
      },
      readyStatus: {
        type: 'string',
        minLength: 1,
        description: 'The Status value that means the spec is ready (by default the last value the template lists, like Approved).',
      },
    },
    definitions: {
      severity: {
        enum: SEVERITIES,
        enumDescriptions: ['Reported as an error.', 'Reported as a warning.', 'Reported as information.', 'Shown as a hint only.', 'Not reported.'],
      },
    },
  };
}
