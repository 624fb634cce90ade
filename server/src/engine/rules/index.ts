import type { Rule } from '../rule';
import { missingSection } from './missing-section';
import { taskTableMissing } from './task-table-missing';
import { taskTableColumns } from './task-table-columns';
import { duplicateTaskId } from './duplicate-task-id';
import { malformedTaskId } from './malformed-task-id';
import { emptyTask } from './empty-task';
import { unknownDependency } from './unknown-dependency';
import { selfDependency } from './self-dependency';
import { noneMixedWithIds } from './none-mixed-with-ids';
import { dependencyCycle } from './dependency-cycle';
import { estLinesNotNumber } from './est-lines-not-number';
import { estLinesTooLarge } from './est-lines-too-large';
import { graphEdgeMissing } from './graph-edge-missing';
import { graphEdgeExtra } from './graph-edge-extra';
import { graphUnknownNode } from './graph-unknown-node';

/** Every rule, in code order. Codes and names are stable: settings and disable comments use them. */
export const RULES: Rule[] = [
  missingSection,
  // Task Breakdown (TS4xx) and its dependency graph (TS5xx).
  taskTableMissing, taskTableColumns, duplicateTaskId, malformedTaskId, emptyTask, unknownDependency, selfDependency,
  noneMixedWithIds, dependencyCycle, estLinesNotNumber, estLinesTooLarge, graphEdgeMissing, graphEdgeExtra, graphUnknownNode,
];
