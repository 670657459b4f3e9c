import { Body, Controller, Delete, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, AuthContext, Authenticated, Permission } from '@app/auth';
import { ApiErrorResponse, ApiPathId, Paginated, Reply, Responds, UuidParamPipe } from '@app/common';
import { timeLedgerError } from './ledger/time-ledger.exception';
import { CreateTimeEntryDto, ListTimeEntriesQueryDto, TimeEntryResponseDto, UpdateTimeEntryDto } from './time-entries.dto';
import { timeEntryError } from './time-entries.exception';
import { TimeEntriesService } from './time-entries.service';

const NOT_FOUND = timeEntryError.message('NotFound');
const TimeEntryId = (): ParameterDecorator => Param('time_entry_id', new UuidParamPipe(NOT_FOUND));
const ApiTimeEntryId = (): MethodDecorator =>
  ApiPathId('time_entry_id', { notFound: NOT_FOUND, type: 'uuid', example: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890' });
const LOCKED = `A running entry ("${timeEntryError.message('Running')}"), an approved week ("${timeLedgerError.message('PeriodApproved')}")`;

@ApiTags('Time Entries')
@Controller('time-entries')
export class TimeEntriesController {
  constructor(private readonly entries: TimeEntriesService) {}

  @Get()
  @Authenticated({ permission: Permission.TimeEntriesList })
  @ApiOperation({
    summary: 'List time entries',
    description:
      "One member's entries that start on `date` (the member's time zone), sorted by `start_time`; a running tracker " +
      'appears with `end_time: null`. `per_page` is capped at 50.',
  })
  @ApiErrorResponse(404, { description: 'The user is not a member of the workspace.', message: timeEntryError.message('UserNotFound') })
  @Responds(TimeEntryResponseDto, { paginated: true, message: 'Time entries retrieved successfully' })
  listTimeEntries(@Auth() auth: AuthContext, @Query() query: ListTimeEntriesQueryDto): Promise<Paginated<TimeEntryResponseDto>> {
    return this.entries.list(auth, query);
  }

  @Post()
  @Authenticated({ permission: Permission.TimeEntriesCreate })
  @ApiOperation({
    summary: 'Add time entry',
    description:
      'Adds time manually (`method` `"Manually added time"`) from `start_time` to `end_time` on `date` in the member\'s zone. ' +
      'Time overlapping existing entries or beyond a weekly hours limit is skipped and the message says so, e.g. ' +
      '`"6 hr 30 min successfully added for John Doe. 1 hr 30 min not added: overlaps existing time."`; `saved_minutes` ' +
      'holds the minutes saved and `data` the first saved entry. Nothing saved: 409 with the reason.',
  })
  @ApiErrorResponse(404, {
    description: 'Unknown user (no active membership, or a Project viewer), contract or task.',
    message: timeEntryError.message('UserNotFound'),
  })
  @Responds(TimeEntryResponseDto, {
    status: 201,
    message: '8 hr successfully added for John Doe.',
    topLevel: {
      saved_minutes: { type: 'integer', minimum: 0, example: 480, description: 'Minutes actually saved; can be less than requested.' },
    },
    conflict: {
      description: `Nothing could be saved: overlaps, the weekly limit, ${LOCKED}, or a paused contract.`,
      message: timeLedgerError.message('Overlap'),
    },
  })
  createTimeEntry(
    @Auth() auth: AuthContext,
    @Body() dto: CreateTimeEntryDto,
  ): Promise<Reply<TimeEntryResponseDto, { saved_minutes: number }>> {
    return this.entries.create(auth, dto);
  }

  @Put(':time_entry_id')
  @Authenticated({ permission: Permission.TimeEntriesUpdate })
  @ApiOperation({
    summary: 'Update time entry',
    description:
      "Partial update. `project_id` maps to the member's contract on that project (422 if none); `null` means no project. " +
      'Omitted fields keep their value; the new span must fit whole (no overlap, within the weekly limits).',
  })
  @ApiTimeEntryId()
  @ApiBody({ type: UpdateTimeEntryDto, required: false })
  @Responds(null, {
    message: 'Time entry updated successfully',
    conflict: { description: `${LOCKED}, an overlap or the weekly limit.`, message: timeEntryError.message('Running') },
  })
  updateTimeEntry(@Auth() auth: AuthContext, @TimeEntryId() id: string, @Body() dto: UpdateTimeEntryDto): Promise<null> {
    return this.entries.update(auth, id, dto);
  }

  @Delete(':time_entry_id')
  @Authenticated({
    permission: Permission.TimeEntriesDelete,
    missingWorkspaceId: { status: 400, message: timeEntryError.message('WorkspaceIdMissing') },
  })
  @ApiOperation({
    summary: 'Delete time entry',
    description: 'Deletes the entry permanently. `workspace_id` belongs in the body (the query is accepted too).',
  })
  @ApiTimeEntryId()
  @Responds(null, {
    message: 'Time entry deleted successfully',
    conflict: { description: `${LOCKED}.`, message: timeEntryError.message('Running') },
  })
  deleteTimeEntry(@Auth() auth: AuthContext, @TimeEntryId() id: string): Promise<null> {
    return this.entries.delete(auth, id);
  }
}
