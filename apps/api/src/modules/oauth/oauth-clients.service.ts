import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthCache, CLIENT_SECRET_PREFIX, generateSecret, hashesMatch, hashSecret, OAuthClient, OAuthGrant } from '@app/auth';
import { credentialsError, credentialsValidationError } from './credentials.exception';
import { DataSource, IsNull } from 'typeorm';

export interface RegisterClientInput {
  name: string;
  redirectUris: string[];
  grantType: 'authorization_code' | 'client_credentials';
  confidential: boolean;
}

export interface RegisteredClient {
  client: OAuthClient;
  /** Shown once; only its hash is kept. Null for public clients. */
  clientSecret: string | null;
}

/**
 * RFC 6749 §2.3 / RFC 7009 client authentication: a confidential client must present its secret, a public
 * client must present none. Shared by the OAuth library model and the revocation endpoint.
 */
export function clientSecretAccepted(client: Pick<OAuthClient, 'secretHash'>, secret: string | undefined): boolean {
  if (client.secretHash === null) return !secret;
  return !!secret && hashesMatch(client.secretHash, hashSecret(secret));
}

const hasControlCharacter = (text: string): boolean => [...text].some((char) => char < ' ' || char === '\u007f');

function grantsFor(input: RegisterClientInput): OAuthGrant[] {
  return input.grantType === 'client_credentials' ? ['client_credentials'] : ['authorization_code', 'refresh_token'];
}

/** Registering OAuth apps (an extension: the published API has no such endpoint). */
@Injectable()
export class OAuthClientsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cache: AuthCache,
  ) {}

  async register(userId: number, input: RegisterClientInput): Promise<RegisteredClient> {
    if (input.grantType === 'client_credentials' && !input.confidential) {
      throw credentialsValidationError('ClientCredentialsAppMustBeConfidential');
    }
    if (input.grantType === 'authorization_code' && input.redirectUris.length === 0) {
      throw credentialsValidationError('AuthorizationCodeAppNeedsRedirectUri');
    }
    const clientSecret = input.confidential ? generateSecret(CLIENT_SECRET_PREFIX) : null;
    const repository = this.dataSource.getRepository(OAuthClient);
    const client = repository.create({
      clientId: randomBytes(16).toString('hex'),
      name: input.name,
      secretHash: clientSecret ? hashSecret(clientSecret) : null,
      redirectUris: input.redirectUris,
      grants: grantsFor(input),
      userId,
    });
    await repository.insert(client);
    return { client, clientSecret };
  }

  /** A live app by its public client_id, or null. */
  async find(clientId: string | undefined): Promise<OAuthClient | null> {
    // Control characters (a NUL) can name no client, and PostgreSQL text could not even compare them.
    if (!clientId || clientId.length > 64 || hasControlCharacter(clientId)) return null;
    return this.dataSource.getRepository(OAuthClient).findOneBy({ clientId, deletedAt: IsNull() });
  }

  async authenticate(clientId: string | undefined, secret: string | undefined): Promise<OAuthClient | null> {
    const client = await this.find(clientId);
    return client && clientSecretAccepted(client, secret) ? client : null;
  }

  /** RFC 7009: revokes the token (access or refresh) if this client holds it; both halves share one row. */
  async revokeToken(client: OAuthClient, token: string): Promise<void> {
    const hash = hashSecret(token);
    const [rows] = (await this.dataSource.query(
      `UPDATE oauth_tokens SET revoked_at = now()
        WHERE client_id = $1 AND revoked_at IS NULL AND (access_token_hash = $2 OR refresh_token_hash = $2)
        RETURNING access_token_hash`,
      [client.id, hash],
    )) as [{ access_token_hash: string }[], number];
    // This process refuses the token from the next request on; the NOTIFY trigger reaches it (and the others) later.
    for (const row of rows) this.cache.invalidate({ kind: 'token', hash: row.access_token_hash });
  }

  list(userId: number): Promise<OAuthClient[]> {
    return this.dataSource.getRepository(OAuthClient).find({ where: { userId, deletedAt: IsNull() }, order: { id: 'ASC' } });
  }

  /** Deleting an app revokes every token it holds. */
  async remove(userId: number, clientId: string): Promise<void> {
    if (clientId.length > 64 || hasControlCharacter(clientId)) throw credentialsError('OAuthAppNotFound');
    const id = await this.dataSource.transaction(async (manager) => {
      const client = await manager.getRepository(OAuthClient).findOneBy({ clientId, userId, deletedAt: IsNull() });
      if (!client) throw credentialsError('OAuthAppNotFound');
      await manager.getRepository(OAuthClient).update({ id: client.id }, { deletedAt: new Date() });
      await manager.query('UPDATE oauth_tokens SET revoked_at = now() WHERE client_id = $1 AND revoked_at IS NULL', [client.id]);
      return client.id;
    });
    this.cache.invalidate({ kind: 'client', id });
  }
}
