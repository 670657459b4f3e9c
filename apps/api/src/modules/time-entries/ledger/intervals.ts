/** A half-open span `[start, end)` in epoch milliseconds. */
export interface Span {
  start: number;
  end: number;
}

export const spanMs = (span: Span): number => span.end - span.start;
export const totalMs = (spans: readonly Span[]): number => spans.reduce((sum, span) => sum + spanMs(span), 0);

/** The parts of `span` no `busy` span covers, in time order. `busy` may be unsorted and overlapping. */
export function subtractSpans(span: Span, busy: readonly Span[]): Span[] {
  const sorted = [...busy].filter((b) => b.end > span.start && b.start < span.end).sort((a, b) => a.start - b.start);
  const free: Span[] = [];
  let cursor = span.start;
  for (const b of sorted) {
    if (b.start > cursor) free.push({ start: cursor, end: Math.min(b.start, span.end) });
    cursor = Math.max(cursor, b.end);
    if (cursor >= span.end) break;
  }
  if (cursor < span.end) free.push({ start: cursor, end: span.end });
  return free;
}

/** A period (a week) and how much more time it may take; `Infinity` when no limit applies. */
export interface Allowance extends Span {
  allowanceMs: number;
}

/**
 * Keeps the earliest time of `fragments` each period can still take, cutting the rest. Fragments are
 * split at period boundaries first, so a fragment across a week change is limited by both weeks.
 * Time outside every period is kept unchanged (callers pass periods that cover the fragments).
 */
export function fitToAllowances(fragments: readonly Span[], periods: readonly Allowance[]): Span[] {
  const left = periods.map((period) => Math.max(0, period.allowanceMs));
  const kept: Span[] = [];
  for (const fragment of [...fragments].sort((a, b) => a.start - b.start)) {
    let cursor = fragment.start;
    while (cursor < fragment.end) {
      const index = periods.findIndex((period) => period.start <= cursor && cursor < period.end);
      const pieceEnd = index < 0 ? fragment.end : Math.min(fragment.end, periods[index].end);
      const take = index < 0 ? pieceEnd - cursor : Math.min(pieceEnd - cursor, left[index]);
      if (take > 0) {
        pushMerged(kept, { start: cursor, end: cursor + take });
        if (index >= 0) left[index] -= take;
      }
      cursor = pieceEnd;
    }
  }
  return kept;
}

function pushMerged(spans: Span[], span: Span): void {
  const last = spans[spans.length - 1];
  if (last && last.end === span.start) last.end = span.end;
  else spans.push(span);
}
