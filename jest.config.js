// Nest 12 ships ESM only, so Jest runs in native ESM mode (see package.json "test").
/** @type {import('jest').Config} */
export default {
  rootDir: '.',
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  testRegex: '(apps|libs|test|openapi)/.*\\.(spec|e2e-spec)\\.ts$',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
    // CommonJS packages (@fastify/send) require() this ESM-only package; Node 20's require(esm) is not
    // available inside Jest's module system, so it is compiled to CommonJS for the tests.
    '/node_modules/content-disposition/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
  moduleNameMapper: {
    '^@app/(common|auth|database)$': '<rootDir>/libs/$1/src',
    '^@app/(common|auth|database)/(.*)$': '<rootDir>/libs/$1/src/$2',
  },
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  // Fails any e2e test that received a response the committed OpenAPI document does not declare.
  setupFilesAfterEnv: ['<rootDir>/test/setup/response-validation.ts'],
  testTimeout: 30000,
};
