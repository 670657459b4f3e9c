export const RESPONSE_MESSAGE = 'webwork:response-message';

export const RAW_RESPONSE = 'webwork:raw-response';
/** Lists that also repeat `pagination` at the top level, next to `meta` (listContracts, conventions.md). */
export const RESPONSE_TOP_LEVEL_PAGINATION = 'webwork:response-top-level-pagination';
