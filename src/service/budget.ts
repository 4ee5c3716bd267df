// The render time budget: a render that takes longer than the budget is answered render_timeout (retryable), not waited for.
import { NianbaoError } from "../core/errors.ts";
import type { Engine } from "./engine.ts";

export const DEFAULT_RENDER_BUDGET_MS = 20_000;

/**
 * The engine with each render raced against `ms`. The render's own work is not cancelled (JavaScript cannot
 * stop it); the caller gets its answer, and the input caps keep the work itself bounded.
 */
export function withRenderBudget(engine: Engine, ms: number): Engine {
  const race = <T>(work: Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(new NianbaoError("render_timeout", `生成文件超过 ${Math.round(ms / 1000)} 秒，请稍后再试`)),
        ms,
      );
      work.then(
        (v) => {
          clearTimeout(timer);
          resolve(v);
        },
        (e: unknown) => {
          clearTimeout(timer);
          reject(e);
        },
      );
    });
  return {
    ...engine,
    renderPdf: (report, options) => race(engine.renderPdf(report, options)),
    renderHtml: (report) => race(engine.renderHtml(report)),
    ...(engine.renderTujie
      ? {
          renderTujie: (report, previous) =>
            race((engine.renderTujie as NonNullable<Engine["renderTujie"]>)(report, previous)),
        }
      : {}),
    // Loads the fonts (from the bucket, in a Worker) when a render would.
    outputVersion: () => race(engine.outputVersion()),
  };
}
