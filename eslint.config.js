import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const RUNTIME_MODULES = [
  { group: ['node:*'], message: 'packages/core is runtime-free: receive this through a port.' },
  { group: ['hono', 'hono/*', '@hono/*'], message: 'HTTP belongs to apps/workers.' },
  {
    group: ['drizzle-orm', 'drizzle-orm/*', 'pg', '@electric-sql/*', '@neondatabase/*'],
    message: 'Persistence belongs to packages/db.',
  },
  { group: ['svelte', 'svelte/*', '@sveltejs/*'], message: 'UI belongs to apps/web.' },
  { group: ['partyserver', 'partysocket', 'ws'], message: 'Sockets belong to apps/party and apps/onprem.' },
  { group: ['cloudflare:*', '@cloudflare/*'], message: 'Cloudflare belongs to the edge apps.' },
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/build/**',
      '**/.svelte-kit/**',
      '**/.wrangler/**',
      '**/.data/**',
      '**/.tmp/**',
      'packages/db/migrations/**',
      '**/*.d.ts',
      '.xdg/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.ts'],
    ignores: ['**/*.config.ts', 'e2e/**', 'bench/**', 'scripts/**'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    files: ['packages/core/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: RUNTIME_MODULES }],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'Read configuration in the app composition root and pass it in.' },
        { name: 'fetch', message: 'Network access goes through a port.' },
        { name: 'crypto', message: 'Randomness and hashing go through TokenVault / PasswordHasher.' },
        { name: 'setTimeout', message: 'Time goes through the Clock port.' },
        { name: 'setInterval', message: 'Scheduling belongs to the app.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Use the Clock port.',
        },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Use the Clock port.' },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'Randomness goes through a port.',
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
);
