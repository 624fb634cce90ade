export type {
  Span,
  HeaderField,
  Section,
  Cell,
  TableRow,
  Table,
  DependencyRef,
  Task,
  TaskColumn,
  TaskTable,
  GraphNodeRef,
  GraphEdge,
  DependencyDiagram,
  CodeBlock,
  Endpoint,
  Placeholder,
  Checkbox,
  DisableDirective,
  SpecModel,
} from './types';
export { LineIndex } from './types';
export { buildModel } from './build';
export { taskColumnOf, dependencyWords, parseEstLines, type DependencyWord } from './tasks';
export { isFlowchart, isMermaidNodeId } from './flowchart';
export { OneShotHost, type ModelHost, type Runs, type BlockAdds, type RowAdds, type RowPart } from './host';
export { ShiftingSpan, type Shift, type Lines } from './span';
