import { expect, test } from './fixtures.ts';
import type { Page } from '@playwright/test';

/** A setting's text box (a number box or a text setting) inside <viva-settings>, by its label. */
const box = (page: Page, label: string) =>
  page.locator('viva-demo-backprop').getByRole('textbox', { name: label, exact: true });

test('type an expression, step the backward pass to the end, and read the right gradients', async ({
  page,
}) => {
  await page.goto('/#backprop');
  await page.locator('viva-cell#backprop button.open').click();
  const demo = page.locator('viva-demo-backprop');
  const expr = box(page, 'Expression');
  await expect(expr).toHaveValue('tanh(w1*x1 + w2*x2 + b)');
  await expr.fill('x*y + x');
  await expr.press('Enter');
  await demo.locator('viva-slider[data-variable="x"] input.number').fill('2');
  await demo.locator('viva-slider[data-variable="x"] input.number').press('Enter');
  await demo.locator('viva-slider[data-variable="y"] input.number').fill('3');
  await demo.locator('viva-slider[data-variable="y"] input.number').press('Enter');
  // The expression and its values are in the address bar.
  await expect(page).toHaveURL(/#backprop\?expr=x\*y\+%2B\+x&at=x%3D2%2Cy%3D3$/);

  // 4 nodes: 4 forward steps, then 4 backward steps.
  const step = demo.locator('button.step');
  for (let i = 0; i < 8; i++) await step.click();
  await expect(step).toBeDisabled();
  await expect(demo.locator('.phase')).toHaveText('Done: every gradient is complete.');

  const gradOf = (name: string) =>
    demo
      .locator('viva-graph-view g.node', { has: page.locator(`text.op:text-is("${name}")`) })
      .locator('text.grad');
  await expect(gradOf('x')).toHaveText('grad 4');
  await expect(gradOf('y')).toHaveText('grad 2');
  await expect(demo.locator('tr[data-variable="x"] td.core')).toHaveText('4');
  await expect(demo.locator('tr[data-variable="y"] td.core')).toHaveText('2');
  await expect(demo.locator('.largest')).toContainText('(agree)');

  // One step back shows the sum where the two paths into x meet.
  await demo.locator('button.back').click();
  await demo.locator('button.back').click();
  await expect(demo.locator('.step-text')).toContainText('∂L/∂x += 1 × 3 = 3; paths meet: 1 + 3 = 4');
});

test('a bad expression shows its error beside the input and keeps the last good graph', async ({ page }) => {
  await page.goto('/#backprop');
  await page.locator('viva-cell#backprop button.open').click();
  const demo = page.locator('viva-demo-backprop');
  const expr = box(page, 'Expression');
  await expect(demo.locator('viva-graph-view g.node')).toHaveCount(10);
  // Typing j and k in a field inside the demo types them; it does not move between cells.
  await expr.fill('');
  await expr.pressSequentially('jk');
  await expect(expr).toHaveValue('jk');
  await expect(page.locator('viva-cell#backprop')).toBeInViewport();
  await expr.fill('foo(x) + 1');
  await expr.press('Enter');
  const message = demo.locator('viva-settings.expr [data-key="expr"] .message');
  await expect(message).toContainText('foo');
  await expect(message).toContainText('sigmoid');
  await expect(expr).toHaveAttribute('aria-invalid', 'true');
  await expect(demo.locator('viva-graph-view g.node')).toHaveCount(10);
  const sizes = box(page, 'Hidden layers (sizes)');
  await sizes.fill('16, 100');
  await sizes.press('Enter');
  await expect(demo.locator('viva-settings [data-key="sizes"] .message')).toHaveText(
    'Each layer size must be a whole number from 1 to 64; "100" is not.',
  );
});

test('Run plays the walkthrough and trains the MLP; accuracy rises; Esc stops a second run', async ({
  page,
}) => {
  await page.goto('/#backprop');
  const cell = page.locator('viva-cell#backprop');
  await expect(cell.locator('viva-demo-backprop')).toHaveCount(0); // not loaded until asked for
  // 60 steps through the link (which loads the demo): the unit tests prove that 500 steps reach 95%.
  await page.goto('/#backprop?steps=60');
  await expect(box(page, 'Steps per Run')).toHaveValue('60');
  await cell.focus();
  await page.keyboard.press('Shift+Enter');
  await expect(cell.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'running');
  await expect(cell.locator('viva-progress')).toBeVisible();
  await expect(cell.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'done', {
    timeout: 30_000,
  });
  await expect(cell.locator('.stats')).toContainText('step 60 ');
  const accuracy = Number((await cell.locator('.accuracy').textContent())!.replace('%', ''));
  expect(accuracy).toBeGreaterThanOrEqual(80); // 67% after the first step, 88% after 60 (in Node)
  const z = await cell
    .locator('viva-heatmap.boundary')
    .evaluate((el) => (el as unknown as { z: number[][] }).z);
  expect(z).toHaveLength(48);
  expect(z.flat().every(Number.isFinite)).toBe(true);

  await cell.locator('button.reset').click();
  await expect(cell.locator('.accuracy')).toHaveText('—');
  await cell.locator('button.run').click();
  await expect(cell.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'running');
  await page.keyboard.press('Escape');
  await expect(cell.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'stopped');
});

test('Copy link restores the settings in a fresh page, and the same Run gives the same loss', async ({
  page,
  context,
}) => {
  await page.goto('/#backprop?steps=20&speed=20');
  const cell = page.locator('viva-cell#backprop');
  await expect(box(page, 'Steps per Run')).toHaveValue('20');
  const noise = page.locator('viva-demo-backprop').getByRole('textbox', { name: 'Noise', exact: true });
  await noise.fill('0.25');
  await noise.press('Enter');
  await box(page, 'Seed').fill('7');
  await box(page, 'Seed').press('Enter');
  await box(page, 'Hidden layers (sizes)').fill('8, 4');
  await box(page, 'Hidden layers (sizes)').press('Enter');
  await cell.locator('button.copy-link').click();
  await expect(cell.locator('.link-note')).toBeVisible();
  const link = page.url();
  expect(link).toMatch(/#backprop\?/);
  for (const part of ['speed=20', 'noise=0.25', 'seed=7', 'sizes=8%2C+4', 'steps=20'])
    expect(link).toContain(part);
  await cell.locator('button.run').click();
  await expect(cell.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'done', {
    timeout: 30_000,
  });
  const loss = await cell.locator('.loss').textContent();
  expect(Number(loss)).toBeGreaterThan(0);

  const fresh = await context.newPage();
  await fresh.goto(link);
  const freshCell = fresh.locator('viva-cell#backprop');
  await expect(box(fresh, 'Seed')).toHaveValue('7');
  await expect(box(fresh, 'Hidden layers (sizes)')).toHaveValue('8, 4');
  await expect(box(fresh, 'Steps per Run')).toHaveValue('20');
  await expect(
    fresh.locator('viva-demo-backprop').getByRole('textbox', { name: 'Noise', exact: true }),
  ).toHaveValue('0.25');
  await expect(freshCell.locator('.link-note')).toHaveCount(0);
  await freshCell.locator('button.run').click();
  await expect(freshCell.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'done', {
    timeout: 30_000,
  });
  await expect(freshCell.locator('.loss')).toHaveText(loss!);
  await expect(freshCell.locator('.stats')).toContainText('MLP(2, [8, 4, 1])');
});

/** The verification table's cell of `variable` in column `column` (core or symbolic). */
const cellOf = (page: Page, variable: string, column: 'core' | 'symbolic') =>
  page.locator(`viva-demo-backprop tr[data-variable="${variable}"] td.${column}`);

test('issue 17: typed expressions answer at once, start fresh, flag saturation and mark stale results', async ({
  page,
}) => {
  await page.goto('/#backprop');
  await page.locator('viva-cell#backprop button.open').click();
  const demo = page.locator('viva-demo-backprop');
  const expr = box(page, 'Expression');
  const preset = demo.getByRole('combobox', { name: 'Preset expressions' });
  await expect(preset).toHaveValue('0');
  // 30 terms froze the tab for minutes (mathjs simplified the derivative); 12 factors took 5 s.
  await expr.fill(Array.from({ length: 30 }, () => 'x').join('+'));
  await expr.press('Enter');
  await expect(cellOf(page, 'x', 'core')).toHaveText('30');
  await expect(cellOf(page, 'x', 'symbolic')).toHaveText('30');
  await expect(preset).toHaveValue('custom');
  await expr.fill(Array.from({ length: 12 }, () => 'x').join('*'));
  await expr.press('Enter');
  // x starts at 0.55: ∂/∂x x^12 = 12 · 0.55^11 = 0.01672.
  await expect(cellOf(page, 'x', 'symbolic')).toHaveText('0.01672');
  await expect(cellOf(page, 'x', 'core')).toHaveText('0.01672');

  // A new expression's variables start at their start values, not the preset's b = 6.88.
  await expr.fill('tanh(x*w+b)');
  await expr.press('Enter');
  const slider = (name: string) => demo.locator(`viva-slider[data-variable="${name}"] input.number`);
  await expect(slider('x')).toHaveValue('0.55');
  await expect(slider('w')).toHaveValue('0.28');
  await expect(slider('b')).toHaveValue('0.72');
  await expect(demo.locator('.saturation')).toHaveCount(0);
  // Enter in a variable's number box: out of range is clamped with the message at once (item 3).
  await slider('b').fill('99');
  await slider('b').press('Enter');
  await expect(demo.locator('viva-slider[data-variable="b"] .message')).toHaveText(
    '99 is above the maximum 10; using 10.',
  );
  await expect(slider('b')).toHaveValue('10');
  await expect(demo.locator('.saturation')).toContainText('Gradients of x, w, b pass through it');
  await expect(demo.locator('viva-graph-view g.node.saturated')).toHaveCount(1);
  await expect(demo.locator('tr[data-variable="b"]')).toHaveClass(/saturated/);

  // An input that cannot be built marks the graph and the table stale; a good one clears the mark.
  await expr.fill('1/0');
  await expr.press('Enter');
  await expect(demo.locator('#expr-error')).toContainText('Infinity');
  await expect(demo.locator('.stale-note')).toContainText('Out of date');
  await expect(demo.locator('viva-graph-view')).toHaveAttribute('stale', '');
  await expr.fill('foo(x)');
  await expr.press('Enter');
  await expect(demo.locator('.stale-note')).toBeVisible();
  await expr.fill('x/2');
  await expr.press('Enter');
  await expect(demo.locator('.stale-note')).toHaveCount(0);
  await expect(demo.locator('viva-graph-view')).not.toHaveAttribute('stale', '');
  await expect(cellOf(page, 'x', 'core')).toHaveText('0.5');
});

test('issue 17: the graph fits its panel with the output node in view, at 1440×900 and 390×844; zoom and pan', async ({
  page,
}) => {
  const expr = 'sigmoid(w1*tanh(a1*x+c1)+w2*tanh(a2*x+c2)+w3*tanh(a3*x+c3)+b)';
  for (const size of [
    { width: 1440, height: 900 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(size);
    await page.goto(`/#backprop?expr=${encodeURIComponent(expr)}`);
    const panel = page.locator('viva-cell#backprop .demo-panel');
    const view = page.locator('viva-demo-backprop viva-graph-view');
    const output = view.locator('g.node.output');
    await expect(output).toBeVisible();
    const [o, v, p] = await Promise.all([output, view, panel].map((l) => l.boundingBox()));
    for (const outer of [v!, p!]) {
      expect(o!.x).toBeGreaterThanOrEqual(outer.x - 0.5);
      expect(o!.x + o!.width).toBeLessThanOrEqual(outer.x + outer.width + 0.5);
    }
    const widths = await panel.evaluate((el) => [el.scrollWidth, el.clientWidth]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
  }
  // Zoom in by button, pan by arrow key, fit again: the viewBox follows.
  const svg = page.locator('viva-demo-backprop viva-graph-view svg');
  const box0 = (await svg.getAttribute('viewBox'))!.split(' ').map(Number);
  await page.locator('viva-demo-backprop viva-graph-view').getByRole('button', { name: 'Zoom in' }).click();
  const box1 = (await svg.getAttribute('viewBox'))!.split(' ').map(Number);
  expect(box1[2]).toBeCloseTo(box0[2]! / 1.25, 3);
  await page.locator('viva-demo-backprop viva-graph-view .viewport').focus();
  await page.keyboard.press('ArrowLeft');
  const box2 = (await svg.getAttribute('viewBox'))!.split(' ').map(Number);
  expect(box2[0]).toBeLessThan(box1[0]!);
  await page.keyboard.press('0');
  await expect(svg).toHaveAttribute('viewBox', box0.join(' '));
});
