import { MigrationInterface, QueryRunner } from 'typeorm';

const EARLIER_EVENTS = [
  'tracker.started',
  'tracker.stopped',
  'member.invited',
  'member.activated',
  'member.updated',
  'member.archived',
  'member.deleted',
  'project.created',
  'project.updated',
  'project.deleted',
  'task.created',
  'task.updated',
  'task.deleted',
  'contract.created',
  'contract.updated',
  'contract.deleted',
  'time_entry.created',
  'time_entry.updated',
  'time_entry.deleted',
  'time_request.created',
  'time_request.approved',
  'time_request.rejected',
  'timesheet.submitted',
  'timesheet.unsubmitted',
  'timesheet.approved',
  'timesheet.rejected',
];
const LEAVE_AND_EXPENSE_EVENTS = [
  'leave_request.created',
  'leave_request.approved',
  'leave_request.rejected',
  'expense.created',
  'expense.updated',
  'expense.deleted',
];

const eventCheck = (types: string[]): string =>
  `ALTER TABLE "outbox_events" ADD CONSTRAINT "outbox_events_type_ck" CHECK ("type" IN (${types.map((type) => `'${type}'`).join(', ')}))`;

/** The outbox's leave and expense event names (kept equal to EVENT_TYPES; test/events.e2e-spec.ts compares them). */
export class LeaveExpenseEvents1796350000000 implements MigrationInterface {
  name = 'LeaveExpenseEvents1796350000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_events" DROP CONSTRAINT "outbox_events_type_ck"`);
    await queryRunner.query(eventCheck([...EARLIER_EVENTS, ...LEAVE_AND_EXPENSE_EVENTS]));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_events" DROP CONSTRAINT "outbox_events_type_ck"`);
    await queryRunner.query(eventCheck(EARLIER_EVENTS));
  }
}
