import type { Paper } from '@lyncdr/documents';

/** Inline stylesheet of the HTML output: screen and print, no external assets. */
export function htmlCss(paper: Paper, orientation: 'portrait' | 'landscape'): string {
  const size = `${paper === 'letter' ? 'letter' : 'A4'} ${orientation}`;
  return `
@page { size: ${size}; margin: 14mm; }
:root { color: #111; font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; font-size: 10pt; line-height: 1.35; }
body { max-width: 60rem; margin: 1.5rem auto; padding: 0 1rem; }
header.doc { border-bottom: 1px solid #c8c8c8; margin-bottom: 1rem; }
header.doc p { color: #666; font-size: 8.5pt; margin: .2rem 0 .6rem; }
h1, h2, h3, h4 { color: #1f3a5f; break-after: avoid; }
h1 { font-size: 17pt; margin: .4rem 0; }
h2 { font-size: 14pt; border-bottom: 1px solid #1f3a5f; }
h3 { font-size: 12pt; } h4 { font-size: 10.5pt; }
code, pre { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 8.5pt; }
pre { background: #f3f3f3; border-left: 3px solid #c8c8c8; padding: .4rem .6rem; white-space: pre-wrap; word-break: normal; overflow-wrap: normal; }
.tone { padding: .35rem .6rem; border-left: 3px solid; margin: .5rem 0; }
.tone-note { background: #eef4fb; border-color: #3b6ea8; }
.tone-warning { background: #fff5e6; border-color: #c77700; }
.tone-erratum { background: #fdeeee; border-color: #b3261e; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 .8rem; font-size: 8.5pt; }
th, td { border: 1px solid #8a8a8a; padding: 3px 4px; vertical-align: top; text-align: left; }
thead { display: table-header-group; }
th { background: #e6e9ee; }
tr { break-inside: avoid; }
td.wrap-anywhere { overflow-wrap: anywhere; word-break: break-word; }
td.blank { height: 1.6rem; color: #9a9a9a; font-style: italic; }
.blank-inline { color: #9a9a9a; font-style: italic; border-bottom: 1px solid #8a8a8a; padding: 0 .6rem; }
.box { display: inline-block; width: .8rem; height: .8rem; border: 1px solid #111; vertical-align: middle; text-align: center; line-height: .8rem; font-size: .7rem; }
ul.checklist { list-style: none; padding-left: .4rem; } ul.checklist .box { margin-right: .4rem; }
dl.kv { display: grid; grid-template-columns: minmax(8rem, 30%) 1fr; gap: .15rem .6rem; }
dl.kv dt { color: #666; font-weight: bold; } dl.kv dd { margin: 0; overflow-wrap: anywhere; }
section.step { border-top: 1px solid #e0e0e0; padding-top: .3rem; margin: .6rem 0; break-inside: avoid; }
section.step .n { display: inline-block; background: #1f3a5f; color: #fff; border-radius: 3px; min-width: 1.4rem; text-align: center; margin-right: .4rem; }
section.step .meta { color: #666; font-size: 8.5pt; }
.timing span { display: inline-block; margin-right: 1.2rem; } .timing i { display: inline-block; width: 6rem; border: 1px solid #8a8a8a; height: 1.1rem; vertical-align: middle; }
.signature { display: grid; grid-template-columns: 38% 38% 24%; gap: .2rem .8rem; margin: .6rem 0; break-inside: avoid; }
.signature .role { grid-column: 1 / -1; font-weight: bold; }
.signature span { border-bottom: 1px solid #8a8a8a; padding-top: 1.4rem; color: #666; font-size: 8pt; }
.pagebreak { break-after: page; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; } }
`;
}
