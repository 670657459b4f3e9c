import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, AuthContext, Authenticated, Permission } from '@app/auth';
import { ApiErrorResponse, Reply, Responds } from '@app/common';
import { timeLedgerError } from '../time-entries/ledger/time-ledger.exception';
import { timeEntryError } from '../time-entries/time-entries.exception';
import {
  CurrentTrackerDataDto,
  CurrentTrackerQueryDto,
  StartTrackingDto,
  StopTrackingDto,
  TrackingStartedDto,
  TrackingStoppedDto,
} from './time-tracking.dto';
import { trackingError } from './time-tracking.exception';

import { TimeTrackingService } from './time-tracking.service';

const WHO = 'OW and EM for any member; every other member but a Project viewer for their own tracker only (403 otherwise).';

@ApiTags('Time Tracking')
@Controller('time-tracking')
export class TimeTrackingController {
  constructor(private readonly tracking: TimeTrackingService) {}

  @Post('start')
  @Authenticated({ permission: Permission.TimeTrackingStart })
  @ApiOperation({
    summary: 'Start time tracking',
    description:
      `Starts a tracker (clock in). ${WHO} At most one running tracker per user across all workspaces. A week whose ` +
      'timesheet is approved, or whose weekly hours limit (member or contract) is used up, cannot start tracking (409). ' +
      'The envelope `message` is dynamic: `"John Smith started tracking time at 2024-01-15 10:30 UTC on Website Redesign / ' +
      'Update homepage design: Working on feature implementation"`, or `"… UTC without a project"`. Emits `tracker.started`.',
  })
  @ApiErrorResponse(404, {
    description: 'Unknown user (no active membership, or a Project viewer), contract or task.',
    message: timeEntryError.message('UserNotFound'),
  })
  @Responds(TrackingStartedDto, {
    message: 'John Smith started tracking time at 2024-01-15 10:30 UTC on Website Redesign',
    conflict: {
      description: `A tracker is already running, the contract is paused ("${timeEntryError.message('ContractPaused')}"), the week is approved ("${timeLedgerError.message('PeriodApproved')}") or its limit used up.`,
      message: trackingError.message('AlreadyTracking'),
    },
  })
  startTimeTracking(@Auth() auth: AuthContext, @Body() dto: StartTrackingDto): Promise<Reply<TrackingStartedDto>> {
    return this.tracking.start(auth, dto);
  }

  @Post('stop')
  @Authenticated({ permission: Permission.TimeTrackingStop })
  @ApiOperation({
    summary: 'Stop time tracking',
    description:
      `Stops a member's running tracker (clock out); \`user_id\` defaults to the caller. ${WHO} The tracked time is saved as ` +
      'a time entry with `method` `"Web tracker"`, clipped by overlaps and weekly limits like any recorded time. Emits `tracker.stopped`.',
  })
  @ApiErrorResponse(404, { description: 'The user is not a member of the workspace.', message: timeEntryError.message('UserNotFound') })
  @ApiBody({ type: StopTrackingDto, required: false })
  @Responds(TrackingStoppedDto, {
    message: 'Time tracking stopped successfully',
    conflict: { description: 'The user has no running tracker in this workspace.', message: trackingError.message('NoActiveTracker') },
  })
  stopTimeTracking(@Auth() auth: AuthContext, @Body() dto: StopTrackingDto): Promise<TrackingStoppedDto> {
    return this.tracking.stop(auth, dto);
  }

  @Get('current-data')
  @Authenticated({ permission: Permission.TimeTrackingCurrent })
  @ApiOperation({
    summary: 'Get current tracker data',
    description:
      `Live totals for a member's running web tracker. ${WHO} \`total_minutes\` is the time already recorded on the ` +
      "tracker's day (the member's zone) plus the running tracker's whole minutes; `total_seconds` its leftover seconds.",
  })
  @ApiErrorResponse(404, {
    description: 'No running tracker started from the API or the browser, or an unknown user.',
    message: trackingError.message('NoCurrentTracker'),
  })
  @Responds(CurrentTrackerDataDto, { message: 'Current tracker data retrieved successfully' })
  getCurrentTrackerData(@Auth() auth: AuthContext, @Query() query: CurrentTrackerQueryDto): Promise<CurrentTrackerDataDto> {
    return this.tracking.current(auth, query);
  }
}
