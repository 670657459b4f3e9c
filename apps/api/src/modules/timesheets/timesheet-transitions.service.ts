import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthContext, requireVisible, Role, SqlPredicate } from '@app/auth';
import { applyTransition } from '@app/common';
import { EventsService } from '@app/database';
import { DataSource, EntityManager } from 'typeorm';
import { lockMemberTime } from '../time-entries/ledger/time-ledger';
import { TimesheetAction, TIMESHEET_EVENTS, TIMESHEET_MACHINE } from './timesheet-machine';
import { TIMESHEET_PERIOD_END } from './timesheet-breakdown.sql';
import { timesheetError } from './timesheets.exception';
import { TimesheetEventRow, toTimesheetEvent } from './timesheets.mapper';

/**
 * submitTimesheet and unsubmitTimesheet: OW and EM act on anyone's timesheet, everyone else (PV is refused by
 * the guard) on their own only; someone else's is 404, as a record outside the "self" scope (roles.md).
 */
function actorScope(auth: AuthContext, action: TimesheetAction): SqlPredicate | null {
  const onBehalf = auth.role === Role.Owner || auth.role === Role.ExecutiveManager;
  if (onBehalf || action === 'approve' || action === 'reject') return null;
  return { sql: 'ts.user_id = :timesheet_actor', params: { timesheet_actor: auth.userId } };
}

/** What each action writes beside the status (applyTransition sets status and updated_at). */
function changesOf(auth: AuthContext, action: TimesheetAction, reason?: string): Record<string, unknown> {
  switch (action) {
    case 'submit':
      // The last rejection text stays until the next decision (timesheets.md).
      return { submitted_on: new Date() };
    case 'unsubmit':
      return { submitted_on: null };
    case 'approve':
      return { decided_by: auth.userId, reject_reason: null };
    case 'reject':
      return { decided_by: auth.userId, reject_reason: reason };
  }
}

@Injectable()
export class TimesheetTransitionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
  ) {}

  /**
   * One action along the timesheet's state machine, with its event, in one transaction. Concurrent actions on
   * one timesheet queue on its row lock; the later one sees the new state and gets the machine's 409.
   */
  transition(auth: AuthContext, timesheetId: string, action: TimesheetAction, reason?: string): Promise<null> {
    return this.dataSource.transaction(async (manager) => {
      const sheet = await requireVisible<{ id: string; user_id: number }>(manager, auth, {
        table: 'timesheets',
        alias: 'ts',
        id: timesheetId,
        scope: actorScope(auth, action),
        notFound: () => timesheetError('NotFound'),
        columns: ['ts.id AS id', 'ts.user_id AS user_id'],
      });
      // Approval locks the period's time: take the member's time lock first (as every ledger writer does), so a
      // tracker cannot start between the check below and the commit.
      if (action === 'approve') await lockMemberTime(manager, auth.workspaceId, sheet.user_id, null);
      await applyTransition(manager, {
        table: 'timesheets',
        id: timesheetId,
        workspaceId: auth.workspaceId,
        machine: TIMESHEET_MACHINE,
        action,
        notFound: () => timesheetError('NotFound'),
        set: changesOf(auth, action, reason),
      });
      if (action === 'approve') await this.assertNoRunningTracker(manager, timesheetId);
      const [row] = (await manager.query(
        `SELECT id, user_id, date_from, date_to, status, submitted_on, reject_reason, decided_by FROM timesheets WHERE id = $1`,
        [timesheetId],
      )) as TimesheetEventRow[];
      await this.events.record(manager, { type: TIMESHEET_EVENTS[action], workspaceId: auth.workspaceId, payload: toTimesheetEvent(row) });
      return null;
    });
  }

  /** A tracker still running that started before the period's end would keep adding time to an approved week. */
  private async assertNoRunningTracker(manager: EntityManager, timesheetId: string): Promise<void> {
    const running: unknown[] = await manager.query(
      `SELECT 1 FROM timesheets ts
         JOIN users u ON u.id = ts.user_id
         JOIN time_entries e ON e.user_id = ts.user_id AND e.workspace_id = ts.workspace_id
        WHERE ts.id = $1 AND e.end_time IS NULL AND e.start_time < ${TIMESHEET_PERIOD_END}
        LIMIT 1`,
      [timesheetId],
    );
    if (running.length > 0) throw timesheetError('TrackerRunning');
  }
}
