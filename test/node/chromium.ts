// Headless Debian Chromium for the browser tests: one launcher per test file, failing loudly when the package is missing.
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import type { RenderAssets } from "../../src/core/render/index.ts";
import { nodeAssets } from "../../src/runtime/assets-node.ts";

const CHROMIUM = "/usr/bin/chromium";
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Launches Chromium; CI installs it (.ci/run), so a missing browser is a failure, never a skip. */
export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing (apt-get install chromium)`);
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** One browser and the Node render assets for a test file: launched before its tests, closed after. */
export function useBrowser(): { readonly browser: Browser; readonly assets: RenderAssets } {
  let browser: Browser | undefined;
  let assets: RenderAssets | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    assets = await nodeAssets();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error("the browser is not launched yet");
      return browser;
    },
    get assets() {
      if (!assets) throw new Error("the render assets are not loaded yet");
      return assets;
    },
  };
}
