/** Debian's chromium driven by playwright-core (a devDependency: its own browser downloads do not work here). */
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';

/** CHROMIUM_PATH, default the Debian package's /usr/bin/chromium. */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Launches headless chromium, or fails with one line naming the fix. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`chromium not found at ${chromiumPath}: install it with \`apt-get install chromium\` (as .ci/run does) or set CHROMIUM_PATH.`);
  const { chromium } = await import('playwright-core');
  // --no-sandbox: CI runs as root, where chromium's sandbox refuses to start.
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

/** The README's picture: Kyrgyzstan at depth 1, a refused help request selected, its quote open in the source. */
export async function screenshotExplorer(page: Page, baseUrl: string, file: string): Promise<void> {
  await page.setViewportSize({ width: 1400, height: 860 });
  await page.goto(`${baseUrl}/explore?centre=State:kyrgyzstan&depth=1`);
  await page.waitForFunction(() => (window as any).cstoExplorer?.cy.nodes().length > 1);
  await selectNode(page, 'Event:help-request-kyrgyzstan-2010');
  await page.locator('#panel blockquote.evidence').first().click();
  await page.locator('#quote').waitFor();
  await page.screenshot({ path: file });
}

/** Selects a node as a click would: it becomes selected and the side panel shows its facts and evidence. */
export async function selectNode(page: Page, id: string): Promise<void> {
  await page.evaluate((nodeId) => {
    const { cy } = (window as any).cstoExplorer;
    cy.$(':selected').unselect();
    cy.getElementById(nodeId).select().emit('tap');
  }, id);
  await page.locator('#panel blockquote.evidence').first().waitFor();
}

/** Bundles a small module for a browser page as a global (`globalName`), e.g. a library a test draws with. */
export async function bundleModule(contents: string, globalName: string): Promise<string> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({ stdin: { contents, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, format: 'iife', globalName, write: false, logLevel: 'silent' });
  return result.outputFiles[0]!.text;
}
