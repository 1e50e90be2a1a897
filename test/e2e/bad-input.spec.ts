// Issue 15, bad input in a real browser: every number and text box that <viva-settings> draws for every
// registered demo (read from src/demos/registry.ts, so a new demo is covered) is fed bad values through the
// real control (fill, then Enter or Tab); each one gets a message beside its box, the demo's settings store
// keeps a valid value (the previous one when the text is refused), and the page logs no error (the fixture
// fails the test on any console error or uncaught exception). Then a few hundred seeded random strings are
// typed into the backprop expression, the attention sentence and the transformer's test box: no exception,
// a message for every string the cell does not take, and a valid input still gives a result afterwards.
// The Node fuzz (test/unit/kit/settings-fuzz.test.ts) covers every value kind exhaustively; this checks the
// controls wire it up.
import type { Locator, Page } from '@playwright/test';
import { DEMO_IDS } from './demo-list.ts';
import { expect, test } from './fixtures.ts';

/** Refused by every number box (each is typed after a different one, so the box always changes). */
const REFUSED = ['0x10', 'a'.repeat(400)];

async function openDemo(page: Page, id: string): Promise<Locator> {
  await page.goto(`/#${id}`);
  await page.locator(`viva-cell#${id} button.open`).click();
  const demo = page.locator(`viva-demo-${id}`);
  await expect(demo.locator('viva-settings').first()).toBeAttached();
  return demo;
}

/** Every setting drawn as a text box (a number box or a text setting), with its kind. */
function boxKeys(demo: Locator) {
  return demo.evaluate((root) => {
    const found = new Map<string, string>();
    const store = (root as unknown as { settingsStore: { setting(k: string): { kind: string } } })
      .settingsStore;
    const visit = (node: ParentNode) => {
      for (const el of node.querySelectorAll('*')) {
        if (el.matches('.setting[data-key]')) {
          const key = el.getAttribute('data-key')!;
          const slider = el.querySelector('viva-slider');
          const box = (slider?.shadowRoot ?? el).querySelector<HTMLInputElement>('input[type="text"]');
          if (box && !box.disabled && box.getClientRects().length > 0)
            found.set(key, store.setting(key).kind);
        }
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(root.shadowRoot ?? root);
    return [...found].map(([key, kind]) => ({ key, kind }));
  });
}

/** A setting's visible, enabled text box. */
const boxOf = (demo: Locator, key: string) =>
  demo
    .locator(`viva-settings .setting[data-key="${key}"] input[type="text"]:enabled`)
    .filter({ visible: true })
    .first();

/** The message beside a box and the store's value for its key (the box's demo found up the shadow tree). */
const readBack = (box: Locator, key: string) =>
  box.evaluate((el, k) => {
    const id = el.getAttribute('aria-describedby');
    const root = el.getRootNode() as ShadowRoot | Document;
    const message = (id && root.getElementById(id)?.textContent?.trim()) || '';
    let host: Node = el;
    while (!(host instanceof Element && host.tagName.startsWith('VIVA-DEMO-')))
      host = (host.getRootNode() as ShadowRoot).host ?? host.parentNode!;
    return {
      message,
      value: (host as unknown as { settingsStore: { get(k: string): unknown } }).settingsStore.get(k),
    };
  }, key);

/** The message shown beside a box (its aria-describedby target). */
const messageOf = (box: Locator) =>
  box.evaluate((el) => {
    const id = el.getAttribute('aria-describedby');
    const root = el.getRootNode() as ShadowRoot | Document;
    return (id && root.getElementById(id)?.textContent?.trim()) || '';
  });

/** Every value in the store is valid for its setting: the names of those that are not. */
const invalidValues = (demo: Locator) =>
  demo.evaluate((el) => {
    type S = {
      key: string;
      kind: string;
      min: number;
      max: number;
      maxLength: number;
      options: { value: string }[];
      check?: (t: string) => string | null;
    };
    const st = (el as unknown as { settingsStore: { table: S[]; values: Record<string, unknown> } })
      .settingsStore;
    return st.table
      .filter((s) => {
        const v = st.values[s.key];
        if (s.kind === 'number' || s.kind === 'integer')
          return !(
            typeof v === 'number' &&
            v >= s.min &&
            v <= s.max &&
            (s.kind === 'number' || Number.isInteger(v))
          );
        if (s.kind === 'choice') return !s.options.some((o) => o.value === v);
        if (s.kind === 'toggle') return typeof v !== 'boolean';
        return !(typeof v === 'string' && v.length <= s.maxLength && (s.check?.(v) ?? null) === null);
      })
      .map((s) => `${s.key}=${String(st.values[s.key]).slice(0, 30)}`);
  });

const storeValue = (demo: Locator, key: string) =>
  demo.evaluate(
    (el, k) => (el as unknown as { settingsStore: { get(k: string): unknown } }).settingsStore.get(k),
    key,
  );

test('every number and text box of every demo answers bad values with a message and keeps a valid value', async ({
  page,
}) => {
  test.setTimeout(150_000);
  expect(DEMO_IDS.length).toBeGreaterThanOrEqual(15);
  let tried = 0;
  for (const id of DEMO_IDS) {
    const demo = await openDemo(page, id);
    for (const { key, kind } of await boxKeys(demo)) {
      const box = boxOf(demo, key);
      const before = await storeValue(demo, key);
      const where = `${id}.${key}`;
      let previous = before;
      // A number box refuses each of these; a text box takes any text its check accepts, and what it refuses
      // gets a message and changes nothing.
      const values = kind === 'text' ? ['((((', '<img src=x onerror=alert(1)>', ''] : REFUSED;
      for (const [j, raw] of values.entries()) {
        await box.fill(raw);
        await box.press(j % 2 ? 'Tab' : 'Enter');
        tried++;
        const got = await readBack(box, key);
        if (kind === 'text' && got.value === raw) {
          previous = raw;
          continue;
        }
        expect(got.message, `${where} ← ${raw.slice(0, 20)}`).not.toBe('');
        expect(got.value, `${where} ← ${raw.slice(0, 20)}`).toBe(previous);
      }
      if (kind === 'text') {
        await box.fill(String(before));
        await box.press('Enter');
      }
    }
    expect(await invalidValues(demo), id).toEqual([]);
  }
  console.info(
    `bad-input e2e: ${tried} bad values typed into the settings boxes of ${DEMO_IDS.length} demos`,
  );
});

/** mulberry32, so the strings are the same on every run. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random strings from a cell's tokens plus junk: unbalanced parentheses, unicode, huge numbers, empty, long. */
function randomStrings(seed: number, tokens: string[], n: number): string[] {
  const rand = seeded(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const junk = [
    '(',
    ')',
    '((',
    '1e999',
    '-1e308',
    'NaN',
    '0x10',
    'é',
    '😀',
    '\u202e',
    '\u0000',
    '√',
    ';',
    '"',
    '<b>',
  ];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (r < 0.05) out.push('');
    else if (r < 0.1) out.push(pick(tokens).repeat(80 + Math.floor(rand() * 200)));
    else {
      const len = 1 + Math.floor(rand() * 12);
      const parts: string[] = [];
      for (let k = 0; k < len; k++) parts.push(rand() < 0.75 ? pick(tokens) : pick(junk));
      out.push(parts.join(rand() < 0.5 ? ' ' : ''));
    }
  }
  return out;
}

/** Types each string with Enter; returns how many the cell refused (each must have shown a message). */
async function burst(
  box: Locator,
  strings: string[],
  accepted: (s: string) => Promise<boolean>,
  message: () => Promise<string>,
) {
  let refused = 0;
  for (const s of strings) {
    await box.fill(s);
    await box.press('Enter');
    if (!(await accepted(s))) {
      refused++;
      expect(await message(), `no message for ${JSON.stringify(s.slice(0, 40))}`).not.toBe('');
    }
  }
  return refused;
}

test('seeded random strings in the backprop expression, the attention sentence and the transformer test box', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // Backprop: 100 expressions; the store takes an expression only when it parses.
  let demo = await openDemo(page, 'backprop');
  let box = demo.getByRole('textbox', { name: 'Expression', exact: true });
  const exprTokens = [
    'x',
    'y',
    'w1',
    'b',
    '+',
    '-',
    '*',
    '/',
    '^',
    'tanh(',
    'exp(',
    'log(',
    'relu(',
    '2.5',
    '0',
    ')',
  ];
  const refusedExpr = await burst(
    box,
    randomStrings(1, exprTokens, 100),
    async (s) => (await storeValue(demo, 'expr')) === s,
    () => messageOf(box),
  );
  await box.fill('tanh(w1*x1 + w2*x2 + b)');
  await box.press('Enter');
  await expect(demo.locator('viva-graph-view g.node')).toHaveCount(10);
  expect(await messageOf(box)).toBe('');

  // Attention: 60 sentences.
  demo = await openDemo(page, 'attention');
  box = demo.getByRole('textbox', { name: /sentence/i }).first();
  const words = ['the', 'cat', 'sat', 'on', 'mat', 'a', 'dog', 'it', 'was', 'tired', '.', ',', '!'];
  const refusedSentence = await burst(
    box,
    randomStrings(2, words, 60),
    async (s) => (await storeValue(demo, 'sentence')) === s,
    () => messageOf(box),
  );
  await box.fill('the cat sat on the mat');
  await box.press('Enter');
  expect(await messageOf(box)).toBe('');
  expect(await storeValue(demo, 'sentence')).toBe('the cat sat on the mat');

  // Transformer: 60 test inputs on the untrained model; a refused one shows #test-error.
  demo = await openDemo(page, 'transformer');
  box = demo.locator('input.test-input');
  const length = Number(
    /\((\d+) digits\)/.exec((await demo.locator('label[for="test-input"]').textContent())!)![1],
  );
  const digits = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '12345', '00'];
  const testError = () => demo.locator('#test-error').evaluate((e) => e.textContent!.trim());
  const refusedTest = await burst(
    box,
    randomStrings(3, digits, 60),
    async () => (await testError()) === '',
    testError,
  );
  const valid = '31415926535'.slice(0, length);
  await box.fill(valid);
  await box.press('Enter');
  await expect(demo.locator('.answer')).toContainText(`expected`);
  expect(await testError()).toBe('');
  console.info(
    `bad-input e2e: 220 random strings; refused with a message: expr ${refusedExpr}/100, sentence ${refusedSentence}/60, test box ${refusedTest}/60`,
  );
});
