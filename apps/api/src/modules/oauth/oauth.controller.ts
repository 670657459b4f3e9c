import { Body, Controller, Get, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiExcludeEndpoint,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import OAuth2Server from '@node-oauth/oauth2-server';
import { OAuthClient, Public, RateLimitService } from '@app/auth';
import { APP_CONFIG, AppConfig, RawResponse } from '@app/common';
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { checkAuthorizeRequest, pickAuthorizeParams, redirectWithError } from './authorize-request';
import { csrfTokenIsValid, issueCsrfToken, SESSION_COOKIE, setSessionCookie } from './csrf';
import { readClientCredentials } from './client-credentials';
import { authorizeErrorParams, isOAuthError, sendLibraryOAuthError, sendOAuthError } from './oauth.exception';
import { consentPage, errorPage, PAGE_HEADERS, signInPage } from './oauth-pages';
import { OAUTH_SERVER } from './oauth-server';
import { AuthorizationServerMetadataDto, RevokeRequestDto, TokenRequestDto } from './oauth.dto';
import { ApiRevokeResponses, ApiTokenResponses } from './oauth.openapi';
import { SignInService } from './sign-in.service';
import { OAuthClientsService } from './oauth-clients.service';

type FormBody = Record<string, unknown> | undefined;

const TOKEN_TYPE_HINTS = ['access_token', 'refresh_token'];
const SUPPORTED_GRANTS = ['authorization_code', 'refresh_token', 'client_credentials'];

const HTML_PAGE = { 'text/html': { schema: { type: 'string' as const } } };

const asText = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The authorization server at the site root: RFC 6749, 7636, 7009 and 8414 (auth.md). */
@ApiTags('Auth')
@Controller()
export class OAuthController {
  constructor(
    @Inject(OAUTH_SERVER) private readonly server: OAuth2Server,
    private readonly rateLimit: RateLimitService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly signIn: SignInService,
    private readonly clients: OAuthClientsService,
  ) {}

  @Get('.well-known/oauth-authorization-server')
  @Public()
  @RawResponse()
  @ApiOperation({
    summary: 'Authorization server metadata (RFC 8414)',
    description: 'Endpoints, scopes, grants and client authentication methods of this server; URLs are based on PUBLIC_URL.',
  })
  @ApiOkResponse({ type: AuthorizationServerMetadataDto })
  getAuthorizationServerMetadata(): AuthorizationServerMetadataDto {
    const base = this.config.publicUrl;
    return {
      issuer: base,
      authorization_endpoint: `${base}/oauth/authorize`,
      token_endpoint: `${base}/oauth/token`,
      revocation_endpoint: `${base}/oauth/revoke`,
      scopes_supported: ['read', 'write', 'admin'],
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
      revocation_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
    };
  }

  @Get('oauth/authorize')
  @Public()
  @ApiOperation({
    summary: 'Start the authorization-code flow',
    description:
      'A browser page, not an API call: shows the sign-in page, then the consent page; the decision redirects to ' +
      'redirect_uri with `code` and `state` (or `error=access_denied`).',
  })
  @ApiQuery({ name: 'client_id', required: true, schema: { type: 'string' } })
  @ApiQuery({ name: 'redirect_uri', required: true, schema: { type: 'string', format: 'uri' }, description: 'Must match exactly.' })
  @ApiQuery({ name: 'response_type', required: true, schema: { type: 'string', enum: ['code'] } })
  @ApiQuery({ name: 'scope', required: false, schema: { type: 'string', default: 'read' } })
  @ApiQuery({ name: 'state', required: false, schema: { type: 'string' } })
  @ApiQuery({ name: 'code_challenge', required: false, schema: { type: 'string', minLength: 43, maxLength: 128 } })
  @ApiQuery({ name: 'code_challenge_method', required: false, schema: { type: 'string', enum: ['S256'] } })
  @ApiProduces('text/html')
  @ApiResponse({
    status: 302,
    description: 'Back to redirect_uri with `error` (invalid_request, invalid_scope, unsupported_response_type) and `state`.',
    headers: {
      Location: { required: true, description: 'redirect_uri with the error parameters.', schema: { type: 'string', format: 'uri' } },
    },
  })
  @ApiResponse({ status: 200, description: 'The sign-in or consent page.', content: HTML_PAGE })
  @ApiResponse({ status: 400, description: 'Unknown client or redirect_uri mismatch: an error page, no redirect.', content: HTML_PAGE })
  async authorize(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query() query: Record<string, unknown>): Promise<void> {
    const params = pickAuthorizeParams(query);
    const check = checkAuthorizeRequest(params, await this.findClient(params.client_id));
    if (check.kind === 'page') return void reply.status(400).headers(PAGE_HEADERS).send(errorPage(check.message));
    if (check.kind === 'redirect') return void reply.redirect(redirectWithError(check), 302);
    const csrfToken = issueCsrfToken(request, reply);
    const userId = await this.signIn.userForSession(request.cookies[SESSION_COOKIE]);
    const page = userId
      ? consentPage({ appName: check.client.name, scopes: check.scopes, csrfToken, params: { ...params } as Record<string, string> })
      : signInPage({ csrfToken, returnTo: new URLSearchParams(params as Record<string, string>).toString() });
    void reply.status(200).headers(PAGE_HEADERS).send(page);
  }

  @Post('oauth/login')
  @Public()
  @ApiExcludeEndpoint()
  async signInForm(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() body: FormBody): Promise<void> {
    const returnTo = new URLSearchParams(asText(body?.return_to) ?? '');
    // Only authorize-request parameters survive, so the redirect below can never leave this page flow.
    const safeReturn = new URLSearchParams(pickAuthorizeParams(Object.fromEntries(returnTo)) as Record<string, string>).toString();
    const renderError = (status: number, error: string) =>
      reply
        .status(status)
        .headers(PAGE_HEADERS)
        .send(signInPage({ csrfToken: issueCsrfToken(request, reply), returnTo: safeReturn, error }));
    if (!csrfTokenIsValid(request, body?.csrf_token)) return void renderError(403, 'Your session expired. Please try again.');
    if (!(await this.rateLimit.spend(`signin:${request.ip}`, reply)))
      return void renderError(429, 'Too many attempts. Please wait a minute.');
    const result = await this.signIn.signIn(asText(body?.email) ?? '', asText(body?.password) ?? '', request.ip);
    // One answer for every failure, throttled or not, so the page never tells whether an account exists.
    if (!result.ok) return void renderError(401, 'Invalid email or password, or too many attempts.');
    setSessionCookie(request, reply, result.sessionToken);
    void reply.redirect(`/oauth/authorize?${safeReturn}`, 303);
  }

  @Post('oauth/authorize')
  @Public()
  @ApiExcludeEndpoint()
  async decideAuthorization(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() body: FormBody): Promise<void> {
    const params = pickAuthorizeParams(body ?? {});
    const check = checkAuthorizeRequest(params, await this.findClient(params.client_id));
    if (check.kind === 'page') return void reply.status(400).headers(PAGE_HEADERS).send(errorPage(check.message));
    if (check.kind === 'redirect') return void reply.redirect(redirectWithError(check), 302);
    if (!csrfTokenIsValid(request, body?.csrf_token))
      return void reply.status(403).headers(PAGE_HEADERS).send(errorPage('Your session expired. Please start again.'));
    const userId = await this.signIn.userForSession(request.cookies[SESSION_COOKIE]);
    if (!userId) return void reply.status(401).headers(PAGE_HEADERS).send(errorPage('Please sign in first.'));
    if (body?.decision !== 'approve') {
      return void reply.redirect(
        redirectWithError({
          kind: 'redirect',
          ...authorizeErrorParams('AccessDenied'),
          redirectUri: check.redirectUri,
          state: params.state,
        }),
        302,
      );
    }
    const oauthRequest = new OAuth2Server.Request({
      method: 'POST',
      headers: {},
      query: {},
      body: { ...params, scope: check.scopes.join(' ') },
    });
    const oauthResponse = new OAuth2Server.Response({ headers: {} });
    try {
      await this.server.authorize(oauthRequest, oauthResponse, { authenticateHandler: { handle: () => ({ id: userId }) } });
    } catch (error) {
      if (!isOAuthError(error)) throw error;
      return void reply.redirect(
        redirectWithError({
          kind: 'redirect',
          error: error.name,
          description: error.message,
          redirectUri: check.redirectUri,
          state: params.state,
        }),
        302,
      );
    }
    void reply.redirect(String(oauthResponse.headers?.location), 302);
  }

  @Post('oauth/token')
  @Public()
  @ApiOperation({
    summary: 'Issue tokens',
    description:
      'authorization_code (PKCE S256; required for public clients), refresh_token (rotating: the used refresh token is ' +
      'invalidated, a replay revokes the chain) and client_credentials (no refresh token). Confidential clients ' +
      'authenticate with HTTP Basic or client_id + client_secret in the body; public clients send only client_id.',
  })
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiBody({ type: TokenRequestDto })
  @ApiTokenResponses()
  async issueToken(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() body: FormBody): Promise<void> {
    if (!(await this.rateLimit.spend(`oauth:${request.ip}`, reply))) return void sendOAuthError(reply, 'TooManyAttempts');
    const credentials = readClientCredentials(request.headers.authorization, body);
    const viaBasic = credentials.kind !== 'none' && credentials.method === 'basic';
    if (credentials.kind === 'malformed') return void sendOAuthError(reply, 'InvalidClient', { viaBasic });
    const fields = stringFields(body);
    delete fields.client_id;
    delete fields.client_secret;
    // The library also knows the password grant; this server offers only the three of auth.md.
    if (fields.grant_type && !SUPPORTED_GRANTS.includes(fields.grant_type)) {
      return void sendOAuthError(reply, 'UnsupportedGrantType');
    }
    // The client credentials were parsed above (one parser for both endpoints) and reach the library as body
    // fields, never as the raw Authorization header.
    if (credentials.kind === 'presented') {
      fields.client_id = credentials.clientId;
      if (credentials.clientSecret) fields.client_secret = credentials.clientSecret;
    }
    const oauthRequest = new OAuth2Server.Request({
      method: 'POST',
      // The library accepts form bodies only; JSON bodies (auth.md allows both) arrive here already parsed,
      // so the request is presented to it as the equivalent form.
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': String(new URLSearchParams(fields).toString().length),
      },
      query: {},
      body: fields,
    });
    const oauthResponse = new OAuth2Server.Response({ headers: {} });
    try {
      await this.server.token(oauthRequest, oauthResponse);
    } catch (error) {
      if (!isOAuthError(error)) throw error;
      return void sendLibraryOAuthError(reply, error, { viaBasic });
    }
    // The library derives expires_in from the stored expiry (so 1295999); the token was issued just now.
    const issued = { ...(oauthResponse.body as Record<string, unknown>), expires_in: this.config.oauthAccessTokenTtlSeconds };
    void reply.status(200).headers({ 'cache-control': 'no-store', pragma: 'no-cache' }).send(issued);
  }

  @Post('oauth/revoke')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Revoke a token (RFC 7009)',
    description:
      'Always 200, also for unknown tokens; revoking either half of a pair revokes both. Client authentication as on ' + '/oauth/token.',
  })
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiBody({ type: RevokeRequestDto })
  @ApiRevokeResponses()
  async revokeToken(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Body() body: FormBody): Promise<void> {
    if (!(await this.rateLimit.spend(`oauth:${request.ip}`, reply))) return void sendOAuthError(reply, 'TooManyAttempts');
    const credentials = readClientCredentials(request.headers.authorization, body);
    const viaBasic = credentials.kind !== 'none' && credentials.method === 'basic';
    const client =
      credentials.kind === 'presented' ? await this.clients.authenticate(credentials.clientId, credentials.clientSecret) : null;
    if (!client) return void sendOAuthError(reply, 'InvalidClient', { viaBasic });
    const token = asText(body?.token);
    if (!token) return void sendOAuthError(reply, 'TokenMissing');
    const hint = body?.token_type_hint;
    if (hint !== undefined && !TOKEN_TYPE_HINTS.includes(hint as string)) {
      return void sendOAuthError(reply, 'TokenTypeHintUnknown');
    }
    await this.clients.revokeToken(client, token);
    void reply.status(200).headers({ 'cache-control': 'no-store' }).send();
  }

  private findClient(clientId: string | undefined): Promise<OAuthClient | null> {
    return this.clients.find(clientId);
  }
}

function stringFields(body: FormBody): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(body ?? {})) {
    if (typeof value === 'string') fields[key] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') fields[key] = String(value);
  }
  return fields;
}
