import { errorCatalog, validationErrorCatalog } from '@app/common';

export const credentialsError = errorCatalog({
  PersonalAccessTokenRequired: [403, 'Credentials can only be managed with a personal access token, not an OAuth access token.'],
  PersonalAccessTokenNotFound: [404, 'Personal access token not found.'],
  OAuthAppNotFound: [404, 'OAuth app not found.'],
} as const);

/** Registration rules that class-validator cannot express (they relate two fields). */
export const credentialsValidationError = validationErrorCatalog({
  ClientCredentialsAppMustBeConfidential: [
    'confidential',
    'A client-credentials app must be confidential (it authenticates with its secret).',
  ],
  AuthorizationCodeAppNeedsRedirectUri: ['redirect_uris', 'An authorization-code app needs at least one redirect URI.'],
} as const);
