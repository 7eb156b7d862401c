import { LEVEL_FILL } from './calendar-svg.js';

/** The page's only styles, inline: the report loads nothing from anywhere. */
export const STYLE = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#f6f6f4;color:#1d1d1f;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
main{max-width:60rem;margin:0 auto;padding:1.25rem 1rem 3rem}
h1{font-size:1.6rem;line-height:1.2;margin:.5rem 0 .25rem}
h2{font-size:1.15rem;margin:0 0 .75rem}
header p{margin:.15rem 0;color:#555}
section{background:#fff;border:1px solid #ddd;border-radius:10px;padding:1rem;margin:1rem 0;break-inside:avoid}
section.list{background:none;border:0;padding:0}
section.list>h2{margin-left:.25rem}
.tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(8.5rem,1fr));gap:.6rem}
.tile{border:1px solid #e3e3e3;border-radius:8px;padding:.6rem .75rem}
.tile .value{font-size:1.6rem;font-weight:650;line-height:1.1}
.tile .name{color:#444}
.tile .note{color:#666;font-size:.85rem}
svg.calendar,svg.labels-chart{display:block;width:100%;height:auto}
svg.labels-chart{max-width:44rem}
.calendar-halves{display:flex;flex-wrap:wrap;gap:.5rem 1rem}
.calendar-halves svg.calendar{flex:1 1 20rem;width:auto;min-width:0}
svg text{font-family:inherit;fill:#444}
.calendar .month,.calendar .weekday{font-size:9px}
.calendar .weekday{text-anchor:end}
.l0{fill:${LEVEL_FILL[0]}}.l1{fill:${LEVEL_FILL[1]}}.l2{fill:${LEVEL_FILL[2]}}.l3{fill:${LEVEL_FILL[3]}}.l4{fill:${LEVEL_FILL[4]}}
.labels-chart text{font-size:12px;text-anchor:middle}
.labels-chart .axis{text-anchor:end}
.labels-chart .year{fill:#777}
.labels-chart .grid{stroke:#e4e4e4;stroke-width:1}
.labels-chart .seg{stroke:#fff;stroke-width:.75}
.key,.legend{color:#444;font-size:.9rem}
.key{margin:.5rem 0 0}
.key .gap{display:inline-block;width:1rem}
.swatch{width:.8rem;height:.8rem;vertical-align:-.1rem;margin:0 .12rem}
.legend{list-style:none;padding:0;margin:.6rem 0 0;display:flex;flex-wrap:wrap;gap:.3rem 1.1rem}
.legend .count{color:#777}
.card{background:#fff;border:1px solid #ddd;border-left:5px solid #E69F00;border-radius:10px;padding:.9rem 1rem;margin:.75rem 0;break-inside:avoid}
.card .date{margin:0;color:#555;font-size:.9rem}
.question{margin:.35rem 0;color:#555;font-style:italic}
blockquote{margin:.4rem 0 .6rem;padding:0;font-size:1.05rem;white-space:pre-wrap}
blockquote,.question,.step .text,.loop{overflow-wrap:anywhere;unicode-bidi:isolate}
.steps{list-style:none;padding:0;margin:0}
.step{margin:.2rem 0;padding-left:1.4rem;text-indent:-1.4rem}
.step .mark{display:inline-block;width:1.1rem;text-indent:0;font-weight:700}
.step .state{color:#555;font-size:.9rem}
.step.done .mark{color:#006d4f}.step.dropped .mark{color:#777}.step.overdue .mark{color:#b3470b}
.step.dropped .text{text-decoration:line-through;color:#666}
.loops{margin:0;padding-left:1.2rem}
.loop{margin:.3rem 0}
.muted,.empty{color:#666}
.share{margin:.75rem 0 0}
footer{color:#666;font-size:.85rem;margin-top:2rem}
@media (max-width:30rem){
  main{padding:.75rem .6rem 2rem}
  section{padding:.75rem}
  .tile .value{font-size:1.35rem}
  .labels-chart text{font-size:19px}
}
@media print{
  body{background:#fff;color:#000;font-size:11pt}
  main{max-width:none;padding:0}
  section,.card,.tile{border-color:#bbb}
  .card{border-left-color:#E69F00}
  section,.card,article,li{break-inside:avoid;page-break-inside:avoid}
  h2{break-after:avoid;page-break-after:avoid}
  svg{print-color-adjust:exact;-webkit-print-color-adjust:exact}
}
`;
