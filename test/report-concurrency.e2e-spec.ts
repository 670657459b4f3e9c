import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@app/auth';
import { TestWorkspace } from './support/factories';
import { api } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

/** REPORT_CONCURRENCY: reports queue for their turn; a report that fails inside its turn gives the turn back. */
describe('Report concurrency gate (e2e)', () => {
  let t: TestApp;
  let ws: TestWorkspace;

  beforeAll(async () => {
    t = await createTestApp({ REPORT_CONCURRENCY: '1' });
    ws = await t.factories.workspace();
    const member = await t.factories.members.create({ workspaceId: ws.id, role: Role.RegularUser });
    const projectId = (await t.factories.projects.create({ workspaceId: ws.id, name: 'Gate' })).id;
    await t.dataSource.query(
      `INSERT INTO time_entries (workspace_id, user_id, project_id, method, start_time, end_time)
       VALUES ($1, $2, $3, 'Manually added time', '2026-03-02T09:00:00Z', '2026-03-02T11:30:00Z')`,
      [ws.id, member.userId, projectId],
    );
  });
  afterAll(() => t.close());

  const trackedHours = (query: string) => api(t).get(`/api/v2/reports/tracked-hours?workspace_id=${ws.id}&${query}`, ws.owner.token);

  it('serves parallel reports one at a time, each whole, after failures inside the gate released their turn', async () => {
    // An end before this week's Monday (the default start) is refused inside the gated work, after the owner's zone is read.
    for (let i = 0; i < 3; i++) {
      const refused = await trackedHours('end_date=2000-01-01');
      expect(refused.status).toBe(422);
    }
    const answers = await Promise.all(Array.from({ length: 6 }, () => trackedHours('start_date=2026-03-01&end_date=2026-03-31')));
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body.data.total.total_minutes).toBe(150);
      expect(answer.body.data).toEqual(answers[0].body.data);
    }
  });
});
