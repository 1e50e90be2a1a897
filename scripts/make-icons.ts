// Rasterizes the install icons from their SVG sources with headless Chromium (the one the tests use):
// public/icons/icon.svg → icon-192.png and icon-512.png (rounded, transparent corners), and
// public/icons/icon-maskable.svg → icon-maskable-512.png (full bleed; the mark inside the central 80% safe
// zone, so any mask shape keeps it whole). The PNGs are committed; rerun after editing an SVG.
//
// Run: npx tsx scripts/make-icons.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright';
import { chromiumArgs, chromiumExecutable } from '../test/chromium.ts';

const jobs = [
  { svg: 'public/icons/icon.svg', png: 'public/icons/icon-192.png', size: 192 },
  { svg: 'public/icons/icon.svg', png: 'public/icons/icon-512.png', size: 512 },
  { svg: 'public/icons/icon-maskable.svg', png: 'public/icons/icon-maskable-512.png', size: 512 },
];

const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
try {
  for (const { svg, png, size } of jobs) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const src = `data:image/svg+xml;base64,${readFileSync(svg).toString('base64')}`;
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}</style><img src="${src}" width="${size}" height="${size}">`,
    );
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    writeFileSync(png, await page.screenshot({ omitBackground: true, type: 'png' }));
    await page.close();
    console.log(`${png}: ${size}×${size}`);
  }
} finally {
  await browser.close();
}
