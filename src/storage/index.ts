// Storage: the interface and the backends that need no runtime-specific module (R2, S3 and fs are imported by path).
export * from "./keys.ts";
export { MemoryStorage } from "./memory.ts";
export { listAll } from "./paging.ts";
export type * from "./types.ts";
