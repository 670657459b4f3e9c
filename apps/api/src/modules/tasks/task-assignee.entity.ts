import { User } from '@app/auth';
import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Column } from 'typeorm';
import { Task } from './task.entity';

/** A user assigned to a task; `id` is the assignment id assignTask returns. One row per task × user. */
@Entity({ name: 'task_assignees' })
@Index('task_assignees_task_user_uq', ['taskId', 'userId'], { unique: true })
@Index('task_assignees_user_id_idx', ['userId'])
export class TaskAssignee {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id!: number;

  @Column({ name: 'task_id', type: 'integer' })
  taskId!: number;

  @ManyToOne(() => Task, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'task_assignees_task_id_fk' })
  task?: Task;

  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'task_assignees_user_id_fk' })
  user?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
