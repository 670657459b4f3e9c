import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

// Error envelopes are built in libs/common only (the exception filter and its helpers). Everywhere else an error
// comes from a catalogue (`*.exception.ts`: a table of codes, each with its status and message), so no service,
// controller or hook writes a status, a message or an envelope by hand.
const ENVELOPE_IN_COMMON = 'Error envelopes are built in libs/common only: throw an error from a catalogue (*.exception.ts).';
const ERRORS_IN_CATALOGUES =
  'Errors are declared in a catalogue (`errorCatalog`/`validationErrorCatalog` in a *.exception.ts file), not built here.';
const HAND_BUILT_ENVELOPE = [
  { selector: "Property[key.name='success'][value.value=false]", message: ENVELOPE_IN_COMMON },
  { selector: "Property[key.value='success'][value.value=false]", message: ENVELOPE_IN_COMMON },
];
const HAND_BUILT_ERROR = [
  { selector: "NewExpression[callee.name='ApiException']", message: ERRORS_IN_CATALOGUES },
  { selector: "CallExpression[callee.object.name='ApiException'][callee.property.name='validation']", message: ERRORS_IN_CATALOGUES },
];
const ENVELOPE_IMPORTS = {
  paths: [{ name: '@app/common', importNames: ['errorEnvelope'], message: ENVELOPE_IN_COMMON }],
  patterns: [
    // Nest's HTTP exceptions would reach the filter as generic messages, bypassing the catalogues.
    { group: ['@nestjs/common'], importNamePattern: 'Exception$', message: ERRORS_IN_CATALOGUES },
    { group: ['**/libs/common/**'], message: 'Import libs/common through @app/common.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', '.bench-build/**', 'node_modules/**', 'coverage/**', '.data/**', 'bench/results/**'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', fetch: 'readonly', setTimeout: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-console': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: ['libs/common/**', '**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...HAND_BUILT_ENVELOPE, ...HAND_BUILT_ERROR],
      'no-restricted-imports': ['error', ENVELOPE_IMPORTS],
    },
  },
  {
    // The catalogues themselves construct their errors; they still never build an envelope.
    files: ['apps/**/*.exception.ts', 'libs/**/*.exception.ts'],
    ignores: ['libs/common/**'],
    rules: { 'no-restricted-syntax': ['error', ...HAND_BUILT_ENVELOPE] },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
