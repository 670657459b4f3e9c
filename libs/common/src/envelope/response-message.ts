export const RESPONSE_MESSAGE = 'webwork:response-message';
