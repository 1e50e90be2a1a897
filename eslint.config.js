// Lint rules. The project-specific ones keep the layers apart (DESIGN.md, "dependency direction"):
// - math (src/autograd, kernels) never imports UI code, Lit, Plotly or the DOM-side runtime, so it stays
//   testable in Node; kernels import no mathjs either (expression parsing and symbolic maths are src/autograd's);
// - src/ui (general views and controls) imports no demo code;
// - a demo folder imports no other demo folder (what two demos share lives in src/ui).
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

/** Globals only a page has: math code that touches them would not run in Node or a worker. */
const domGlobals = ['document', 'window', 'localStorage', 'customElements', 'HTMLElement', 'navigator'];

/**
 * Imports out of one demo folder into another: a relative path that climbs out of the file's demo folder
 * (`depth` levels below src/demos) into a sibling folder, or any path through a `demos/` folder (a demo reaches
 * its own files with ./). `../contract` and `../registry` (files, not folders) stay allowed.
 */
const siblingDemo = (depth) => ({
  regex: `^(\\.\\./){${depth}}[^./][^/]*/|(^|/)demos/`,
  message:
    'A demo folder must not import another demo folder: move what two demos share to src/ui (views, styles) ' +
    'or kernels/ (maths).',
});

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
      'no-restricted-globals': ['error', ...domGlobals],
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
  {
    files: ['kernels/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...uiImports.patterns,
            {
              group: ['mathjs', 'mathjs/*', '**/autograd', '**/autograd/**'],
              message:
                'Kernels do not import mathjs (nor src/autograd, which does): expression parsing and symbolic ' +
                'maths belong to src/autograd.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/ui/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/demos', '**/demos/**'],
              message: 'src/ui holds general views: it must not import demo code (src/demos).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/demos/*/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [siblingDemo(1)] }] },
  },
  {
    files: ['src/demos/*/*/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [siblingDemo(2)] }] },
  },
);
