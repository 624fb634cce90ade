import type { Rule } from '../rule';
import { missingSection } from './missing-section';
import { sectionOrder } from './section-order';
import { duplicateSection } from './duplicate-section';
import { statusMissing } from './status-missing';
import { statusInvalid } from './status-invalid';
import { authorMissing } from './author-missing';
import { prdLinkNotLink } from './prd-link-not-link';
import { lastUpdatedInvalid } from './last-updated-invalid';
import { lastUpdatedFuture } from './last-updated-future';
import { placeholder } from './placeholder';
import { tableCellCount } from './table-cell-count';
import { riskLevelInvalid } from './risk-level-invalid';
import { riskWithoutMitigation } from './risk-without-mitigation';
import { endpointHeadingInvalid } from './endpoint-heading-invalid';
import { duplicateEndpoint } from './duplicate-endpoint';
import { errorStatusInvalid } from './error-status-invalid';
import { invalidJson } from './invalid-json';
import { approvedWithPlaceholders } from './approved-with-placeholders';
import { approvedWithOpenQuestions } from './approved-with-open-questions';
import { taskTableMissing } from './task-table-missing';
import { taskTableColumns } from './task-table-columns';
import { duplicateTaskId } from './duplicate-task-id';
import { malformedTaskId } from './malformed-task-id';
import { emptyTask } from './empty-task';
import { unknownDependency } from './unknown-dependency';
import { selfDependency } from './self-dependency';
import { invisibleCharacter } from './invisible-character';
import { noneMixedWithIds } from './none-mixed-with-ids';
import { dependencyCycle } from './dependency-cycle';
import { estLinesNotNumber } from './est-lines-not-number';
import { estLinesTooLarge } from './est-lines-too-large';
import { ticketKeyInvalid } from './ticket-key-invalid';
import { duplicateTicket } from './duplicate-ticket';
import { graphEdgeMissing } from './graph-edge-missing';
import { graphEdgeExtra } from './graph-edge-extra';
import { graphUnknownNode } from './graph-unknown-node';
import { c4UnknownMacro } from './c4-unknown-macro';
import { c4UnknownAlias } from './c4-unknown-alias';
import { c4DuplicateAlias } from './c4-duplicate-alias';
import { c4ArgumentCount } from './c4-argument-count';
import { c4UnbalancedBrace } from './c4-unbalanced-brace';
import { statedTotalMismatch } from './stated-total-mismatch';
import { planOrder } from './plan-order';
import { repoLinkMissing } from './repo-link-missing';

/** Every rule, in code order. Codes and names are stable: settings and disable comments use them. */
export const RULES: Rule[] = [
  missingSection,
  sectionOrder,
  duplicateSection,
  // Header (TS2xx) and placeholders (TS301).
  statusMissing,
  statusInvalid,
  authorMissing,
  prdLinkNotLink,
  lastUpdatedInvalid,
  lastUpdatedFuture,
  placeholder,
  // Task Breakdown (TS4xx) and its dependency graph (TS5xx).
  taskTableMissing,
  taskTableColumns,
  duplicateTaskId,
  malformedTaskId,
  emptyTask,
  unknownDependency,
  selfDependency,
  noneMixedWithIds,
  dependencyCycle,
  estLinesNotNumber,
  estLinesTooLarge,
  ticketKeyInvalid,
  duplicateTicket,
  invisibleCharacter,
  graphEdgeMissing,
  graphEdgeExtra,
  graphUnknownNode,
  // Tables (TS601), risks (TS7xx), API design (TS8xx), readiness (TS9xx).
  tableCellCount,
  riskLevelInvalid,
  riskWithoutMitigation,
  endpointHeadingInvalid,
  duplicateEndpoint,
  errorStatusInvalid,
  invalidJson,
  approvedWithPlaceholders,
  approvedWithOpenQuestions,
  // C4 architecture diagrams (TS10xx).
  c4UnknownMacro,
  c4UnknownAlias,
  c4DuplicateAlias,
  c4ArgumentCount,
  c4UnbalancedBrace,
  // The plan around the table (TS1101, TS1102) and links to repository files (TS1103).
  statedTotalMismatch,
  planOrder,
  repoLinkMissing,
];
