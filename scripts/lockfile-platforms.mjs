// Records other platforms' optional native packages in package-lock.json so `npm ci` accepts the lockfile.
// The registry reachable from our machines serves only the linux-x64 builds of packages such as
// @biomejs/cli-*, esbuild's @esbuild/* or workerd's @cloudflare/workerd-*; npm then leaves them out of
// the lockfile and `npm ci` refuses it ("Missing: … from lock file"). Each missing optional dependency
// gets an entry restricted by os/cpu/libc, so npm skips it on other machines and fetches it by name
// and version where it fits. Run `npm run lockfile` after adding or upgrading a package.
import { readFileSync, writeFileSync } from "node:fs";

const OS = [
  ["android", "android"],
  ["darwin", "darwin"],
  ["win32", "win32"],
  ["windows", "win32"],
  ["freebsd", "freebsd"],
  ["openbsd", "openbsd"],
  ["netbsd", "netbsd"],
  ["sunos", "sunos"],
  ["aix", "aix"],
  ["openharmony", "openharmony"],
  ["linux", "linux"],
];
const CPU = [
  ["arm64", "arm64"],
  ["aarch64", "arm64"],
  ["x64", "x64"],
  ["64", "x64"],
  ["ia32", "ia32"],
  ["riscv64", "riscv64"],
  ["loong64", "loong64"],
  ["ppc64", "ppc64"],
  ["s390x", "s390x"],
  ["mips64el", "mips64el"],
  ["arm", "arm"],
  ["wasm32", "wasm32"],
];

function platformOf(name) {
  const tail = name.split("/").pop() ?? name;
  const os = OS.find(([k]) => tail.includes(k))?.[1];
  const cpu = CPU.find(([k]) => new RegExp(`(^|[-_])${k}($|[-_])`).test(tail))?.[1];
  return { os, cpu, musl: /musl/.test(tail) };
}

const file = "package-lock.json";
const lock = JSON.parse(readFileSync(file, "utf8"));
const packages = lock.packages;
let added = 0;
for (const [path, meta] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const nested = path === "" ? `node_modules/${name}` : `${path}/node_modules/${name}`;
    if (packages[nested] || packages[`node_modules/${name}`]) continue;
    const { os, cpu, musl } = platformOf(name);
    if (!os && !cpu) continue; // not a platform build: leave it to npm
    const entry = { version, optional: true };
    if (meta.dev) entry.dev = true;
    if (os) entry.os = [os];
    if (cpu) entry.cpu = [cpu];
    if (musl) entry.libc = ["musl"];
    packages[`node_modules/${name}`] = entry;
    added++;
  }
}
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lockfile: ${added} platform entries recorded`);
