// The library ships types for its public classes only; the grant types below are subclassed in refresh-token-grant.ts.
declare module '@node-oauth/oauth2-server/lib/grant-types/refresh-token-grant-type.js' {
  import OAuth2Server from '@node-oauth/oauth2-server';

  export default class RefreshTokenGrantType extends OAuth2Server.AbstractGrantType {
    handle(request: OAuth2Server.Request, client: OAuth2Server.Client): Promise<OAuth2Server.Token>;
    getRefreshToken(request: OAuth2Server.Request, client: OAuth2Server.Client): Promise<OAuth2Server.RefreshToken>;
    /** The requested scope when it is a subset of the token's; throws InvalidScopeError otherwise. */
    getScope(request: OAuth2Server.Request, token?: OAuth2Server.RefreshToken): string[];
    revokeToken(token: OAuth2Server.RefreshToken): Promise<OAuth2Server.RefreshToken>;
    saveToken(user: OAuth2Server.User, client: OAuth2Server.Client, scope: string[] | undefined): Promise<OAuth2Server.Token>;
  }
}
