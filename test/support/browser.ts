// One shared headless Chromium for browser tests: each test file connects to the run's browser server (browser-setup.ts).
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import type { RenderAssets } from "../../src/core/render/index.ts";
import { nodeAssets } from "../../src/runtime/assets-node.ts";
import type { BrokerAnswer } from "./browser-setup.ts";
import { launchChromium } from "./chromium.ts";

/** Asks the run's broker for the shared browser (launching it on first ask) and connects to it. */
export async function connectBrowser(): Promise<{ browser: Browser; answer?: BrokerAnswer }> {
  const url = inject("browserBroker");
  // A config without the global setup: launch one for this file.
  if (!url) return { browser: await launchChromium() };
  const res = await fetch(url);
  const body = await res.text();
  if (!res.ok) throw new Error(`no browser for the tests: ${body}`);
  const answer = JSON.parse(body) as BrokerAnswer;
  return { browser: await chromium.connect(answer.wsEndpoint), answer };
}

/** The shared browser and the Node render assets for a test file: connected before its tests, disconnected after. */
export function useBrowser(): {
  readonly browser: Browser;
  readonly assets: RenderAssets;
  readonly answer: BrokerAnswer | undefined;
} {
  let browser: Browser | undefined;
  let assets: RenderAssets | undefined;
  let answer: BrokerAnswer | undefined;
  beforeAll(async () => {
    ({ browser, answer } = await connectBrowser());
    assets = await nodeAssets();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error("the browser is not connected yet");
      return browser;
    },
    get assets() {
      if (!assets) throw new Error("the render assets are not loaded yet");
      return assets;
    },
    get answer() {
      return answer;
    },
  };
}
