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
    // queries/db.ts is the door; neo4j/initial-password.ts runs the one statement a fresh local
    // instance needs before any Db can sign in (its password), so neo4j/ need not depend on queries/.
    files: ['queries/db.ts', 'neo4j/initial-password.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // queries/ is the one model of the data: the server, the command line, the client and
    // ingest and the collectors call its functions and never run a statement themselves. They may
    // hold a Db (as a type), open a transaction for queries/ functions to share, and recognise the
    // database's errors; neo4j/ sets a new instance's initial password through db.ts.
    files: [
      'server/**/*.ts',
      'cli/**/*.ts',
      'client/**/*.{ts,tsx}',
      'collect/**/*.ts',
      'ingest/**/*.ts',
      'neo4j/**/*.ts',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/queries/cypher.ts'],
              message:
                'Cypher is loaded only in queries/: call (or add) a function of the module for that resource.',
            },
            {
              group: ['**/queries/db.ts'],
              allowTypeImports: true,
              allowImportNames: [
                'DatabaseError',
                'DatabaseAuthError',
                'DatabaseUnavailableError',
                'ConstraintViolationError',
                'SERVER_READ_TIMEOUT_MS',
              ],
              message: 'Only queries/ runs statements: take a Db as a type and call a queries/ function.',
            },
          ],
        },
      ],
    },
  },
);
