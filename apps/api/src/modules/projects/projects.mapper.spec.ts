import { describe, expect, it } from '@jest/globals';
import { ProjectRow, toProjectResponse } from './projects.mapper';

const row: ProjectRow = {
  id: 100,
  name: 'Marketing Campaign Q1',
  owner_id: 10,
  start_date: '2024-01-15',
  deadline: null,
  estimation: '120.00',
  budget_estimation: null,
  notes: null,
  icon: 'project-icon-1',
  is_billable: true,
  rate: '25.50',
  weekly_hours_limit: 168,
  screenshots: 'blur',
  contracts_count: 3,
  created_at: new Date('2024-01-15T09:00:00.123Z'),
  updated_at: new Date('2024-01-15T09:00:00Z'),
  deleted_at: null,
};

describe('toProjectResponse', () => {
  it('converts numerics and timestamps to the documented shapes', () => {
    const project = toProjectResponse(row, [], true);
    expect(project).toMatchObject({
      estimation: 120,
      budget_estimation: null,
      rate: 25.5,
      status: 1,
      created_at: '2024-01-15T09:00:00Z',
      deleted_at: null,
    });
  });

  it('leaves rate out entirely for callers who may not view rates', () => {
    expect(toProjectResponse(row, [], false)).not.toHaveProperty('rate');
  });

  it('reports archived projects with status 0', () => {
    expect(toProjectResponse({ ...row, deleted_at: new Date('2024-02-01T00:00:00Z') }, [], true)).toMatchObject({
      status: 0,
      deleted_at: '2024-02-01T00:00:00Z',
    });
  });
});
