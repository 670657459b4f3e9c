import { errorCatalog } from '@app/common';

export const credentialsError = errorCatalog({
  PersonalAccessTokenRequired: [403, 'Credentials can only be managed with a personal access token, not an OAuth access token.'],
  PersonalAccessTokenNotFound: [404, 'Personal access token not found.'],
  OAuthAppNotFound: [404, 'OAuth app not found.'],
} as const);
