// Lint rules. The one project-specific rule: math (src/autograd, kernels) never imports UI code,
// Lit, Plotly or the DOM-side runtime — so it stays testable in Node (DESIGN.md, "dependency direction").
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const uiImports = {
  patterns: [
    { group: ['lit', 'lit/*', '@lit/*'], message: 'Math code must not import Lit.' },
    { group: ['plotly.js-dist-min', 'plotly.js*'], message: 'Math code must not import Plotly.' },
    { group: ['**/ui/**', '**/demos/**', '**/notebook/**'], message: 'Math code must not import UI code.' },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench/results/**',
      '.tmp/**',
      '.test-reports/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/autograd/**/*.ts', 'kernels/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': ['error', uiImports],
      'no-restricted-globals': ['error', 'document', 'window', 'localStorage', 'customElements'],
    },
  },
  {
    files: ['src/autograd/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...uiImports.patterns,
            {
              group: ['@tensorflow/*', '**/runtime/**', '**/kernels/**'],
              message: 'The autograd core imports nothing but mathjs.',
            },
          ],
        },
      ],
    },
  },
);
