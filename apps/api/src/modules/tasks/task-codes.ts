/** The base status codes of tasks.md with their canonical labels (the `/v2/api` labels are not used). */
export const BASE_STATUSES = [
  { code: 0, name: 'Open', color: '#9E9E9E' },
  { code: 10, name: 'In Progress', color: '#2196F3' },
  { code: 20, name: 'Done', color: '#4CAF50' },
  { code: 30, name: 'Closed', color: '#607D8B' },
] as const;

export const BASE_STATUS_CODES = BASE_STATUSES.map((status) => status.code);

/** Statuses that mean the work is finished: `completed_at` is set while a task holds one. */
export const COMPLETED_STATUS_CODES = [20, 30] as const;

export const PRIORITIES = [
  { code: 10, name: 'Urgent' },
  { code: 20, name: 'High' },
  { code: 30, name: 'Normal' },
  { code: 40, name: 'Low' },
] as const;

export const PRIORITY_CODES = PRIORITIES.map((priority) => priority.code);
export const PRIORITY_NAMES = PRIORITIES.map((priority) => priority.name);

/** Custom codes are small non-negative integers, stored as smallint. */
export const MAX_STATUS_CODE = 32_767;

export const baseStatus = (code: number) => BASE_STATUSES.find((status) => status.code === code);
export const priorityName = (code: number | null): string | null => PRIORITIES.find((priority) => priority.code === code)?.name ?? null;
