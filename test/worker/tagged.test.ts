// Tagged PDFs through the real Worker (SELF.fetch): ?tagged=true on /v1/render and /v1/reports, ids per option.
import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import valid from "../fixtures/service/valid-2020.json";

const ORIGIN = "https://nianbao.test";
const post = (path: string) =>
  SELF.fetch(`${ORIGIN}${path}`, {
    method: "POST",
    body: JSON.stringify(valid),
    headers: { "content-type": "application/json" },
  });

/** What a tagged PDF has and an untagged one lacks, in the catalog (pdfkit writes it uncompressed). */
async function tagging(res: Response): Promise<{ structTree: boolean; markInfo: boolean }> {
  const text = new TextDecoder("latin1").decode(new Uint8Array(await res.arrayBuffer()));
  expect(text.startsWith("%PDF-")).toBe(true);
  return { structTree: text.includes("/StructTreeRoot"), markInfo: text.includes("/MarkInfo") };
}

describe("tagged PDFs in workerd", () => {
  it("POST /v1/render answers a tagged PDF for tagged=true, an untagged one otherwise", async () => {
    expect(await tagging(await post("/v1/render?format=pdf&tagged=true"))).toEqual({
      structTree: true,
      markInfo: true,
    });
    expect(await tagging(await post("/v1/render?format=pdf"))).toEqual({
      structTree: false,
      markInfo: false,
    });
  });

  it("POST /v1/reports stores the tagged PDF under its own stable id", async () => {
    // biome-ignore lint/suspicious/noExplicitAny: response bodies are examined by assertions
    const body = async (res: Promise<Response>): Promise<any> => (await res).json();
    const plain = await body(post("/v1/reports"));
    const tagged = await body(post("/v1/reports?tagged=true"));
    expect(tagged.id).toMatch(/^[0-9a-f]{32}$/);
    expect(tagged.id).not.toBe(plain.id);
    expect((await body(post("/v1/reports?tagged=true"))).id).toBe(tagged.id);
    expect(await tagging(await SELF.fetch(tagged.links.pdf))).toEqual({ structTree: true, markInfo: true });
    expect(await tagging(await SELF.fetch(plain.links.pdf))).toEqual({ structTree: false, markInfo: false });
    expect((await body(SELF.fetch(tagged.links.self))).tagged).toBe(true);
  });
});
