import { utcTimestamp } from '@app/common';
import { ProjectViewerDto, VIEWER_STATUSES, ViewerProjectDto, ViewerStatus } from './project-viewers.dto';

/** A viewer as the list/get statement selects it: the membership, its user and the assigned live projects. */
export interface ProjectViewerRow {
  id: number;
  email: string;
  firstname: string;
  lastname: string;
  status: string;
  created_at: Date;
  projects: ViewerProjectDto[];
}

const isViewerStatus = (status: string): status is ViewerStatus => (VIEWER_STATUSES as readonly string[]).includes(status);

/** `unknown` (a membership status this server never sets) is not a viewer status: it is sent as null. */
export function toProjectViewer(row: ProjectViewerRow): ProjectViewerDto {
  return {
    id: row.id,
    email: row.email,
    firstname: row.firstname,
    lastname: row.lastname,
    status: isViewerStatus(row.status) ? row.status : null,
    // When the membership began (the invitation), as createProjectViewer's documented example shows it at once.
    member_since: utcTimestamp(row.created_at),
    projects: row.projects,
  };
}
