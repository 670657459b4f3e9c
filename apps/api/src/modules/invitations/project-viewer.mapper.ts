import { utcTimestamp } from '@app/common';
import type { MemberRow } from '../members/members.mapper';
import { ProjectViewerResponseDto, ViewerProjectDto } from './project-viewer-invites.dto';

const VIEWER_STATUSES = new Set(['active', 'inactive', 'left']);

/** The documented ProjectViewer, from the member row; `member_since` is when the membership was created (invited). */
export function toProjectViewerResponse(row: MemberRow, projects: ViewerProjectDto[]): ProjectViewerResponseDto {
  return {
    id: row.id,
    email: row.email,
    firstname: row.firstname,
    lastname: row.lastname,
    status: VIEWER_STATUSES.has(row.status) ? (row.status as 'active' | 'inactive' | 'left') : null,
    member_since: utcTimestamp(row.created_at),
    projects,
  };
}
