// Two test projects: plain Node for the core, CLI and Node server; workerd for the Worker runtime.
import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "node",
          environment: "node",
          include: ["test/node/**/*.test.ts", "src/**/*.test.ts"],
          testTimeout: 30_000,
          // One Chromium for the run, launched when the first browser test asks (test/support/browser.ts).
          globalSetup: ["test/support/browser-setup.ts"],
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
        },
      },
    ],
  },
});
