// Types of scripts/build-cli.mjs, for tests that build the CLI bundle before spawning it.
export default function buildCli(): Promise<void>;
