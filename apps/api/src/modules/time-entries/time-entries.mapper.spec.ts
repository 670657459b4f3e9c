import { describe, expect, it } from '@jest/globals';
import { formatDuration, toTimeEntryResponse, TimeEntryRow } from './time-entries.mapper';

const row = (overrides: Partial<TimeEntryRow>): TimeEntryRow => ({
  id: 'a1b2c3d4-e5f6-4890-abcd-ef1234567890',
  user_id: 100,
  contract_id: null,
  project_id: null,
  project_name: null,
  task_id: null,
  task_title: null,
  activity_description: null,
  method: 'Manually added time',
  start_time: new Date('2026-01-30T03:00:00Z'),
  end_time: new Date('2026-01-30T04:30:59Z'),
  time_zone: 'America/New_York',
  read_at: new Date('2026-01-30T05:00:00Z'),
  ...overrides,
});

describe('time entry mapping', () => {
  it('writes durations as "<H> hr", "<H> hr <M> min" or "<M> min"', () => {
    expect(formatDuration(480)).toBe('8 hr');
    expect(formatDuration(90)).toBe('1 hr 30 min');
    expect(formatDuration(45)).toBe('45 min');
    expect(formatDuration(0)).toBe('0 min');
  });

  it("dates an entry by its start in the member's zone and floors its minutes", () => {
    expect(toTimeEntryResponse(row({}))).toMatchObject({ date: '2026-01-29', duration_minutes: 90, end_time: '2026-01-30T04:30:59Z' });
  });

  it('counts a running entry up to the time of the read', () => {
    expect(toTimeEntryResponse(row({ end_time: null }))).toMatchObject({ end_time: null, duration_minutes: 120 });
  });
});
