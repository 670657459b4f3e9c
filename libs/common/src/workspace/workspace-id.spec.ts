import { describe, expect, it } from '@jest/globals';
import { ApiException } from '../errors/api-exception';
import { resolveWorkspaceId } from './workspace-id';

function errorOf(fn: () => unknown): ApiException {
  try {
    fn();
  } catch (error) {
    return error as ApiException;
  }
  throw new Error('expected an error');
}

describe('resolveWorkspaceId', () => {
  it('reads the query string or the body', () => {
    expect(resolveWorkspaceId({ workspace_id: '7' }, undefined)).toBe(7);
    expect(resolveWorkspaceId({}, { workspace_id: 7 })).toBe(7);
    expect(resolveWorkspaceId({}, { workspace_id: '7' })).toBe(7);
    expect(resolveWorkspaceId({ workspace_id: '7' }, { workspace_id: 7 })).toBe(7);
  });

  it.each([
    [{}, undefined],
    [{ workspace_id: '' }, undefined],
    [{ workspace_id: 'abc' }, undefined],
    [{ workspace_id: '1.5' }, undefined],
    [{ workspace_id: '0' }, undefined],
    [{}, { workspace_id: true }],
    [{}, { workspace_id: -3 }],
    [{ workspace_id: '1' }, { workspace_id: 2 }],
  ])('rejects query %j with body %j as 422 on workspace_id', (query, body) => {
    const error = errorOf(() => resolveWorkspaceId(query, body));
    expect(error.status).toBe(422);
    expect(Object.keys(error.errors ?? {})).toEqual(['workspace_id']);
  });

  it('ignores a body that is not an object', () => {
    expect(resolveWorkspaceId({ workspace_id: '3' }, 'text')).toBe(3);
  });
});
