import { User, Workspace } from '@app/auth';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Project } from '../projects/project.entity';
import { ExpenseCategory } from './expense-category.entity';

/**
 * An expense of the member who created it (expenses.md: the create body has no user field). Deleted for good
 * (deleteExpense), so there is no `deleted_at`. Amounts are exact: numeric(12, 2), above zero.
 */
@Entity({ name: 'expenses' })
// listExpenses: newest first by creation time (conventions.md), for the whole workspace or one person.
@Index('expenses_workspace_created_idx', ['workspaceId', 'createdAt', 'id'])
@Index('expenses_workspace_user_created_idx', ['workspaceId', 'userId', 'createdAt', 'id'])
// The date_from/date_to filter compares the expense date.
@Index('expenses_workspace_date_idx', ['workspaceId', 'expenseDate'])
// Foreign keys checked on delete of the parent: a category in use is refused, a project's expenses looked up.
@Index('expenses_category_idx', ['categoryId'])
@Index('expenses_project_idx', ['projectId'])
@Check('expenses_amount_positive_ck', '"amount" > 0')
export class Expense {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'workspace_id', type: 'integer' })
  workspaceId!: number;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id', foreignKeyConstraintName: 'expenses_workspace_id_fk' })
  workspace?: Workspace;

  /** The creator, whose expense it is. */
  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'expenses_user_id_fk' })
  user?: User;

  @Column({ name: 'project_id', type: 'integer', nullable: true })
  projectId!: number | null;

  @ManyToOne(() => Project, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'expenses_project_id_fk' })
  project?: Project;

  /** RESTRICT: a category still in use cannot be deleted (the CLI says so). */
  @Column({ name: 'category_id', type: 'uuid' })
  categoryId!: string;

  @ManyToOne(() => ExpenseCategory, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_id', foreignKeyConstraintName: 'expenses_category_id_fk' })
  category?: ExpenseCategory;

  @Column({ name: 'expense_name', type: 'varchar', length: 255 })
  expenseName!: string;

  @Column({ name: 'expense_date', type: 'date' })
  expenseDate!: string;

  @Column({ type: 'numeric', precision: 12, scale: 2 })
  amount!: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note!: string | null;

  @Column({ name: 'is_billable', type: 'boolean', default: false })
  isBillable!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
