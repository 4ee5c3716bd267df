// The structured log line every runtime writes (JSON on stderr on Node, console on Workers); the service and HTTP use it.
export interface LogEntry {
  level: "info" | "warn" | "error";
  msg: string;
  [key: string]: unknown;
}
