import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, AuthContext, Authenticated, Permission } from '@app/auth';
import { ApiErrorResponse, ApiPathId, Paginated, Responds, UuidParamPipe } from '@app/common';
import { timeLedgerError } from '../time-entries/ledger/time-ledger.exception';
import { CreateTimeRequestDto, ListTimeRequestsQueryDto, RejectTimeRequestDto, TimeRequestResponseDto } from './time-requests.dto';
import { timeRequestError } from './time-requests.exception';
import { TimeRequestsService } from './time-requests.service';

const NOT_FOUND = timeRequestError.message('NotFound');
const TimeRequestId = (): ParameterDecorator => Param('timeRequestId', new UuidParamPipe(NOT_FOUND));
const ApiTimeRequestId = (): MethodDecorator =>
  ApiPathId('timeRequestId', { notFound: NOT_FOUND, type: 'uuid', example: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890' });
const NOT_PENDING = { description: 'The request was already approved or rejected.', message: timeRequestError.message('NotPending') };
const PERIOD_APPROVED = timeLedgerError.message('PeriodApproved');

@ApiTags('Time Requests')
@Controller('time-requests')
export class TimeRequestsController {
  constructor(private readonly timeRequests: TimeRequestsService) {}

  @Get()
  @Authenticated({ permission: Permission.TimeRequestsList })
  @ApiOperation({
    summary: 'List time requests',
    description:
      "Requests whose `start` falls in `date_from`..`date_to` (days of the workspace owner's time zone, UTC when unset), " +
      'newest first. OW/EM see everyone, TM/PM their person scope, RU their own; PV 403.',
  })
  @Responds(TimeRequestResponseDto, { paginated: true, message: 'Time requests retrieved successfully' })
  listTimeRequests(@Auth() auth: AuthContext, @Query() query: ListTimeRequestsQueryDto): Promise<Paginated<TimeRequestResponseDto>> {
    return this.timeRequests.list(auth, query);
  }

  @Post()
  @Authenticated({ permission: Permission.TimeRequestsCreate })
  @ApiOperation({
    summary: 'Create time request',
    description:
      'OW and EM create for any member, other roles (not PV) for themselves. Approved on creation, with the time added at once ' +
      '(`method` "Manually added time"; parts overlapping recorded time are skipped, weekly limits apply), when the caller is OW ' +
      'or EM or the workspace auto-approves time requests; otherwise `pending`. At most 24 h, and `end` not in the future.',
  })
  @ApiErrorResponse(403, {
    description: 'A member other than OW/EM asked for someone else.',
    message: timeRequestError.message('ForSomeoneElse'),
  })
  @ApiErrorResponse(404, {
    description: 'The user is not a member of the workspace, or the contract is not one of theirs.',
    message: timeRequestError.message('UserNotFound'),
  })
  @Responds(TimeRequestResponseDto, {
    status: 201,
    message: 'Time request created successfully',
    conflict: { description: "The period's timesheet is approved.", message: PERIOD_APPROVED },
  })
  createTimeRequest(@Auth() auth: AuthContext, @Body() dto: CreateTimeRequestDto): Promise<TimeRequestResponseDto> {
    return this.timeRequests.create(auth, dto);
  }

  @Get(':timeRequestId')
  @Authenticated({ permission: Permission.TimeRequestsView })
  @ApiOperation({ summary: 'Get time request', description: 'One time request, with the visibility rules of the list; others are 404.' })
  @ApiTimeRequestId()
  @Responds(TimeRequestResponseDto)
  getTimeRequest(@Auth() auth: AuthContext, @TimeRequestId() timeRequestId: string): Promise<TimeRequestResponseDto> {
    return this.timeRequests.get(auth, timeRequestId);
  }

  @Post(':timeRequestId/approve')
  @Authenticated({ permission: Permission.TimeRequestsApprove })
  @ApiOperation({
    summary: 'Approve time request',
    description:
      'OW and EM. Approves a pending request and adds its time (`method` "Manually added time"); parts that overlap recorded ' +
      "time are skipped and weekly limits apply. 409 when the request is not pending, or when the period's timesheet is approved.",
  })
  @ApiTimeRequestId()
  @Responds(TimeRequestResponseDto, { message: 'Time request approved successfully', conflict: NOT_PENDING })
  approveTimeRequest(@Auth() auth: AuthContext, @TimeRequestId() timeRequestId: string): Promise<TimeRequestResponseDto> {
    return this.timeRequests.approve(auth, timeRequestId);
  }

  @Post(':timeRequestId/reject')
  @Authenticated({ permission: Permission.TimeRequestsReject })
  @ApiOperation({ summary: 'Reject time request', description: 'OW and EM. Rejects a pending request with a comment (required).' })
  @ApiTimeRequestId()
  @Responds(TimeRequestResponseDto, { message: 'Time request rejected successfully', conflict: NOT_PENDING })
  rejectTimeRequest(
    @Auth() auth: AuthContext,
    @TimeRequestId() timeRequestId: string,
    @Body() dto: RejectTimeRequestDto,
  ): Promise<TimeRequestResponseDto> {
    return this.timeRequests.reject(auth, timeRequestId, dto);
  }
}
