/** A minimal status page that reads /api/status (the full dashboard lives in its own module). */
export const dashboardHtml = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>lyncdr planner</title>
<style>body{font:14px system-ui,sans-serif;margin:2em}table{border-collapse:collapse}td,th{padding:4px 8px;border-bottom:1px solid #ddd;text-align:left}
.ok{color:#1a7f37}.late{color:#9a6700}.failed{color:#cf222e}.unknown{color:#666}</style></head>
<body><h1>lyncdr planner</h1><p id="sum">loading…</p>
<table><thead><tr><th>Item</th><th>Status</th><th>Last good</th><th>Reason</th></tr></thead><tbody id="rows"></tbody></table>
<script>
const esc = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c]));
async function load() {
  const r = await fetch('/api/status');
  if (!r.ok) { document.getElementById('sum').textContent = 'HTTP ' + r.status + ' (an API token may be needed)'; return; }
  const s = await r.json();
  document.getElementById('sum').textContent = (s.deployment || 'deployment') + ' at ' + s.generatedAt + ': ' +
    Object.entries(s.counts).map(([k, v]) => v + ' ' + k).join(', ');
  document.getElementById('rows').innerHTML = s.items.map((i) => '<tr><td>' + esc(i.itemId) + '</td><td class="' + i.status + '">' +
    i.status + '</td><td>' + esc(i.lastGood || '') + '</td><td>' + esc(i.reason) + '</td></tr>').join('');
}
load(); setInterval(load, 5000);
</script></body></html>
`;
