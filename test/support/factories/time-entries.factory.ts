import { FactoryDeps } from './factory-deps';

export interface CreateTimeEntryInput {
  workspaceId: number;
  userId: number;
  start: Date | string;
  /** null: a running tracker. */
  end: Date | string | null;
  method?: string;
  contractId?: number | null;
  projectId?: number | null;
  taskId?: number | null;
  activityDescription?: string | null;
  /** What a tracker client measured (0..100); null by default, as for time added through the API. */
  activityLevel?: number | null;
}

/** Recorded time and timesheets written directly (no ledger rules), for the data a test starts from. */
export class TimeEntriesFactory {
  constructor(private readonly deps: FactoryDeps) {}

  async create(input: CreateTimeEntryInput): Promise<string> {
    const [row] = (await this.deps.dataSource.query(
      `INSERT INTO time_entries (workspace_id, user_id, contract_id, project_id, task_id, activity_description, method, start_time, end_time,
                                 activity_level)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        input.workspaceId,
        input.userId,
        input.contractId ?? null,
        input.projectId ?? null,
        input.taskId ?? null,
        input.activityDescription ?? null,
        input.method ?? 'Manually added time',
        new Date(input.start),
        input.end === null ? null : new Date(input.end),
        input.activityLevel ?? null,
      ],
    )) as { id: string }[];
    return row.id;
  }

  /** A timesheet for the week starting `dateFrom` (a Monday), `approved` by default. */
  async timesheet(input: { workspaceId: number; userId: number; dateFrom: string; dateTo: string; status?: string }): Promise<void> {
    await this.deps.dataSource.query(
      `INSERT INTO timesheets (workspace_id, user_id, date_from, date_to, status) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (workspace_id, user_id, date_from) WHERE deleted_at IS NULL DO UPDATE SET status = EXCLUDED.status`,
      [input.workspaceId, input.userId, input.dateFrom, input.dateTo, input.status ?? 'approved'],
    );
  }
}
