import fc from 'fast-check';
import { fitToAllowances, Span, subtractSpans, totalMs } from './intervals';

const s = (start: number, end: number): Span => ({ start, end });

describe('subtractSpans', () => {
  it('keeps the parts no busy span covers', () => {
    expect(subtractSpans(s(0, 100), [s(10, 20), s(15, 30), s(90, 200)])).toEqual([s(0, 10), s(30, 90)]);
  });

  it('returns nothing when a running tracker (open end) covers the rest', () => {
    expect(subtractSpans(s(0, 100), [s(50, Number.POSITIVE_INFINITY)])).toEqual([s(0, 50)]);
  });

  it('never overlaps a busy span and never leaves the span (property)', () => {
    const spanArb = fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 300 })).map(([a, len]) => s(a, a + len));
    fc.assert(
      fc.property(spanArb, fc.array(spanArb, { maxLength: 8 }), (span, busy) => {
        const free = subtractSpans(span, busy);
        for (const part of free) {
          expect(part.start).toBeGreaterThanOrEqual(span.start);
          expect(part.end).toBeLessThanOrEqual(span.end);
          expect(part.end).toBeGreaterThan(part.start);
          for (const b of busy) expect(part.end <= b.start || part.start >= b.end).toBe(true);
        }
        // Every free millisecond plus every covered one adds up to the span.
        const covered = totalMs(subtractSpans(span, free));
        expect(totalMs(free) + covered).toBe(span.end - span.start);
      }),
    );
  });
});

describe('fitToAllowances', () => {
  it('keeps the earliest time each period allows, split at the period boundary', () => {
    const periods = [
      { start: 0, end: 100, allowanceMs: 30 },
      { start: 100, end: 200, allowanceMs: 10 },
    ];
    expect(fitToAllowances([s(50, 70), s(80, 150)], periods)).toEqual([s(50, 70), s(80, 90), s(100, 110)]);
  });

  it('keeps nothing when the allowance is used up or negative', () => {
    expect(fitToAllowances([s(0, 10)], [{ start: 0, end: 100, allowanceMs: -5 }])).toEqual([]);
  });
});
