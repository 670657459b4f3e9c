import { Workspace } from '@app/auth';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A workspace's expense category (expenses.md: managed outside the API, which only lists them; the CLI
 * creates and deletes them). Names are unique per workspace; the unique index also serves the list's order.
 */
@Entity({ name: 'expense_categories' })
@Index('expense_categories_workspace_name_uq', ['workspaceId', 'name'], { unique: true })
export class ExpenseCategory {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'workspace_id', type: 'integer' })
  workspaceId!: number;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id', foreignKeyConstraintName: 'expense_categories_workspace_id_fk' })
  workspace?: Workspace;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
