import { ApiException } from '../errors/api-exception';
import { isDatabaseId, parseCanonicalId } from '../validation/database-id';

function parse(value: unknown): number | undefined | 'invalid' {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') return parseCanonicalId(value) ?? 'invalid';
  return isDatabaseId(value) ? value : 'invalid';
}

function invalid(message: string): ApiException {
  return ApiException.validation({ workspace_id: [message] });
}

/**
 * `workspace_id` may travel in the query or the JSON body on every operation (conventions.md):
 * missing or not an integer → 422; present in both with different values → 422.
 */
export function resolveWorkspaceId(query: unknown, body: unknown): number {
  const fromQuery = parse((query as Record<string, unknown> | undefined)?.workspace_id);
  const fromBody =
    body && typeof body === 'object' && !Array.isArray(body) ? parse((body as Record<string, unknown>).workspace_id) : undefined;
  if (fromQuery === 'invalid' || fromBody === 'invalid') throw invalid('The workspace id must be an integer.');
  if (fromQuery !== undefined && fromBody !== undefined && fromQuery !== fromBody) {
    throw invalid('The workspace id in the query and the body must match.');
  }
  const id = fromQuery ?? fromBody;
  if (id === undefined) throw invalid('The workspace id field is required.');
  return id;
}
