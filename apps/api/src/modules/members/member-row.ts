import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { MEMBER_COLUMNS, MemberRow } from './members.mapper';

/** Memberships of one workspace with their users: the FROM of every member read. No liveness filter: `left` members are listed too. */
export function membersOf(manager: EntityManager, workspaceId: unknown): SelectQueryBuilder<ObjectLiteral> {
  return (
    manager
      .createQueryBuilder()
      .from('workspace_members', 'm')
      .innerJoin('users', 'u', 'u.id = m.user_id')
      // The table maps to an entity with a DeleteDateColumn: without this TypeORM would silently drop `left` members.
      .withDeleted()
      .where('m.workspace_id = :workspaceId', { workspaceId })
  );
}

/** One member, whatever the caller's scope: for event payloads written inside a transaction. */
export async function readMemberRow(manager: EntityManager, workspaceId: number, userId: number): Promise<MemberRow> {
  const row = await membersOf(manager, workspaceId)
    .select(MEMBER_COLUMNS)
    .andWhere('m.user_id = :userId', { userId })
    .getRawOne<MemberRow>();
  if (!row) throw new Error(`membership ${workspaceId}:${userId} vanished inside its own transaction`);
  return row;
}
