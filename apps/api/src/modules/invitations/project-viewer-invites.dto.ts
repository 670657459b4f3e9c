import { InviteeDto } from '../members/members.dto';

/** createProjectViewer: every field required (project-viewers.md Decision); workspace_id travels in the body or the query. */
export class CreateProjectViewerDto extends InviteeDto {}
