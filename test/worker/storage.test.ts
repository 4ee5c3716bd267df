// The storage contract against R2 inside workerd, through the Worker's own binding.
import { env } from "cloudflare:workers";
import { R2Storage } from "../../src/storage/r2.ts";
import { storageContract } from "../support/service/storage-contract.ts";

storageContract("r2 (workerd)", () => new R2Storage((env as unknown as { REPORTS: R2Bucket }).REPORTS));
