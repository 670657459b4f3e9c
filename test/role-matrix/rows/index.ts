import type { MatrixRow } from '../matrix.types';
import { CONTRACTS_ROWS } from './contracts.rows';
import { CREDENTIALS_ROWS } from './credentials.rows';
import { EXPENSES_ROWS } from './expenses.rows';
import { LEAVES_ROWS } from './leaves.rows';
import { MEMBERS_ROWS } from './members.rows';
import { PROJECT_VIEWERS_ROWS } from './project-viewers.rows';
import { PROJECTS_ROWS } from './projects.rows';
import { TASKS_ROWS } from './tasks.rows';
import { TEAMS_ROWS } from './teams.rows';
import { TIME_ENTRIES_ROWS } from './time-entries.rows';
import { TIME_TRACKING_ROWS } from './time-tracking.rows';
import { TIME_REQUESTS_ROWS } from './time-requests.rows';
import { TIMESHEETS_ROWS } from './timesheets.rows';
import { WEBHOOKS_ROWS } from './webhooks.rows';
import { WEBHOOK_DELIVERIES_ROWS } from './webhook-deliveries.rows';
import { WORKSPACES_ROWS } from './workspaces.rows';
import { REPORTS_ROWS } from './reports.rows';

/**
 * Every operation's rows, one file per module: a new module adds `rows/<module>.rows.ts` and lists it here.
 * The harness fails while an operation of openapi/openapi.json that declares `x-permission` has no row.
 */
export const MATRIX_ROWS: MatrixRow[] = [
  ...WORKSPACES_ROWS,
  ...PROJECTS_ROWS,
  ...CREDENTIALS_ROWS,
  ...MEMBERS_ROWS,
  ...TASKS_ROWS,
  ...CONTRACTS_ROWS,
  ...PROJECT_VIEWERS_ROWS,
  ...TEAMS_ROWS,
  ...TIME_TRACKING_ROWS,
  ...TIME_ENTRIES_ROWS,
  ...TIME_REQUESTS_ROWS,
  ...TIMESHEETS_ROWS,
  ...EXPENSES_ROWS,
  ...WEBHOOKS_ROWS,
  ...LEAVES_ROWS,
  ...WEBHOOK_DELIVERIES_ROWS,
  ...REPORTS_ROWS,
];
