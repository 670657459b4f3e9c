import { ApiException, FieldErrors } from '@app/common';

/** Ids in a request body that name no live row of the caller's workspace: a 422 naming each field. */
export const invalidReferences = (errors: FieldErrors): ApiException => ApiException.validation(errors);

/** The message of one such field. */
export const invalidReferenceMessage = (field: string): string => `The selected ${field} is invalid.`;
