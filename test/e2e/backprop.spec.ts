import { expect, test } from './fixtures.ts';

test('type an expression, step the backward pass to the end, and read the right gradients', async ({
  page,
}) => {
  await page.goto('/#backprop');
  await page.locator('viva-cell#backprop button.open').click();
  const demo = page.locator('viva-demo-backprop');
  const expr = demo.locator('input.expr');
  await expect(expr).toHaveValue('tanh(w1*x1 + w2*x2 + b)');
  await expr.fill('x*y + x');
  await expr.press('Enter');
  await demo.locator('viva-slider[data-variable="x"] input.number').fill('2');
  await demo.locator('viva-slider[data-variable="x"] input.number').press('Enter');
  await demo.locator('viva-slider[data-variable="y"] input.number').fill('3');
  await demo.locator('viva-slider[data-variable="y"] input.number').press('Enter');

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
  await expect(demo.locator('viva-graph-view g.node')).toHaveCount(10);
  // Typing j and k in a field inside the demo types them; it does not move between cells.
  await demo.locator('input.expr').fill('');
  await demo.locator('input.expr').pressSequentially('jk');
  await expect(demo.locator('input.expr')).toHaveValue('jk');
  await expect(page.locator('viva-cell#backprop')).toBeInViewport();
  await demo.locator('input.expr').fill('foo(x) + 1');
  await demo.locator('input.expr').press('Enter');
  await expect(demo.locator('#expr-error')).toContainText('foo');
  await expect(demo.locator('#expr-error')).toContainText('sigmoid');
  await expect(demo.locator('input.expr')).toHaveAttribute('aria-invalid', 'true');
  await expect(demo.locator('viva-graph-view g.node')).toHaveCount(10);
  await demo.locator('viva-mlp-trainer input.sizes').fill('16, 100');
  await demo.locator('viva-mlp-trainer input.sizes').press('Enter');
  await expect(demo.locator('#sizes-error')).toHaveText(
    'Each layer size must be a whole number from 1 to 64; "100" is not.',
  );
});

test('Run plays the walkthrough and trains the MLP; accuracy rises; Esc stops a second run', async ({
  page,
}) => {
  await page.goto('/#backprop');
  const cell = page.locator('viva-cell#backprop');
  await expect(cell.locator('viva-demo-backprop')).toHaveCount(0); // not loaded until asked for
  await cell.focus();
  await page.keyboard.press('Shift+Enter');
  await expect(cell.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'running');
  await expect(cell.locator('viva-progress')).toBeVisible();
  await expect(cell.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'done', {
    timeout: 90_000,
  });
  const accuracy = Number((await cell.locator('.accuracy').textContent())!.replace('%', ''));
  expect(accuracy).toBeGreaterThanOrEqual(95);
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
