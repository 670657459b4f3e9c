import { User } from '@app/auth';
import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { LeavePolicy } from './leave-policy.entity';

/**
 * A policy applies only to the members assigned to it (leaves.md). The row is also the lock that serialises
 * the balance checks of one member under one policy (create and approve take it FOR UPDATE).
 */
@Entity({ name: 'leave_policy_assignments' })
@Index('leave_policy_assignments_user_idx', ['userId', 'policyId'])
export class LeavePolicyAssignment {
  @PrimaryColumn({ name: 'policy_id', type: 'integer' })
  policyId!: number;

  @PrimaryColumn({ name: 'user_id', type: 'integer' })
  userId!: number;

  @ManyToOne(() => LeavePolicy, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'policy_id', foreignKeyConstraintName: 'leave_policy_assignments_policy_id_fk' })
  policy?: LeavePolicy;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'leave_policy_assignments_user_id_fk' })
  user?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
