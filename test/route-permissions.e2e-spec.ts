import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RequestMethod } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { Permission, PERMISSION_KEY, PERMISSION_RULES, PUBLIC_KEY, Role } from '@app/auth';
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

/** `projects.update [write; Owner, Executive manager; workspace]`: the rule as the code states it, for review only. */
function describeDeclaration(declaration: string | undefined): string {
  const rule = declaration === undefined ? undefined : PERMISSION_RULES[declaration as Permission];
  if (!rule) return String(declaration);
  const roles = Object.values(Role).every((role) => rule.roles.includes(role)) ? 'any role' : rule.roles.join(', ');
  return `${declaration} [${rule.scope}; ${roles}; ${rule.workspaceScoped ? 'workspace' : 'no workspace'}]`;
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

  // Shows each permission's scope, roles and workspace scoping from PERMISSION_RULES, so a rule change shows up in
  // review. Not a correctness oracle (that is the role matrix, written from the docs).
  it('matches the reviewed METHOD path → permission [scope; roles; workspace] table', () => {
    const table = declaredRoutes(t).map((r) => `${r.route} -> ${describeDeclaration(r.declaration)}`);
    expect(table).toMatchSnapshot();
  });
});
