// Two test projects: plain Node for the core, CLI and Node server; workerd for the Worker runtime. `npm test` runs both
// in one `vitest run`: their files share one pool of workers, so workerd start-ups overlap the Node files' work.
import { availableParallelism } from "node:os";
import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

/**
 * Test files at once: one per core, at least two. Vitest's default (cores − 1) is 1 on a 2-core machine, which runs
 * every file of both projects one after the other, each often waiting on a child process, Chromium or workerd.
 * Both projects need the same number to share one pool (same `sequence.groupOrder`).
 */
const MAX_WORKERS = Math.max(2, availableParallelism());

export default defineConfig({
  test: {
    maxWorkers: MAX_WORKERS,
    projects: [
      {
        test: {
          name: "node",
          environment: "node",
          include: ["test/node/**/*.test.ts", "src/**/*.test.ts"],
          testTimeout: 30_000,
          maxWorkers: MAX_WORKERS,
          // The CLI bundled once for the files that spawn it; one Chromium for the run, launched when the first
          // browser test asks (test/support/browser.ts).
          globalSetup: ["test/support/build-setup.ts", "test/support/browser-setup.ts"],
        },
      },
      {
        plugins: [
          cloudflareTest({
            wrangler: { configPath: "./wrangler.toml" },
            // A test-only value for the secret that signs upload result files (set with wrangler secret put).
            miniflare: { bindings: { RESULT_SECRET: "test-result-secret-0123456789abcdef" } },
          }),
        ],
        test: {
          name: "workers",
          include: ["test/worker/**/*.test.ts"],
          testTimeout: 60_000,
          maxWorkers: MAX_WORKERS,
        },
      },
    ],
  },
});
