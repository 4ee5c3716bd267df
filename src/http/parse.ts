// Request parts checked by the routes' own zod schemas (createRoute): a failure becomes one error through fromZodError.
import type { z } from "zod";
import { fromZodError, NianbaoError } from "../core/errors.ts";

type Checked = { success: true } | { success: false; error: z.ZodError };

/** The app's defaultHook: a query, path or JSON body that fails its route's schema is invalid_input, in Chinese. */
export function zodHook(result: Checked): undefined {
  if (!result.success) throw fromZodError(result.error);
  return undefined;
}

/** A route's hook for path parameters: a path that is not of the route's form names nothing there (404). */
export const notFoundHook =
  (message?: string) =>
  (result: Checked): undefined => {
    if (!result.success) throw new NianbaoError("not_found", message);
    return undefined;
  };

/** A true/false query value ("true", "1", "false", "0"); absent stays undefined (the service's default applies). */
export const queryFlag = (value: string | undefined): boolean | undefined =>
  value === undefined ? undefined : value === "true" || value === "1";

export const isForced = (force: string | undefined): boolean => queryFlag(force) === true;
