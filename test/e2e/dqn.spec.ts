import { expect, test } from './fixtures.ts';
import { plotData } from './plot-data.ts';

test('tabular Q-learning: edit the grid, step one update, train until the greedy path reaches the goal', async ({
  page,
}) => {
  await page.goto('/#dqn');
  await page.locator('viva-cell#dqn button.open').click();
  const grid = page.locator('viva-demo-dqn .grid-q');
  await expect(grid.locator('button.cell')).toHaveCount(40);
  await expect(grid.locator('.path-summary')).toHaveAttribute('data-reaches', 'no');
  // The grid's settings are drawn from the table, with today's defaults.
  await expect(grid.getByRole('textbox', { name: 'α (learning rate)' })).toHaveValue('0.5');
  await expect(grid.getByRole('textbox', { name: 'Speed (steps/s)' })).toHaveValue('20');

  // Click paints a wall, clicking again clears it.
  const cell = grid.locator('button.cell[data-row="0"][data-col="2"]');
  await expect(cell).toHaveAttribute('data-kind', 'empty');
  const layout = grid.getByRole('textbox', { name: 'Grid layout' });
  await expect(layout).toHaveValue('S...#.../.##.#.#./.#....#./...#P.#./.P.#...G');
  await cell.click();
  await expect(cell).toHaveAttribute('data-kind', 'wall');
  // The edit is a setting: the layout box and the link carry it.
  await expect(layout).toHaveValue('S.#.#.../.##.#.#./.#....#./...#P.#./.P.#...G');
  await expect(page).toHaveURL(/#dqn\?layout=S\.%23\.%23/);
  await cell.click();
  await expect(cell).toHaveAttribute('data-kind', 'empty');
  await expect(page).toHaveURL(/#dqn$/);

  // One step writes its Bellman update out with numbers.
  await grid.locator('button.step').click();
  await expect(grid.locator('.bellman .rule')).toContainText('Q((0, 0),');
  await expect(grid.locator('.bellman .numbers')).toHaveText(
    /^= 0\.000 \+ 0\.50·\(−0\.040 \+ 0\.95·0\.000 − 0\.000\) = −0\.020$/,
  );

  await grid.locator('button.train-grid').click();
  await expect(grid.locator('.episodes')).toHaveText('100', { timeout: 20_000 });
  await expect(grid.locator('button.train-grid')).toBeEnabled();
  await grid.locator('button.train-grid').click();
  await expect(grid.locator('.episodes')).toHaveText('200', { timeout: 20_000 });
  await expect(grid.locator('.path-summary')).toHaveAttribute('data-reaches', 'yes');
  await expect(grid.locator('.path-summary')).toHaveText(
    'greedy path reaches the goal in 11 moves (shortest: 11)',
  );
  // The start cell now shows a greedy arrow and a positive value.
  await expect(grid.locator('button.cell[data-row="0"][data-col="0"] .arrow')).toHaveText(/[→↓]/);
});

// That the return curve rises is proven in Node (test/unit/rl/dqn-trainer.test.ts trains the kernel; the
// session trains exactly the kernel's agent, test/unit/dqn-demo/dqn-session.test.ts); here a link asks for
// a few episodes and the page shows them live.
test('DQN: trains CartPole live from a link, Stop keeps what was learned, greedy policy plays', async ({
  page,
}) => {
  await page.goto('/#dqn?episodes=20');
  const panel = page.locator('viva-demo-dqn .dqn-panel');
  await expect(panel.getByRole('textbox', { name: 'Episodes per Train' })).toHaveValue('20');
  await panel.locator('button.train').click();
  await expect(panel.locator('.episode')).toHaveText('20', { timeout: 30_000 });
  await expect(panel.locator('button.train')).toHaveText('Train');

  const returns = (await plotData(panel.locator('viva-line-chart.returns')))[0]!.y;
  expect(returns).toHaveLength(20);
  expect(returns.every((r) => Number.isInteger(r) && r >= 1 && r <= 500)).toBe(true);

  // Train again (for long: the number of episodes is not a switch, so the agent stays) and stop: the
  // episode count goes on from 20 and stays.
  const episodes = panel.getByRole('textbox', { name: 'Episodes per Train' });
  await episodes.fill('2000');
  await episodes.press('Enter');
  await expect(panel.locator('.episode')).toHaveText('20');
  await panel.locator('button.train').click();
  await expect(panel.locator('button.train')).toHaveText('Stop');
  await expect
    .poll(async () => Number(await panel.locator('.episode').textContent()), { timeout: 60_000 })
    .toBeGreaterThan(80);
  // The cart-pole was drawn while it trained.
  const frames = await panel
    .locator('viva-cartpole-view')
    .evaluate((el) => (el as unknown as { framesDrawn: number }).framesDrawn);
  expect(frames).toBeGreaterThan(10);
  await panel.locator('button.train').click();
  await expect(panel.locator('button.train')).toHaveText('Train');
  const kept = Number(await panel.locator('.episode').textContent());
  expect(kept).toBeGreaterThan(80);
  await page.waitForTimeout(300);
  await expect(panel.locator('.episode')).toHaveText(String(kept));

  await panel.locator('button.watch').click();
  await expect(panel.locator('viva-cartpole-view .caption')).toContainText('greedy policy');
  await panel.locator('button.watch').click();
  await expect(panel.locator('button.watch')).toHaveText('Watch the greedy policy');

  // Changing a switch starts a fresh agent: it asks first, since the trained one would be lost.
  await panel.getByRole('switch', { name: 'Double DQN' }).click();
  await panel.locator('.confirm button.discard').click();
  await expect(panel.locator('.episode')).toHaveText('0');
  await expect(page).toHaveURL(/#dqn\?double=true&episodes=2000$/);
});

test('Run trains the grid world then the DQN; Esc stops; Reset restores the defaults', async ({ page }) => {
  await page.goto('/#dqn?seed=3');
  const cell = page.locator('viva-cell#dqn');
  const grid = cell.locator('.grid-q');
  const panel = cell.locator('.dqn-panel');
  await expect(panel.getByLabel('Seed')).toHaveValue('3');
  await cell.focus();
  await page.keyboard.press('Shift+Enter');
  await expect(cell.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'running');
  await expect(grid.locator('.episodes')).toHaveText('300', { timeout: 30_000 });
  await expect(grid.locator('.path-summary')).toHaveAttribute('data-reaches', 'yes');
  await expect(panel.locator('.episode')).not.toHaveText('0', { timeout: 30_000 });
  await page.keyboard.press('Escape');
  await expect(cell.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'stopped');
  const kept = Number(await panel.locator('.episode').textContent());
  expect(kept).toBeGreaterThan(0);
  // A stopped run is recorded too.
  await expect(cell.locator('viva-run-cards')).toContainText('stopped');
  await cell.locator('button.reset').click();
  await expect(panel.locator('.episode')).toHaveText('0');
  await expect(grid.locator('.episodes')).toHaveText('0');
  await expect(panel.getByLabel('Seed')).toHaveValue('1');
  await expect(panel.getByRole('textbox', { name: 'Episodes per Train' })).toHaveValue('300');
});

test('the comparison runs vanilla and Double DQN side by side and plots predicted Q against the actual return', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/#dqn?cmpEpisodes=30');
  const compare = page.locator('viva-demo-dqn .dqn-compare');
  await expect(compare.getByRole('textbox', { name: 'Episodes each' })).toHaveValue('30');
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

test('Copy link restores the settings in a fresh page, and Run there shows the same result', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await page.goto('/#dqn');
  const cell = page.locator('viva-cell#dqn');
  await cell.locator('button.open').click();
  const panel = cell.locator('.dqn-panel');
  const grid = cell.locator('.grid-q');
  // Change settings through the controls, and the grid by a click.
  await grid.locator('button.cell[data-row="0"][data-col="2"]').click();
  await panel.getByRole('switch', { name: 'Dueling head' }).click();
  await panel.getByLabel('Seed').fill('7');
  await panel.getByLabel('Seed').press('Tab');
  const episodes = panel.getByRole('textbox', { name: 'Episodes per Train' });
  await episodes.fill('30');
  await episodes.press('Enter');
  const gridEpisodes = grid.getByRole('textbox', { name: 'Grid episodes per Run' });
  await gridEpisodes.fill('50');
  await gridEpisodes.press('Enter');
  await cell.locator('button.copy-link').click();
  await expect(cell.locator('.link-note')).toContainText(/Link copied|Copy this link/);
  const href = await page.evaluate(() => location.href);
  const query = new URLSearchParams(new URL(href).hash.slice('#dqn?'.length));
  expect(Object.fromEntries(query)).toEqual({
    layout: 'S.#.#.../.##.#.#./.#....#./...#P.#./.P.#...G',
    gridEpisodes: '50',
    dueling: 'true',
    seed: '7',
    episodes: '30',
  });

  const results = async (p: typeof page) => {
    const c = p.locator('viva-cell#dqn');
    await c.locator('button.run').click();
    await expect(c.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'done', {
      timeout: 60_000,
    });
    await expect(c.locator('.dqn-panel .episode')).toHaveText('30');
    return {
      grid: await c.locator('.grid-q div.stats').textContent(),
      // episode, steps, ε, loss, mean Q (the steps/s that follow are timing), and what is watched.
      dqn: await c.locator('.dqn-panel .stats').evaluate((el) => el.textContent!.split(' · ').slice(0, 5)),
      watched: await c.locator('.dqn-panel .watched').textContent(),
      returns: (await plotData(c.locator('viva-line-chart.returns')))[0]!.y,
    };
  };
  const first = await results(page);
  // The run card's Replay runs the same settings again: the same metrics.
  const cards = cell.locator('viva-run-cards li');
  await expect(cards).toHaveCount(1);
  await cell.locator('viva-run-cards button.replay').click();
  await expect(cards).toHaveCount(2, { timeout: 60_000 });
  await expect(cell.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'done');
  const summaries = await cards.locator('.metrics').allTextContents();
  expect(summaries[0]).toBe(summaries[1]);
  expect(summaries[0]).toMatch(/^episodes 30 · /);

  const fresh = await context.newPage();
  await fresh.goto(href);
  const panel2 = fresh.locator('viva-cell#dqn .dqn-panel');
  await expect(panel2.getByLabel('Seed')).toHaveValue('7');
  await expect(panel2.getByRole('textbox', { name: 'Episodes per Train' })).toHaveValue('30');
  await expect(panel2.getByRole('switch', { name: 'Dueling head' })).toHaveAttribute('aria-checked', 'true');
  await expect(panel2.getByRole('switch', { name: 'Double DQN' })).toHaveAttribute('aria-checked', 'false');
  await expect(
    fresh.locator('viva-cell#dqn .grid-q').getByRole('textbox', { name: 'Grid episodes per Run' }),
  ).toHaveValue('50');
  await expect(
    fresh.locator('viva-cell#dqn .grid-q button.cell[data-row="0"][data-col="2"]'),
  ).toHaveAttribute('data-kind', 'wall');
  const second = await results(fresh);
  expect(second).toEqual(first);
  expect(first.returns).toHaveLength(30);
});

test('a sealed-off goal is named before training; the DQN is watched by greedy checks and keeps its best weights', async ({
  page,
}) => {
  // The shipped grid with the goal's two open neighbours walled: no path from the start.
  const sealed = 'S...%23.../.%23%23.%23.%23./.%23....%23./...%23P.%23%23/.P.%23..%23G';
  await page.setViewportSize({ width: 390, height: 844 }); // a phone: the grid must fit its panel
  await page.goto(`/#dqn?episodes=20&layout=${sealed}`);
  const grid = page.locator('viva-demo-dqn .grid-q');
  await expect(grid.locator('.unreachable')).toHaveText(/^No goal can be reached from the start/);
  await expect(grid.locator('button.train-grid')).toBeDisabled();
  await expect(grid.locator('button.play')).toBeDisabled();
  // Clearing one wall (clicking a wall with the wall brush) opens a path: the message goes, Train is back.
  await grid.locator('button.cell[data-row="3"][data-col="7"]').click();
  await expect(grid.locator('.unreachable')).toHaveCount(0);
  await expect(grid.locator('button.train-grid')).toBeEnabled();

  const overflow = (sel: string) => page.locator(sel).evaluate((d) => d.scrollWidth - d.clientWidth);
  expect(await overflow('viva-demo-dqn')).toBeLessThanOrEqual(0);

  const panel = page.locator('viva-demo-dqn .dqn-panel');
  await expect(panel.locator('button.use-best')).toBeDisabled();
  await panel.locator('button.train').click();
  await expect(panel.locator('.episode')).toHaveText('20', { timeout: 30_000 });
  await expect(panel.locator('button.train')).toHaveText('Train');
  // What is watched: the training mean, the greedy check (episode 20) and the best check.
  await expect(panel.locator('.greedy-mean')).toHaveText(/^\d+(\.\d)?$/);
  await expect(panel.locator('.watched')).toContainText('(episode 20)');
  const best = Number(await panel.locator('.best-greedy').textContent());
  expect(best).toBeGreaterThanOrEqual(Number(await panel.locator('.greedy-mean').textContent()));
  // Twenty episodes do not solve CartPole, and nothing claims they did.
  await expect(panel.locator('.solved')).toHaveCount(0);
  const curves = await plotData(panel.locator('viva-line-chart.returns'));
  expect(curves[3]!.x).toEqual([10, 20]);
  expect(Math.max(...curves[3]!.y)).toBe(best);
  // A switch would throw this agent away: the cell asks, and "Keep the model" keeps agent and switch.
  const double = panel.getByRole('switch', { name: 'Double DQN' });
  await double.click();
  const confirm = panel.locator('.confirm');
  await expect(confirm).toContainText('Changing “Double DQN” throws away the agent trained for 20 episodes.');
  await expect(confirm.locator('button.keep')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirm).toHaveCount(0);
  await expect(double).toHaveAttribute('aria-checked', 'false');
  await expect(panel.locator('.episode')).toHaveText('20');
  expect(page.url()).not.toContain('double');
  expect(await overflow('viva-demo-dqn')).toBeLessThanOrEqual(0);
  await panel.locator('button.use-best').click();
  await expect(panel.locator('viva-cartpole-view .caption')).toContainText(
    `best weights restored (greedy mean ${best}`,
  );
});
