// Vitest global setup: one Chromium server for the whole run, launched on the first test file that asks for it.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { BrowserServer } from "playwright-core";
import type { TestProject } from "vitest/node";
import { type ChromiumChoice, launchChromiumServer } from "./chromium.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** URL answering `{ wsEndpoint, executablePath, source }` of the shared browser, launching it on first use. */
    browserBroker: string;
  }
}

/** What the broker answers: where to connect, and which executable serves it. */
export interface BrokerAnswer {
  wsEndpoint: string;
  executablePath: string;
  source: ChromiumChoice["source"];
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let launched: Promise<{ server: BrowserServer; choice: ChromiumChoice }> | undefined;
  const broker = createServer((req, res) => {
    if (req.url !== "/browser") {
      res.writeHead(404).end();
      return;
    }
    launched ??= launchChromiumServer();
    launched.then(
      ({ server, choice }) => {
        const answer: BrokerAnswer = {
          wsEndpoint: server.wsEndpoint(),
          executablePath: choice.executablePath,
          source: choice.source,
        };
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer));
      },
      (e: unknown) => {
        res.writeHead(500, { "content-type": "text/plain" }).end(e instanceof Error ? e.message : String(e));
      },
    );
  });
  await new Promise<void>((resolve) => broker.listen(0, "127.0.0.1", resolve));
  const { port } = broker.address() as AddressInfo;
  project.provide("browserBroker", `http://127.0.0.1:${port}/browser`);
  return async () => {
    await new Promise((resolve) => broker.close(resolve));
    if (launched) await (await launched.catch(() => undefined))?.server.close();
  };
}
