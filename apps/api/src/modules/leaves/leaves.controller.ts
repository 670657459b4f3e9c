import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, AuthContext, Authenticated, Permission } from '@app/auth';
import { ApiErrorResponse, ApiPathId, Paginated, Responds, UuidParamPipe } from '@app/common';
import { LeaveBalancesService } from './leave-balances.service';
import {
  CreateLeaveRequestDto,
  LeaveBalanceResponseDto,
  LeavePolicyResponseDto,
  LeaveRequestResponseDto,
  ListLeaveBalancesQueryDto,
  ListLeavePoliciesQueryDto,
  ListLeavesQueryDto,
  RejectLeaveRequestDto,
} from './leaves.dto';
import { leaveError } from './leaves.exception';
import { LeavesService } from './leaves.service';

const NOT_FOUND = leaveError.message('NotFound');
const LeaveId = (): ParameterDecorator => Param('leaveId', new UuidParamPipe(NOT_FOUND));
const ApiLeaveId = (): MethodDecorator =>
  ApiPathId('leaveId', {
    notFound: NOT_FOUND,
    type: 'uuid',
    example: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890',
    description: 'Leave request id (opaque UUID string).',
  });
const BALANCE_RULE =
  'The allowance (`duration`) is per calendar year; a leave counts the calendar days of its range (a half day 0.5; ' +
  'hour-based: `hours_per_day` on each day), split over the years it touches.';
const APPROVE = {
  summary: 'Approve leave request',
  description:
    'OW and EM. Approves a pending leave request and deducts it from the balance; `approved_by` is set to the caller. ' +
    `The balance is checked again (when the policy allows no negative balance). ${BALANCE_RULE} ` +
    'Concurrent approvals of one member and policy are checked one after the other. 409 when not pending ' +
    '(`"Leave request is not pending."`) or on insufficient balance (`"Insufficient leave balance."`).',
};
const REJECT = {
  summary: 'Reject leave request',
  description:
    'OW and EM. Rejects a pending leave request with a reason (`rejected_by` set, `reject_reason` = `reason`). 409 when not pending.',
};
const ALSO_PUT = ' The server also accepts `PUT` on this path.';
const SAME_AS_POST = (operation: string): string =>
  ` The \`PUT\` spelling of ${operation} (leaves.md: "the server also accepts PUT"), identical in every respect.`;
const APPROVE_CONFLICT = {
  description: 'The request is not pending, or approving it would overdraw a policy that allows no negative balance.',
  message: leaveError.message('NotPending'),
};
const REJECT_CONFLICT = { description: 'The request is not pending.', message: leaveError.message('NotPending') };

@ApiTags('Leaves')
@Controller('leaves')
export class LeavesController {
  constructor(
    private readonly leaves: LeavesService,
    private readonly balances: LeaveBalancesService,
  ) {}

  @Get()
  @Authenticated({ permission: Permission.LeavesList })
  @ApiOperation({
    summary: 'List leave requests',
    description:
      'Leave requests, newest first. `date_from`/`date_to` match leaves that overlap the range. OW/EM see everyone, ' +
      'TM/PM their person scope, RU their own; PV 403.',
  })
  @Responds(LeaveRequestResponseDto, { paginated: true, message: 'Leave requests retrieved successfully' })
  listLeaves(@Auth() auth: AuthContext, @Query() query: ListLeavesQueryDto): Promise<Paginated<LeaveRequestResponseDto>> {
    return this.leaves.list(auth, query);
  }

  @Post()
  @Authenticated({ permission: Permission.LeavesCreate })
  @ApiOperation({
    summary: 'Request leave',
    description:
      'Requests leave for a member under a policy assigned to them. OW and EM request for any member and the leave is ' +
      '`approved` at once; other roles (not PV) for themselves, `pending`. Dates and times are read in the member’s time ' +
      "zone (else the workspace owner's, else UTC). `start_time`, `end_time` and `hours_per_day` are required for " +
      'hour-based policies (and refused for day-based ones); `reason` when the policy requires one. ' +
      `${BALANCE_RULE} Overlap with a pending or approved leave of the same member (full days, halves and hour windows ` +
      'compared) returns 409; insufficient balance (policy without negative balance, approved leave counted) returns 409 ' +
      '`"Insufficient leave balance."`.',
  })
  @ApiErrorResponse(403, {
    description: 'A member other than OW/EM asked for someone else.',
    message: leaveError.message('ForSomeoneElse'),
  })
  @ApiErrorResponse(404, { description: 'The user is not a member of the workspace.', message: leaveError.message('UserNotFound') })
  @Responds(LeaveRequestResponseDto, {
    status: 201,
    message: 'Leave request created successfully',
    conflict: {
      description: 'The leave overlaps a pending or approved leave of the member, or the balance is insufficient.',
      message: leaveError.message('InsufficientBalance'),
    },
  })
  createLeaveRequest(@Auth() auth: AuthContext, @Body() dto: CreateLeaveRequestDto): Promise<LeaveRequestResponseDto> {
    return this.leaves.create(auth, dto);
  }

  @Get('balances')
  @Authenticated({ permission: Permission.LeaveBalancesList })
  @ApiOperation({
    summary: 'List leave balances',
    description:
      "Each member's remaining balance for each leave type (assigned policy) over a date range, by user id. " +
      `${BALANCE_RULE} The balance is the allowance of every calendar year from \`date_from\`'s to \`date_to\`'s minus ` +
      'the approved leave in those years (pending leave is not deducted). `total_balance` is always null (no "total" ' +
      'balance mode). OW/EM see everyone, TM/PM their person scope, RU themselves; PV 403.',
  })
  @Responds(LeaveBalanceResponseDto, { paginated: true, message: 'Leave balances retrieved successfully' })
  listLeaveBalances(@Auth() auth: AuthContext, @Query() query: ListLeaveBalancesQueryDto): Promise<Paginated<LeaveBalanceResponseDto>> {
    return this.balances.listBalances(auth, query);
  }

  @Get('policies')
  @Authenticated({ permission: Permission.LeavePoliciesList })
  @ApiOperation({
    summary: 'Get leave policies',
    description:
      "Lists the workspace's leave policies, by id. RU, TM and PM see only the policies assigned to them; PV 403. " +
      'Policies and assignments are managed outside the API (the `leave-policy:*` CLI commands).',
  })
  @Responds(LeavePolicyResponseDto, { paginated: true, message: 'Leave policies retrieved successfully' })
  listLeavePolicies(@Auth() auth: AuthContext, @Query() query: ListLeavePoliciesQueryDto): Promise<Paginated<LeavePolicyResponseDto>> {
    return this.balances.listPolicies(auth, query);
  }

  @Post(':leaveId/approve')
  @Authenticated({ permission: Permission.LeavesApprove })
  @ApiOperation({ summary: APPROVE.summary, description: APPROVE.description + ALSO_PUT })
  @ApiLeaveId()
  @Responds(LeaveRequestResponseDto, { message: 'Leave request approved successfully', conflict: APPROVE_CONFLICT })
  approveLeaveRequest(@Auth() auth: AuthContext, @LeaveId() leaveId: string): Promise<LeaveRequestResponseDto> {
    return this.leaves.approve(auth, leaveId);
  }

  @Put(':leaveId/approve')
  @Authenticated({ permission: Permission.LeavesApprove })
  @ApiOperation({ summary: `${APPROVE.summary} (PUT)`, description: APPROVE.description + SAME_AS_POST('approveLeaveRequest') })
  @ApiLeaveId()
  @Responds(LeaveRequestResponseDto, { message: 'Leave request approved successfully', conflict: APPROVE_CONFLICT })
  approveLeaveRequestPut(@Auth() auth: AuthContext, @LeaveId() leaveId: string): Promise<LeaveRequestResponseDto> {
    return this.leaves.approve(auth, leaveId);
  }

  @Post(':leaveId/reject')
  @Authenticated({ permission: Permission.LeavesReject })
  @ApiOperation({ summary: REJECT.summary, description: REJECT.description + ALSO_PUT })
  @ApiLeaveId()
  @Responds(LeaveRequestResponseDto, { message: 'Leave request rejected successfully', conflict: REJECT_CONFLICT })
  rejectLeaveRequest(
    @Auth() auth: AuthContext,
    @LeaveId() leaveId: string,
    @Body() dto: RejectLeaveRequestDto,
  ): Promise<LeaveRequestResponseDto> {
    return this.leaves.reject(auth, leaveId, dto);
  }

  @Put(':leaveId/reject')
  @Authenticated({ permission: Permission.LeavesReject })
  @ApiOperation({ summary: `${REJECT.summary} (PUT)`, description: REJECT.description + SAME_AS_POST('rejectLeaveRequest') })
  @ApiLeaveId()
  @Responds(LeaveRequestResponseDto, { message: 'Leave request rejected successfully', conflict: REJECT_CONFLICT })
  rejectLeaveRequestPut(
    @Auth() auth: AuthContext,
    @LeaveId() leaveId: string,
    @Body() dto: RejectLeaveRequestDto,
  ): Promise<LeaveRequestResponseDto> {
    return this.leaves.reject(auth, leaveId, dto);
  }
}
