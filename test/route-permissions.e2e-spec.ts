import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RequestMethod } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { PERMISSION_KEY, PUBLIC_KEY } from '@app/auth';
import { createTestApp, TestApp } from './support/test-app';

interface RouteDeclaration {
  route: string;
  declaration: string | undefined;
}

/** Every handler of every controller, with what it declares to the global guard. */
function declaredRoutes(t: TestApp): RouteDeclaration[] {
  const discovery = new DiscoveryService(t.app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const reflector = new Reflector();
  const routes: RouteDeclaration[] = [];
  for (const wrapper of discovery.getControllers()) {
    const { instance, metatype } = wrapper;
    if (!instance || !metatype) continue;
    const prototype = Object.getPrototypeOf(instance) as object;
    const base = String(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = (prototype as Record<string, () => unknown>)[name];
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      if (path === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      const route = `${method} /${[base, path].filter((p) => p && p !== '/').join('/')}`;
      const targets = [handler, metatype];
      const permission = reflector.getAllAndOverride<string>(PERMISSION_KEY, targets);
      const isPublic = reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets);
      routes.push({ route, declaration: permission ?? (isPublic ? 'public' : undefined) });
    }
  }
  return routes.sort((a, b) => a.route.localeCompare(b.route));
}

describe('Route permission declarations', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('finds routes to check', () => {
    expect(declaredRoutes(t).length).toBeGreaterThanOrEqual(7);
  });

  it('has every route declare @Authenticated({ permission }) or @Public()', () => {
    const undeclared = declaredRoutes(t)
      .filter((r) => r.declaration === undefined)
      .map((r) => r.route);
    expect(undeclared).toEqual([]);
  });

  it('matches the reviewed METHOD path → permission table', () => {
    const table = declaredRoutes(t).map((r) => `${r.route} -> ${r.declaration}`);
    expect(table).toMatchSnapshot();
  });
});
