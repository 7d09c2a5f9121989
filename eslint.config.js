// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.neo4j/**',
      'coverage/**',
      'tests/bench/out/**',
      'tests/e2e/screenshots/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['client/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // The one door to the database: only queries/db.ts may import the driver.
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'neo4j-driver', message: 'Use queries/db.ts, the one door to the database.' }] },
      ],
    },
  },
  {
    files: ['queries/db.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
