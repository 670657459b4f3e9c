import { describe, expect, it } from '@jest/globals';
import { redactUrl } from './logger';

describe('redactUrl', () => {
  it('hides secrets a client put in the query string', () => {
    expect(redactUrl('/api/v2/projects?workspace_id=1&access_token=wwpat_abc&page=2')).toBe(
      '/api/v2/projects?workspace_id=1&access_token=[redacted]&page=2',
    );
    expect(redactUrl('/cb?code=abc&state=xyz')).toBe('/cb?code=[redacted]&state=xyz');
  });

  it('hides the token of an invitation link', () => {
    expect(redactUrl('/dashboard/accept-invitation/wwinv_secret-token_1?x=1')).toBe('/dashboard/accept-invitation/[redacted]?x=1');
  });

  it('leaves ordinary URLs alone', () => {
    expect(redactUrl('/api/v2/projects?workspace_id=1&name=code')).toBe('/api/v2/projects?workspace_id=1&name=code');
  });
});
