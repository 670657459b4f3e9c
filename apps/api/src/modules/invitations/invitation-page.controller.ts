import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public, RateLimitService } from '@app/auth';
import { headerRef } from '@app/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { InvitationAcceptanceService, InvitationState } from './invitation-acceptance.service';
import { invitationCsrfTokenIsValid, issueInvitationCsrfToken } from './invitation-csrf';
import { acceptInvitationPage, invitationAcceptedPage, invitationRefusedPage, PAGE_HEADERS } from './invitation-pages';
import { ACCEPT_INVITATION_PATH } from './invitation-token';

type FormBody = Record<string, unknown> | undefined;

const HTML_PAGE = { 'text/html': { schema: { type: 'string' as const } } };
const asText = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Why a link is refused, and with which status: 404 for a link that never existed, 410 for one that did. */
const REFUSALS: Record<Exclude<InvitationState['kind'], 'valid'>, [number, string]> = {
  unknown: [404, 'This invitation link is not valid. Check that you opened the whole link from the e-mail.'],
  used: [410, 'This invitation has already been accepted. Sign in with your e-mail address and password.'],
  expired: [410, 'This invitation link has expired. Ask the workspace owner or a manager to invite you again.'],
  revoked: [410, 'This invitation is no longer valid. Ask the workspace owner or a manager to invite you again.'],
};

/**
 * The accept-invitation page at the site root, where the links of inviteMember and createProjectViewer land
 * (members.md: accepting happens outside the API). A browser page like the OAuth pages: CSRF-protected form,
 * no caching, no referrer (the token is in the path), limited per client IP.
 */
@ApiTags('Extensions')
@Controller(ACCEPT_INVITATION_PATH)
export class InvitationPageController {
  constructor(
    private readonly acceptance: InvitationAcceptanceService,
    private readonly rateLimit: RateLimitService,
  ) {}

  @Get(':token')
  @Public()
  @ApiOperation({
    summary: 'Accept-invitation page',
    description:
      'A browser page, not an API call: the link of an invitation e-mail. Shows the form that accepts the invitation ' +
      '(a new user chooses a password there), or why the link no longer works.',
  })
  @ApiParam({ name: 'token', schema: { type: 'string' }, description: 'The secret token of the invitation link.' })
  @ApiProduces('text/html')
  @ApiResponse({ status: 200, description: 'The accept form.', content: HTML_PAGE })
  @ApiResponse({ status: 404, description: 'An unknown link.', content: HTML_PAGE })
  @ApiResponse({ status: 410, description: 'A link already used, expired, or replaced by a newer invitation.', content: HTML_PAGE })
  @ApiResponse({
    status: 429,
    description: 'Too many attempts from this address.',
    content: HTML_PAGE,
    headers: { 'Retry-After': headerRef('Retry-After') },
  })
  async showInvitation(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('token') token: string): Promise<void> {
    if (!(await this.rateLimit.spend(`invitation:${request.ip}`, reply))) return this.tooMany(reply);
    const state = await this.acceptance.inspect(token);
    if (state.kind !== 'valid') return this.refuse(reply, state.kind);
    const page = acceptInvitationPage({ ...state, action: this.action(token), csrfToken: issueInvitationCsrfToken(request, reply) });
    void reply.status(200).headers(PAGE_HEADERS).send(page);
  }

  @Post(':token')
  @Public()
  @ApiExcludeEndpoint()
  async acceptInvitation(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('token') token: string,
    @Body() body: FormBody,
  ): Promise<void> {
    if (!(await this.rateLimit.spend(`invitation:${request.ip}`, reply))) return this.tooMany(reply);
    if (!invitationCsrfTokenIsValid(request, body?.csrf_token)) {
      return void reply
        .status(403)
        .headers(PAGE_HEADERS)
        .send(invitationRefusedPage('Your session expired. Open the invitation link again.'));
    }
    const result = await this.acceptance.accept(token, asText(body?.password), asText(body?.password_confirmation));
    switch (result.kind) {
      case 'accepted':
        return void reply.status(200).headers(PAGE_HEADERS).send(invitationAcceptedPage(result));
      case 'bad-password': {
        const state = await this.acceptance.inspect(token);
        if (state.kind !== 'valid') return this.refuse(reply, state.kind);
        const page = acceptInvitationPage({
          ...state,
          action: this.action(token),
          csrfToken: issueInvitationCsrfToken(request, reply),
          error: result.error,
        });
        return void reply.status(422).headers(PAGE_HEADERS).send(page);
      }
      case 'valid':
        throw new Error('accept returned a valid state without accepting');
      default:
        return this.refuse(reply, result.kind);
    }
  }

  private action(token: string): string {
    return `/${ACCEPT_INVITATION_PATH}/${encodeURIComponent(token)}`;
  }

  private refuse(reply: FastifyReply, kind: keyof typeof REFUSALS): void {
    const [status, message] = REFUSALS[kind];
    void reply.status(status).headers(PAGE_HEADERS).send(invitationRefusedPage(message));
  }

  private tooMany(reply: FastifyReply): void {
    void reply.status(429).headers(PAGE_HEADERS).send(invitationRefusedPage('Too many attempts. Please wait a minute.'));
  }
}
