// Rehearsal (issue 14) in a real Chromium with a fake microphone: rehearse a question by voice and by typing
// (the r shortcut), reveal (the typed answer's key points ticked, a missing one not), grade, reload: the
// attempt, the recording and the due date are still there; notes render as sanitized Markdown. Then the
// user's data: export, forget everything, import: identical; a damaged file: a message naming what is wrong
// and nothing changed; without IndexedDB the page says what will not be kept. Then hide-answers mode
// (remembered across a reload), "Explain with the demo" (the prompt sets the demo, the attempt keeps its
// settings, they are reopened after a Reset), a mock interview of two questions with their follow-ups ending
// in a summary, and the progress view's figures for those attempts.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { compileNotebookDir } from '../../src/notebook/content-plugin.ts';
import { DB_NAME } from '../../src/rehearsal/store-idb.ts';
import { chromiumArgs, chromiumExecutable } from '../chromium.ts';
import { expect, test } from './fixtures.ts';

test.use({
  launchOptions: {
    executablePath: chromiumExecutable(),
    args: [...chromiumArgs, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  },
});

const questions = compileNotebookDir('notebooks');
const Q = questions.find((q) => q.id === 'research-hypothesis')!;

/** A typed answer that contains the first key point's first phrasing and none of the last point's. */
function answerCovering(): { text: string; covered: string; missing: string } {
  const first = Q.keyPoints[0]!;
  const last = Q.keyPoints[Q.keyPoints.length - 1]!;
  const text = `I would start from ${first.phrases[0]} and go on from there.`;
  expect(last.phrases.some((p) => text.toLowerCase().includes(p))).toBe(false);
  return { text, covered: first.id, missing: last.id };
}

async function typedAttempt(page: Page, grade: 'Good' | 'Hard') {
  const cell = page.locator(`viva-cell#${Q.id}`);
  await cell.getByRole('button', { name: 'Rehearse', exact: true }).click();
  await cell.getByLabel('Your answer (typed)').fill(answerCovering().text);
  await cell.getByRole('button', { name: 'Reveal' }).click();
  await cell.getByRole('button', { name: grade, exact: true }).click();
  await expect(cell.locator('.rehearse-message')).toContainText('Next due');
  await cell.getByRole('button', { name: 'Close rehearsal' }).click();
}

async function exportBackup(page: Page): Promise<Record<string, unknown>> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export everything (JSON)' }).click(),
  ]);
  return JSON.parse(readFileSync((await download.path())!, 'utf8'));
}

const withoutTime = (b: Record<string, unknown>) => ({ ...b, exportedAt: '' });

test('rehearse by voice and by typing, reveal, grade, reload: the attempt, the recording and the due date stay', async ({
  page,
}) => {
  await page.goto(`/#${Q.id}`);
  const cell = page.locator(`viva-cell#${Q.id}`);
  await expect(cell.locator('.answer')).toBeVisible();
  await cell.focus();
  await page.keyboard.press('r');
  await expect(cell.locator('.rehearse-question')).toBeFocused();
  await expect(cell.locator('.answer')).toHaveCount(0); // the answer is hidden
  await expect(cell.locator('.rehearse-timer')).toContainText('/ 2:00');

  await cell.getByRole('button', { name: 'Speak (record)' }).click();
  await expect(cell.getByRole('button', { name: 'Stop recording' })).toBeVisible();
  await page.waitForTimeout(1200); // something to record from the fake microphone
  await cell.getByRole('button', { name: 'Stop recording' }).click();
  await expect(cell.locator('.mic-message')).toContainText('kept on this device');
  await expect(cell.locator('.speak audio')).toHaveCount(1);

  const { text, covered, missing } = answerCovering();
  await cell.getByLabel('Your answer (typed)').fill(text);
  await cell.getByRole('button', { name: 'Reveal' }).click();
  await expect(cell.locator('.model-answer')).not.toBeEmpty();
  const box = (id: string) => cell.locator(`[data-key-point="${id}"] input`);
  await expect(box(covered)).toBeChecked();
  await expect(box(missing)).not.toBeChecked();
  await box(missing).check(); // the user can tick a point the matcher missed
  await expect(cell.locator('.rehearse-compare .outline li')).toHaveCount(5);

  // Notes: Markdown, raw HTML shown as text, never as markup.
  await cell.getByRole('button', { name: 'Add notes' }).click();
  await cell.getByLabel('Notes (Markdown)').fill('**Lead with** the metric <img src=x onerror=alert(1)>');
  await cell.getByRole('button', { name: 'Save notes' }).click();
  await expect(cell.locator('.notes-view strong')).toHaveText('Lead with');
  await expect(cell.locator('.notes-view img')).toHaveCount(0);

  await cell.getByRole('button', { name: 'Good', exact: true }).click();
  await expect(cell.locator('.rehearse-message')).toContainText('Next due');
  const due = await cell.locator('.due time').getAttribute('datetime');
  expect(Date.parse(due!)).toBeGreaterThan(Date.now() - 60_000);

  await page.reload();
  await cell.getByRole('button', { name: 'Rehearse', exact: true }).click();
  await expect(cell.locator('.due time')).toHaveAttribute('datetime', due!);
  const attempt = cell.locator('li.attempt');
  await expect(attempt).toHaveCount(1);
  await expect(attempt).toHaveAttribute('data-grade', 'good');
  await expect(attempt.locator('.covered')).toHaveText(`2 of ${Q.keyPoints.length} key points`);
  await expect(attempt.locator('.typed')).toHaveText(text);
  await attempt.getByRole('button', { name: 'Play recording' }).click();
  await expect(attempt.locator('audio')).toHaveAttribute('src', /^blob:/);
  // The clip as stored in IndexedDB (fetching the blob: URL would need connect-src blob:, which the CSP denies).
  const size = await page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('clips').objectStore('clips').getAll();
          get.onerror = () => reject(get.error);
          get.onsuccess = () => resolve(Math.max(0, ...get.result.map((c: { blob: Blob }) => c.blob.size)));
        };
      }),
    DB_NAME,
  );
  expect(size).toBeGreaterThan(500);
  await cell.getByRole('button', { name: 'Reveal' }).click(); // the notes are shown with the answer
  await expect(cell.locator('.notes-view strong')).toHaveText('Lead with');
  await cell.getByRole('button', { name: 'Close rehearsal' }).click();
  await cell.locator('details.my-notes summary').click(); // and under the answer in the notebook
  await expect(cell.locator('.my-notes .notes-view strong')).toHaveText('Lead with');
});

test('export, forget everything, import: identical; a damaged file: a message naming it, nothing changed', async ({
  page,
}) => {
  page.on('dialog', (d) => void d.accept());
  await page.goto(`/#${Q.id}`);
  await typedAttempt(page, 'Good');
  await typedAttempt(page, 'Hard');
  await page.getByRole('button', { name: 'Rehearsal', exact: true }).click();
  await page.locator('.rehearsal-views').getByRole('button', { name: 'Your data' }).click();
  const before = await exportBackup(page);
  expect((before.attempts as unknown[]).length).toBe(2);

  await page.getByRole('button', { name: 'Forget everything' }).click();
  await expect(page.locator('.data-message')).toHaveText('Everything was forgotten.');
  expect((await exportBackup(page)).attempts).toEqual([]);

  const file = (name: string, text: string) => ({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await page.locator('input.import-file').setInputFiles(file('backup.json', JSON.stringify(before)));
  await expect(page.locator('.data-message')).toHaveText('Imported backup.json.');
  const after = await exportBackup(page);
  expect(withoutTime(after)).toEqual(withoutTime(before));

  const damaged = structuredClone(before) as { attempts: { grade: string }[] };
  damaged.attempts[1]!.grade = 'superb';
  await page.locator('input.import-file').setInputFiles(file('damaged.json', JSON.stringify(damaged)));
  await expect(page.locator('.data-message')).toContainText('Nothing was changed');
  await expect(page.locator('.import-problems')).toContainText('attempts[1].grade');
  await page
    .locator('input.import-file')
    .setInputFiles(file('cut.json', JSON.stringify(before).slice(0, 80)));
  await expect(page.locator('.data-message')).toContainText('cut.json is not a JSON file');
  expect(withoutTime(await exportBackup(page))).toEqual(withoutTime(before));

  // Without IndexedDB (some private modes) rehearsal still works, and says what will not be kept.
  const bare = await page.context().newPage();
  await bare.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined }));
  await bare.goto(`/#${Q.id}`);
  await bare.locator(`viva-cell#${Q.id}`).getByRole('button', { name: 'Rehearse', exact: true }).click();
  await expect(bare.locator('.rehearse .store-status')).toContainText('no IndexedDB storage');
  await bare.close();
});

test('hide answers (remembered), explain with the demo (settings saved and reopened), a mock interview, progress', async ({
  page,
}) => {
  await page.goto('/#vanishing-gradients');
  await page.getByRole('button', { name: 'Hide answers' }).click();
  await expect(page.locator('viva-cell .flash-card')).toHaveCount(16);
  await expect(page.locator('viva-cell .answer')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Hide answers' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('viva-cell .flash-card')).toHaveCount(16);
  const cell = page.locator('viva-cell#vanishing-gradients');
  await cell.getByRole('button', { name: 'Show the answer' }).click();
  await expect(cell.locator('.answer')).toBeVisible();
  await expect(page.locator('viva-cell .flash-card')).toHaveCount(15);

  // Explain with the demo: the prompt sets the demo; the attempt keeps its settings; they can be reopened.
  const query = () => cell.evaluate((el) => (el as unknown as { demoQuery(): string | null }).demoQuery());
  await cell.getByRole('button', { name: 'Rehearse', exact: true }).click();
  await cell.getByRole('button', { name: /A deep sigmoid net without normalization/ }).click();
  await expect(cell.locator('.demo-prompt-chosen')).toBeVisible();
  await expect.poll(query).toContain('a.depth=30');
  await cell.getByRole('button', { name: 'Reveal' }).click();
  await cell.getByRole('button', { name: 'Good', exact: true }).click();
  await expect(cell.locator('.rehearse-message')).toContainText('Next due');
  await cell.locator('.demo-panel button.reset').click();
  await expect.poll(query).not.toContain('a.depth=30');
  await cell.getByRole('button', { name: 'Reopen the demo as it was' }).click();
  await expect.poll(query).toContain('a.depth=30');

  // A mock interview of two questions, each with its follow-up, ends with what to review.
  await page.getByRole('button', { name: 'Rehearsal', exact: true }).click();
  const dialog = page.locator('dialog.rehearsal-dialog');
  await dialog.getByRole('button', { name: 'Mock interview' }).click();
  await dialog.getByLabel('Questions').fill('2');
  await dialog.getByRole('button', { name: 'Start a mock interview' }).click();
  for (let i = 0; i < 2; i++) {
    await expect(dialog.locator('.mock .muted').first()).toContainText(`Question ${i + 1} of 2`);
    await dialog.getByLabel('Your answer (typed)').fill('A short answer.');
    await dialog.getByRole('button', { name: 'Reveal' }).click();
    await expect(dialog.locator('.follow-up h4')).toContainText('Follow-up:');
    await dialog.getByLabel('Your answer to the follow-up (typed)').fill('A follow-up answer.');
    await dialog.getByRole('button', { name: "Show the follow-up's answer" }).click();
    await dialog.getByRole('button', { name: 'Hard', exact: true }).click();
  }
  await expect(dialog.locator('.mock-summary > ol > li')).toHaveCount(2);

  // Progress: three attempts today (one good, two hard), each timed against the target.
  await dialog.getByRole('button', { name: 'Progress' }).click();
  const today = dialog.locator('table.grade-history tbody tr');
  await expect(today).toHaveCount(1);
  await expect(today.locator('td')).toHaveText(['0', '2', '1', '0']);
  await expect(dialog.locator('table.coverage tbody tr')).toHaveCount(6);
  await expect(dialog.locator('.time-plot')).toHaveAttribute('data-points', '3');
});
