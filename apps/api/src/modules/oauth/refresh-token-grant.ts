import type OAuth2Server from '@node-oauth/oauth2-server';
import LibraryRefreshTokenGrantType from '@node-oauth/oauth2-server/lib/grant-types/refresh-token-grant-type.js';

/**
 * The library's refresh grant rotates the refresh token before it checks the requested scope, so a refused
 * scope retired the token and the client's retry looked like a replay, revoking the whole family. Here every
 * check runs first (client, token, expiry, scope subset); only a request that will succeed rotates the token.
 */
export class ValidateFirstRefreshTokenGrantType extends LibraryRefreshTokenGrantType {
  override async handle(request: OAuth2Server.Request, client: OAuth2Server.Client): Promise<OAuth2Server.Token> {
    const token = await this.getRefreshToken(request, client);
    const scope = this.getScope(request, token);
    await this.revokeToken(token);
    return this.saveToken(token.user, client, scope);
  }
}
