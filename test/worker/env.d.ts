// The Worker's bindings as seen by tests (env from cloudflare:workers).
import type { Env as WorkerEnv } from "../../src/runtime/worker.ts";

declare global {
  namespace Cloudflare {
    interface Env extends WorkerEnv {}
  }
}
