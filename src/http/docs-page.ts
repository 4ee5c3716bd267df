// A self-contained API explorer for GET /docs: reads /openapi.json and lets a person try each operation (no CDN).
export const DOCS_PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>nianbao API</title>
<style>
body{font:15px/1.5 system-ui,"PingFang SC","Microsoft YaHei",sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.6rem}details{border:1px solid #ddd;border-radius:6px;margin:.6rem 0;padding:.4rem .8rem}
summary{cursor:pointer;font-weight:600}.m{display:inline-block;min-width:4.5em;font-family:monospace;color:#fff;border-radius:3px;padding:0 .4em;margin-right:.5em;text-align:center}
.get{background:#2b7}.post{background:#27c}code,pre,textarea,input{font-family:ui-monospace,monospace;font-size:13px}
pre{background:#f6f6f6;padding:.6rem;overflow:auto;max-height:24rem}textarea{width:100%;min-height:8rem}
label{display:block;margin:.3rem 0}input[type=text]{width:60%}button{margin:.4rem 0;padding:.3rem 1rem}
</style>
</head>
<body>
<h1>nianbao API</h1>
<p>政府信息公开工作年度报告：校验、生成 PDF/HTML 并以稳定链接发布。Machine-readable: <a href="openapi.json">openapi.json</a>.</p>
<label>Bearer token (writes, when configured): <input type="text" id="token" autocomplete="off"></label>
<div id="ops">Loading…</div>
<script>
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({"&":"&amp;","<":"&lt;",">":"&gt;","\\"":"&quot;"})[c]);
async function main() {
  const spec = await (await fetch("openapi.json")).json();
  const ops = document.getElementById("ops");
  ops.innerHTML = "";
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const d = document.createElement("details");
      const params = (op.parameters || []);
      const types = op.requestBody ? Object.keys(op.requestBody.content) : [];
      d.innerHTML = '<summary><span class="m ' + method + '">' + method.toUpperCase() + '</span><code>' + esc(path) + '</code> — ' + esc(op.summary || "") + '</summary>'
        + (op.description ? '<p>' + esc(op.description) + '</p>' : '')
        + '<form>' + params.map((p) => '<label>' + esc(p.in) + ' <b>' + esc(p.name) + '</b>' + (p.required ? ' *' : '') + ' <input type="text" name="' + esc(p.in + ':' + p.name) + '"> ' + esc((p.schema && p.schema.description) || p.description || "") + '</label>').join("")
        + (types.length ? '<label>Content-Type <select name="ct">' + types.filter((t) => t !== "multipart/form-data").map((t) => '<option>' + esc(t) + '</option>').join("") + '</select></label><textarea name="body" placeholder="request body"></textarea>' : '')
        + '<button>Send</button><pre hidden></pre></form>'
        + '<p>Responses: ' + Object.entries(op.responses || {}).map(([s, r]) => '<b>' + esc(s) + '</b> ' + esc(r.description || "")).join(" · ") + '</p>';
      d.querySelector("form").addEventListener("submit", async (ev) => {
        ev.preventDefault();
        const f = new FormData(ev.target);
        let url = path;
        const q = new URLSearchParams();
        for (const p of params) {
          const v = f.get(p.in + ":" + p.name);
          if (!v) continue;
          if (p.in === "path") url = url.replace("{" + p.name + "}", encodeURIComponent(v));
          else if (p.in === "query") q.set(p.name, v);
        }
        const headers = {};
        const token = document.getElementById("token").value.trim();
        if (token) headers.authorization = "Bearer " + token;
        const init = { method: method.toUpperCase(), headers };
        if (types.length) { headers["content-type"] = f.get("ct") + (String(f.get("ct")).startsWith("text/") ? "; charset=utf-8" : ""); init.body = f.get("body"); }
        const out = ev.target.querySelector("pre");
        out.hidden = false;
        out.textContent = "…";
        const res = await fetch(url.replace(/^\\//, "") + (q.size ? "?" + q : ""), init);
        const type = res.headers.get("content-type") || "";
        const text = type.includes("json") ? JSON.stringify(await res.json(), null, 2) : type.startsWith("text/") ? await res.text() : "(" + type + ", " + (await res.arrayBuffer()).byteLength + " bytes)";
        out.textContent = res.status + " " + res.statusText + "\\n" + text;
      });
      ops.appendChild(d);
    }
  }
}
main().catch((e) => { document.getElementById("ops").textContent = "Failed to load openapi.json: " + e; });
</script>
</body>
</html>
`;
