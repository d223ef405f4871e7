import type { SharedGlobalWrite } from '../engine/project';
import type { ProjectTask, TaskResult } from './analyze';
import type { EntryDeclarations, SliceOutcome, SliceTask } from './slices';

/** What the main thread and a worker thread say to each other (structured-cloned plain data). */

export type Request =
  | { kind: 'project'; task: ProjectTask }
  | { kind: 'slice-load'; slice: SliceTask }
  | { kind: 'slice-local'; declarations: EntryDeclarations['variables'][] }
  | { kind: 'slice-incoming'; writes: SharedGlobalWrite[] }
  | { kind: 'slice-again'; writes: SharedGlobalWrite[] };

export type Reply =
  | { type: 'progress'; files: number }
  | { type: 'result'; result: TaskResult }
  | { type: 'slice-declared'; declared: EntryDeclarations[] }
  | { type: 'slice-shared'; writes: SharedGlobalWrite[] }
  | { type: 'slice-result'; outcome: SliceOutcome }
  | { type: 'slice-error'; message: string };
