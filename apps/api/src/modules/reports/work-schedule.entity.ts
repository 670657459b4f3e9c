import { User, Workspace } from '@app/auth';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * A member's working hours for one ISO weekday (1 Monday .. 7 Sunday), which the attendance report compares
 * tracked time against. reports.md keeps work schedules outside this API: they are managed with the CLI
 * (`schedule:set`, `schedule:clear`, `schedule:list`). Times are wall-clock `HH:mm` of the workspace owner's
 * zone, the zone report days follow; a weekday without a row is a day off.
 */
@Entity({ name: 'work_schedules' })
@Check('work_schedules_weekday_ck', '"weekday" BETWEEN 1 AND 7')
@Check('work_schedules_hours_ck', '"end_time" > "start_time"')
@Check('work_schedules_required_ck', '"required_minutes" BETWEEN 0 AND 1440')
export class WorkSchedule {
  @PrimaryColumn({ name: 'workspace_id', type: 'integer' })
  workspaceId!: number;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id', foreignKeyConstraintName: 'work_schedules_workspace_id_fk' })
  workspace?: Workspace;

  @PrimaryColumn({ name: 'user_id', type: 'integer' })
  userId!: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'work_schedules_user_id_fk' })
  user?: User;

  @PrimaryColumn({ type: 'smallint' })
  weekday!: number;

  @Column({ name: 'start_time', type: 'time without time zone' })
  startTime!: string;

  @Column({ name: 'end_time', type: 'time without time zone' })
  endTime!: string;

  /** Minutes the member must track that day; defaults to the span start..end when set through the CLI. */
  @Column({ name: 'required_minutes', type: 'integer' })
  requiredMinutes!: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
