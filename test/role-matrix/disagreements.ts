import type { CallerKey, Outcome } from './matrix.types';

/**
 * Cells where the server answers something other than the docs. The table keeps the documented outcome; an entry
 * here makes the cell assert the server's current answer instead, and fails once the two agree again (delete the
 * entry then). Every entry must be reported; none is a decision.
 */
export interface Disagreement {
  operationId: string;
  caller: CallerKey;
  server: Outcome;
  note: string;
}

export const DISAGREEMENTS: Disagreement[] = [];
