import { OAuthClient } from '@app/auth';
import type { RegisteredClient, RegisterClientInput } from '../../../apps/api/src/modules/oauth/oauth-clients.service';
import { FactoryDeps } from './factory-deps';

export interface CreateOAuthAppInput extends Partial<RegisterClientInput> {
  ownerId: number;
  /** Replaces the random client id, for config that must name the client before it exists. */
  clientId?: string;
}

/** OAuth apps registered through the real service (hashing, grants), as the CLI and the API do. */
export class OAuthAppsFactory {
  constructor(private readonly deps: FactoryDeps) {}

  async create({ ownerId, clientId, ...input }: CreateOAuthAppInput): Promise<RegisteredClient> {
    const registered = await this.deps.clients.register(ownerId, {
      name: 'Test App',
      redirectUris: ['http://127.0.0.1:9/callback'],
      grantType: 'authorization_code',
      confidential: true,
      ...input,
    });
    if (clientId) {
      await this.deps.dataSource.getRepository(OAuthClient).update({ id: registered.client.id }, { clientId });
      registered.client.clientId = clientId;
    }
    return registered;
  }
}
