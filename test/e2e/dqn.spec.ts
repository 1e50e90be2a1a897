import { expect, test } from './fixtures.ts';
import { plotData } from './plot-data.ts';

test('tabular Q-learning: edit the grid, step one update, train until the greedy path reaches the goal', async ({
  page,
}) => {
  await page.goto('/#dqn');
  await page.locator('viva-cell#dqn button.open').click();
  const grid = page.locator('viva-demo-dqn viva-grid-q');
  await expect(grid.locator('button.cell')).toHaveCount(40);
  await expect(grid.locator('.path-summary')).toHaveAttribute('data-reaches', 'no');

  // Click paints a wall, clicking again clears it.
  const cell = grid.locator('button.cell[data-row="0"][data-col="2"]');
  await expect(cell).toHaveAttribute('data-kind', 'empty');
  await cell.click();
  await expect(cell).toHaveAttribute('data-kind', 'wall');
  await cell.click();
  await expect(cell).toHaveAttribute('data-kind', 'empty');

  // One step writes its Bellman update out with numbers.
  await grid.locator('button.step').click();
  await expect(grid.locator('.bellman .rule')).toContainText('Q((0, 0),');
  await expect(grid.locator('.bellman .numbers')).toHaveText(
    /^= 0\.000 \+ 0\.50·\(−0\.040 \+ 0\.95·0\.000 − 0\.000\) = −0\.020$/,
  );

  await grid.locator('button.train-grid').click();
  await expect(grid.locator('.episodes')).toHaveText('100', { timeout: 20_000 });
  await grid.locator('button.train-grid').click();
  await expect(grid.locator('.episodes')).toHaveText('200', { timeout: 20_000 });
  await expect(grid.locator('.path-summary')).toHaveAttribute('data-reaches', 'yes');
  await expect(grid.locator('.path-summary')).toHaveText(
    'greedy path reaches the goal in 11 moves (shortest: 11)',
  );
  // The start cell now shows a greedy arrow and a positive value.
  await expect(grid.locator('button.cell[data-row="0"][data-col="0"] .arrow')).toHaveText(/[→↓]/);
});

test('DQN: trains CartPole live, the return curve rises, Stop keeps what was learned, greedy policy plays', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.goto('/#dqn');
  await page.locator('viva-cell#dqn button.open').click();
  const panel = page.locator('viva-demo-dqn viva-dqn-panel');
  await panel.locator('viva-slider.episodes input.number').fill('150');
  await panel.locator('viva-slider.episodes input.number').press('Enter');
  await panel.locator('button.train').click();
  await expect(panel.locator('button.train')).toHaveText('Stop');
  await expect(panel.locator('.episode')).toHaveText('150', { timeout: 200_000 });
  await expect(panel.locator('button.train')).toHaveText('Train');

  const returns = (await plotData(panel.locator('viva-line-chart.returns')))[0]!.y;
  expect(returns).toHaveLength(150);
  expect(returns.every(Number.isFinite)).toBe(true);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  expect(mean(returns.slice(-30))).toBeGreaterThan(2 * mean(returns.slice(0, 30)));
  const frames = await panel
    .locator('viva-cartpole-view')
    .evaluate((el) => (el as unknown as { framesDrawn: number }).framesDrawn);
  expect(frames).toBeGreaterThan(10);

  // Train again and stop: the episode count goes on from 150 and stays.
  await panel.locator('button.train').click();
  await expect(panel.locator('.episode')).not.toHaveText('150', { timeout: 30_000 });
  await panel.locator('button.train').click();
  await expect(panel.locator('button.train')).toHaveText('Train');
  const kept = Number(await panel.locator('.episode').textContent());
  expect(kept).toBeGreaterThan(150);

  await panel.locator('button.watch').click();
  await expect(panel.locator('viva-cartpole-view .caption')).toContainText('greedy policy');
  await panel.locator('button.watch').click();
  await expect(panel.locator('button.watch')).toHaveText('Watch the greedy policy');

  // Changing a switch starts a fresh agent.
  await panel.locator('viva-toggle.double button').click();
  await expect(panel.locator('.episode')).toHaveText('0');
});

test('Run trains the grid world then the DQN; Esc stops; Reset restores the defaults', async ({ page }) => {
  await page.goto('/#dqn');
  const cell = page.locator('viva-cell#dqn');
  await cell.focus();
  await page.keyboard.press('Shift+Enter');
  await expect(cell.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'running');
  const grid = cell.locator('viva-grid-q');
  await expect(grid.locator('.episodes')).toHaveText('300', { timeout: 30_000 });
  await expect(grid.locator('.path-summary')).toHaveAttribute('data-reaches', 'yes');
  const panel = cell.locator('viva-dqn-panel');
  await expect(panel.locator('.episode')).not.toHaveText('0', { timeout: 30_000 });
  await page.keyboard.press('Escape');
  await expect(cell.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'stopped');
  const kept = Number(await panel.locator('.episode').textContent());
  expect(kept).toBeGreaterThan(0);
  await cell.locator('button.reset').click();
  await expect(panel.locator('.episode')).toHaveText('0');
  await expect(grid.locator('.episodes')).toHaveText('0');
});

test('the comparison runs vanilla and Double DQN side by side and plots predicted Q against the actual return', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/#dqn');
  await page.locator('viva-cell#dqn button.open').click();
  const compare = page.locator('viva-demo-dqn viva-dqn-compare');
  await compare.locator('viva-slider.compare-episodes input.number').fill('30');
  await compare.locator('viva-slider.compare-episodes input.number').press('Enter');
  await compare.locator('button.compare').click();
  await expect(compare.locator('button.compare')).toHaveText('Stop comparison');
  await expect(compare.locator('.compare-summary')).toContainText('episodes 30 ·', { timeout: 90_000 });
  await expect(compare.locator('button.compare')).toHaveText('Compare DQN and Double DQN');
  const data = (await plotData(compare.locator('viva-line-chart.overestimation'))).map(
    (t) => [t.name, t.y] as const,
  );
  expect(data.map(([name]) => name)).toEqual([
    'DQN: predicted Q',
    'DQN: actual return',
    'Double: predicted Q',
    'Double: actual return',
    'ceiling 1/(1 − γ)',
  ]);
  for (const [, y] of data.slice(0, 4)) {
    expect(y).toHaveLength(30);
    expect(y.every(Number.isFinite)).toBe(true);
  }
  expect(data[4]![1][0]).toBeCloseTo(100, 9);
});
