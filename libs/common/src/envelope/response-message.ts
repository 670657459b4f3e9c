export const RESPONSE_MESSAGE = 'webwork:response-message';

export const RAW_RESPONSE = 'webwork:raw-response';
