// Vitest global setup: bundles the CLI (dist/cli.mjs) once per run, so test files that spawn `nianbao` run the current sources.
import buildCli from "../../scripts/build-cli.mjs";

export default async function setup(): Promise<void> {
  await buildCli();
}
