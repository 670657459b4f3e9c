import { Body, Controller, Delete, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, AuthContext, Authenticated, Permission } from '@app/auth';
import { ApiPathId, IdParamPipe, Paginated, Responds } from '@app/common';
import { InviteMemberDto, ListMembersQueryDto, MemberInvitationResponseDto, MemberResponseDto, UpdateMemberDto } from './members.dto';
import { memberError } from './members.exception';
import { MembersService } from './members.service';

const MEMBER_NOT_FOUND = memberError.message('NotFound');
const MemberId = (): ParameterDecorator => Param('memberId', new IdParamPipe(MEMBER_NOT_FOUND));
const ApiMemberId = (): MethodDecorator =>
  ApiPathId('memberId', { notFound: MEMBER_NOT_FOUND, example: 100, description: 'The member’s user id.' });

@ApiTags('Members')
@Controller('members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  @Authenticated({ permission: Permission.MembersList })
  @ApiOperation({
    summary: 'List members',
    description:
      'Members the caller may see (person scope, roles.md), archived ones included, by user id; rate fields only for callers who may view rates.',
  })
  @Responds(MemberResponseDto, { paginated: true, message: 'Members retrieved successfully' })
  listMembers(@Auth() auth: AuthContext, @Query() query: ListMembersQueryDto): Promise<Paginated<MemberResponseDto>> {
    return this.members.list(auth, query);
  }

  @Post()
  @Authenticated({ permission: Permission.MembersInvite })
  @ApiOperation({
    summary: 'Invite a member',
    description:
      'Invites an existing or a new user by e-mail (membership `inactive` until the link is accepted) and e-mails a ' +
      'single-use, expiring invitation link. Owners and Executive managers only. Emits `member.invited`.',
  })
  @Responds(MemberInvitationResponseDto, {
    status: 201,
    message: 'Member invited successfully',
    conflict: {
      description: 'The e-mail already has an active or inactive membership here.',
      message: memberError.message('AlreadyExists'),
    },
  })
  inviteMember(@Auth() auth: AuthContext, @Body() dto: InviteMemberDto): Promise<MemberInvitationResponseDto> {
    return this.members.invite(auth, dto);
  }

  @Get(':memberId')
  @Authenticated({ permission: Permission.MembersView })
  @ApiOperation({ summary: 'Get a member', description: 'One member; outside the caller’s person scope it is 404.' })
  @ApiMemberId()
  @Responds(MemberResponseDto, { message: 'Member retrieved successfully' })
  getMember(@Auth() auth: AuthContext, @MemberId() memberId: number): Promise<MemberResponseDto> {
    return this.members.get(auth, memberId);
  }

  @Put(':memberId')
  @Authenticated({ permission: Permission.MembersUpdate })
  @ApiOperation({
    summary: 'Update a member',
    description:
      'Partial update of profile, role, rate visibility, weekly limit, time zone or avatar. Only the Owner may change the ' +
      'Owner’s record, `rate_status` or an Executive manager’s role (403); the Owner’s role never changes (409). Emits `member.updated`.',
  })
  @ApiMemberId()
  // A partial update: an empty body is a valid (no-op) update, as the reference says (requestBody not required).
  @ApiBody({ type: UpdateMemberDto, required: false })
  @Responds(MemberResponseDto, {
    message: 'Member updated successfully',
    conflict: { description: 'A change of the workspace owner’s role.', message: memberError.message('OwnerRoleFixed') },
  })
  updateMember(@Auth() auth: AuthContext, @MemberId() memberId: number, @Body() dto: UpdateMemberDto): Promise<MemberResponseDto> {
    return this.members.update(auth, memberId, dto);
  }

  @Delete(':memberId')
  @Authenticated({ permission: Permission.MembersArchive })
  @ApiOperation({
    summary: 'Delete (archive) a member',
    description:
      'Status `left` and `deleted_at` set: the member’s tokens stop working in this workspace at once. The Owner, yourself ' +
      'and an archived member cannot be archived (409). Emits `member.archived`.',
  })
  @ApiMemberId()
  @Responds(null, {
    message: 'Member archived successfully',
    conflict: { description: 'The Owner, the caller, or an already archived member.', message: memberError.message('AlreadyArchived') },
  })
  archiveMember(@Auth() auth: AuthContext, @MemberId() memberId: number): Promise<null> {
    return this.members.archive(auth, memberId);
  }
}
