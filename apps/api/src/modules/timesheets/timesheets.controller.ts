import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiExtraModels, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, AuthContext, Authenticated, Permission } from '@app/auth';
import { ApiPathId, Paginated, Responds, UuidParamPipe } from '@app/common';
import { TimesheetAction, timesheetConflictMessage } from './timesheet-machine';
import { TimesheetTransitionsService } from './timesheet-transitions.service';
import { ListTimesheetsQueryDto, RejectTimesheetDto, TimesheetBreakdownItemDto, TimesheetDto } from './timesheets.dto';
import { timesheetError } from './timesheets.exception';
import { TimesheetsService } from './timesheets.service';

const TIMESHEET_NOT_FOUND = timesheetError.message('NotFound');
const TimesheetId = (): ParameterDecorator => Param('timesheetId', new UuidParamPipe(TIMESHEET_NOT_FOUND));
const ApiTimesheetId = (): MethodDecorator =>
  ApiPathId('timesheetId', { notFound: TIMESHEET_NOT_FOUND, type: 'uuid', example: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890' });
const wrongState = (action: TimesheetAction): { description: string; message: string } => ({
  description: 'The timesheet is not in a status this action starts from.',
  message: timesheetConflictMessage(action),
});

@ApiTags('Timesheets')
// Referenced from TimesheetDto.daily_breakdown's additionalProperties, which Swagger does not follow by itself.
@ApiExtraModels(TimesheetBreakdownItemDto)
@Controller('timesheets')
export class TimesheetsController {
  constructor(
    private readonly timesheets: TimesheetsService,
    private readonly transitions: TimesheetTransitionsService,
  ) {}

  @Get()
  @Authenticated({ permission: Permission.TimesheetsList })
  @ApiOperation({
    summary: 'List timesheets',
    description:
      "Timesheets the caller may see (OW/EM everyone; TM/PM their person scope; RU own; PV 403), newest first by default, each with its daily breakdown in the member's zone. " +
      '`status=open` is an alias of `pending`; the server always emits `pending`. `total_amount` only with rate permission.',
  })
  @Responds(TimesheetDto, { paginated: true, message: 'Timesheets retrieved successfully' })
  listTimesheets(@Auth() auth: AuthContext, @Query() query: ListTimesheetsQueryDto): Promise<Paginated<TimesheetDto>> {
    return this.timesheets.list(auth, query);
  }

  @Put(':timesheetId/approve')
  @Authenticated({ permission: Permission.TimesheetsApprove })
  @ApiOperation({
    summary: 'Approve timesheet',
    description:
      "Approves a submitted timesheet (OW and EM); its week's time is then locked. 409 when it is not submitted, or while the member " +
      'has a tracker running that started before the period ended.',
  })
  @ApiTimesheetId()
  @Responds(null, { message: 'Timesheet approved successfully', conflict: wrongState('approve') })
  approveTimesheet(@Auth() auth: AuthContext, @TimesheetId() timesheetId: string): Promise<null> {
    return this.transitions.transition(auth, timesheetId, 'approve');
  }

  @Put(':timesheetId/reject')
  @Authenticated({ permission: Permission.TimesheetsReject })
  @ApiOperation({
    summary: 'Reject timesheet',
    description: 'Sends a submitted timesheet back with a reason the member will see, stored as `reject_reason` (OW and EM).',
  })
  @ApiTimesheetId()
  @Responds(null, { message: 'Timesheet rejected successfully', conflict: wrongState('reject') })
  rejectTimesheet(@Auth() auth: AuthContext, @TimesheetId() timesheetId: string, @Body() dto: RejectTimesheetDto): Promise<null> {
    return this.transitions.transition(auth, timesheetId, 'reject', dto.reason);
  }

  @Put(':timesheetId/submit')
  @Authenticated({ permission: Permission.TimesheetsSubmit })
  @ApiOperation({
    summary: 'Submit timesheet',
    description:
      'Submits a pending or rejected timesheet for approval: the member themself (any role but PV), or OW/EM on their behalf. ' +
      '`submitted_on` is set to now; `reject_reason` keeps the last rejection until the next decision.',
  })
  @ApiTimesheetId()
  @Responds(null, { message: 'Timesheet submitted successfully', conflict: wrongState('submit') })
  submitTimesheet(@Auth() auth: AuthContext, @TimesheetId() timesheetId: string): Promise<null> {
    return this.transitions.transition(auth, timesheetId, 'submit');
  }

  @Put(':timesheetId/unsubmit')
  @Authenticated({ permission: Permission.TimesheetsUnsubmit })
  @ApiOperation({
    summary: 'Unsubmit timesheet',
    description: 'Takes a submitted timesheet back to `pending` and clears `submitted_on`; the same callers as submit.',
  })
  @ApiTimesheetId()
  @Responds(null, { message: 'Timesheet unsubmitted successfully', conflict: wrongState('unsubmit') })
  unsubmitTimesheet(@Auth() auth: AuthContext, @TimesheetId() timesheetId: string): Promise<null> {
    return this.transitions.transition(auth, timesheetId, 'unsubmit');
  }
}
