// parseConfig: environment variables → validated service config, errors naming the variable.
import { describe, expect, it } from "vitest";
import { ConfigError, fallbackFontFrom, parseConfig } from "../../src/runtime/config.ts";

describe("parseConfig", () => {
  it("defaults to open writes, a 5 MB body limit and no S3", () => {
    expect(parseConfig({})).toEqual({
      http: { apiTokens: [], bodyLimitBytes: 5 * 1024 * 1024 },
      rateLimit: { limit: 120, periodSeconds: 60 },
      renderBudgetMs: 20_000,
      maxConcurrentWrites: 32,
    });
  });

  it("reads a fallback font path, refusing one that is no .ttf or .otf", () => {
    expect(parseConfig({ FALLBACK_FONT: "/opt/fonts/NotoSerifSC-Regular.ttf" }).fallbackFont).toBe(
      "/opt/fonts/NotoSerifSC-Regular.ttf",
    );
    expect(() => parseConfig({ FALLBACK_FONT: "/etc/passwd" })).toThrow(/FALLBACK_FONT/);
    expect(fallbackFontFrom({ FALLBACK_FONT: "a.otf", S3_ENDPOINT: "not a url" })).toBe("a.otf");
    expect(() => fallbackFontFrom({ FALLBACK_FONT: "a.woff2" })).toThrow(ConfigError);
  });

  it("reads the secret that signs upload results, refusing a short one", () => {
    const secret = "s".repeat(32);
    expect(parseConfig({ RESULT_SECRET: secret }).resultSecret).toBe(secret);
    expect(parseConfig({}).resultSecret).toBeUndefined();
    expect(() => parseConfig({ RESULT_SECRET: "short" })).toThrow(/RESULT_SECRET/);
  });

  it("reads tokens, limits, the public URL and S3 settings", () => {
    const c = parseConfig({
      API_TOKENS: " aaaaaaaaaaaaaaaa1, bbbbbbbbbbbbbbbb2 ",
      BODY_LIMIT_BYTES: "2048",
      PUBLIC_BASE_URL: "https://reports.example.gov.cn/",
      S3_BUCKET: "nianbao",
      S3_ENDPOINT: "https://oss-cn-hangzhou.aliyuncs.com",
      S3_REGION: "oss-cn-hangzhou",
      S3_ACCESS_KEY_ID: "id",
      S3_SECRET_ACCESS_KEY: "secret",
      S3_FORCE_PATH_STYLE: "false",
      UNRELATED: "x",
    });
    expect(c.http).toEqual({
      apiTokens: ["aaaaaaaaaaaaaaaa1", "bbbbbbbbbbbbbbbb2"],
      bodyLimitBytes: 2048,
      publicBaseUrl: "https://reports.example.gov.cn",
      eventBucket: "nianbao",
    });
    expect(c.s3).toEqual({
      bucket: "nianbao",
      region: "oss-cn-hangzhou",
      endpoint: "https://oss-cn-hangzhou.aliyuncs.com",
      forcePathStyle: false,
      accessKeyId: "id",
      secretAccessKey: "secret",
    });
  });

  it.each([
    [{ API_TOKENS: "short" }, "API_TOKENS"],
    [{ BODY_LIMIT_BYTES: "lots" }, "BODY_LIMIT_BYTES"],
    [{ PUBLIC_BASE_URL: "ftp://x" }, "PUBLIC_BASE_URL"],
    [{ S3_BUCKET: "b-test", S3_FORCE_PATH_STYLE: "yes" }, "S3_FORCE_PATH_STYLE"],
    [{ S3_REGION: "us-east-1" }, "S3_BUCKET"],
    [{ S3_BUCKET: "b-test", S3_ACCESS_KEY_ID: "id" }, "S3_SECRET_ACCESS_KEY"],
  ])("names the bad variable: %j", (env, name) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(name);
  });
});
