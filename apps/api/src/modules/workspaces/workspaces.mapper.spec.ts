import { describe, expect, it } from '@jest/globals';
import { microsecondTimestamp, plainUtcDateTime } from './workspaces.mapper';

describe('workspace timestamp shapes', () => {
  it('writes created_at with microseconds', () => {
    expect(microsecondTimestamp(new Date('2025-02-19T19:24:55.120Z'))).toBe('2025-02-19T19:24:55.120000Z');
  });

  it('writes activated_at without a zone marker, in UTC', () => {
    expect(plainUtcDateTime(new Date('2025-02-19T19:24:55.999Z'))).toBe('2025-02-19 19:24:55');
  });
});
