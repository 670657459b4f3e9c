import request from 'supertest';
import type { TestApp } from './test-app';

/** Authenticated request helpers: `api(t).get(path, token)`. */
export function api(testApp: TestApp) {
  const http = testApp.http;
  const auth = (req: request.Test, token?: string): request.Test => (token ? req.set('Authorization', `Bearer ${token}`) : req);
  return {
    get: (path: string, token?: string) => auth(request(http).get(path), token),
    post: (path: string, token?: string) => auth(request(http).post(path), token),
    put: (path: string, token?: string) => auth(request(http).put(path), token),
    delete: (path: string, token?: string) => auth(request(http).delete(path), token),
    raw: () => request(http),
  };
}
