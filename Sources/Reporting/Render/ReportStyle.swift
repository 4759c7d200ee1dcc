/// The report's inline style sheet: readable on screen, A4 on paper (page numbers and the
/// report's title in the page margins, sections on new pages, no table row or chart split
/// across pages), colours that survive grey-scale printing and colour blindness.
enum ReportStyle {
  /// `footer` is the report's title for the page margins (escaped for CSS here).
  static func css(footer: String, pageLabel: String, ofLabel: String) -> String {
    """
    :root{--ink:#1d2733;--muted:#5b6673;--rule:#d5dbe1;--accent:#1f4e79;--soft:#f3f6f9;\
    --alarm:#c0392b;--warn:#fff4d6}
    *{box-sizing:border-box}
    html{font-size:15px}
    body{margin:0;color:var(--ink);background:#fff;\
    font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif;\
    line-height:1.45}
    main{max-width:1040px;margin:0 auto;padding:0 24px 48px}
    h1{font-size:2rem;margin:0 0 .25rem;color:var(--accent)}
    h2{font-size:1.45rem;margin:2.2rem 0 .6rem;padding-bottom:.25rem;\
    border-bottom:2px solid var(--accent);color:var(--accent)}
    h3{font-size:1.15rem;margin:1.6rem 0 .4rem}
    h4{font-size:1rem;margin:1.1rem 0 .3rem}
    p{margin:.35rem 0 .7rem}
    a{color:var(--accent)}
    .cover{padding:28px 0 12px;border-bottom:1px solid var(--rule);margin-bottom:8px}
    .cover .subtitle{font-size:1.2rem;margin:.2rem 0}
    .cover .meta{color:var(--muted);font-size:.9rem}
    .notice{background:var(--warn);border-left:4px solid #e0a800;padding:.5rem .8rem;margin:.6rem 0;\
    font-size:.92rem}
    .toc{font-size:.92rem;color:var(--muted);margin:.6rem 0}
    .toc ol{display:flex;flex-wrap:wrap;gap:.2rem 1.4rem;padding-left:1.2rem;margin:.3rem 0}
    .highlights li{margin:.25rem 0}
    .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(190px,1fr));gap:10px;margin:1rem 0}
    .card{border:1px solid var(--rule);border-radius:6px;padding:.6rem .75rem;background:var(--soft);\
    break-inside:avoid}
    .card .name{font-weight:600;font-size:.8rem;min-height:3.9em;overflow-wrap:break-word;hyphens:auto}
    .card .big{font-size:1.6rem;font-weight:700;color:var(--accent);margin:.15rem 0}
    .card .cmp{font-size:.82rem;color:var(--muted)}
    table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.88rem}
    caption{text-align:left;font-weight:600;padding:.2rem 0 .4rem;color:var(--muted)}
    th,td{padding:.3rem .45rem;border-bottom:1px solid var(--rule);vertical-align:top;text-align:left}
    thead th{border-bottom:2px solid var(--ink);font-weight:600;background:#fff}
    td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
    td.num{white-space:nowrap}
    table.areas th.num{text-align:center}
    table.areas td.num{text-align:center}
    table.areas td:nth-child(2){text-align:right}
    table.areas thead th{font-size:.8rem;vertical-align:bottom}
    tr{break-inside:avoid}
    table.indicators,table.outcomes,.keep{break-inside:avoid}
    tr.group td{background:var(--soft);font-weight:600}
    tr.child td:first-child{padding-left:1.4rem}
    .muted,.note{color:var(--muted)}
    .note{font-size:.82rem}
    .up{color:#8a1c12}
    .down{color:#1d5e2e}
    .idx{display:inline-block;min-width:2.6em;padding:0 .3em;border-radius:3px;text-align:center;\
    font-weight:600;border:1px solid rgba(0,0,0,.12)}
    .idx.dark{color:#fff}
    .sub{display:block;font-size:.78rem;color:var(--muted)}
    .charts{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:14px 18px}
    figure{margin:0;break-inside:avoid}
    figcaption{font-size:.85rem;font-weight:600;margin-bottom:.15rem}
    figcaption .note{font-weight:400}
    .maps{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:12px 16px}
    .maps figcaption{min-height:2.6em}
    .overview-map{max-width:520px;margin:0 0 1rem}
    .legend{display:flex;flex-wrap:wrap;gap:.3rem 1rem;font-size:.82rem;margin:.4rem 0 .8rem;\
    padding:0;list-style:none}
    .legend li{display:flex;align-items:center;gap:.35rem}
    .swatch{display:inline-block;width:14px;height:12px;border:1px solid #999}
    .flag{border:1px solid var(--rule);border-left:5px solid var(--accent);border-radius:4px;\
    padding:.5rem .75rem;margin:.6rem 0;break-inside:avoid}
    .flag.escalated{border-left-color:var(--alarm)}
    .flag.new{border-left-color:#e67e22}
    .flag h4{margin:0 0 .2rem}
    .flag .meta{font-size:.85rem;color:var(--muted)}
    .badge{display:inline-block;font-size:.75rem;font-weight:600;padding:.05rem .45rem;\
    border-radius:9px;background:var(--soft);border:1px solid var(--rule);margin-right:.3rem}
    .badge.escalated{background:#fbe3e0;border-color:#e6a39a}
    .badge.new{background:#fdebd3;border-color:#efb878}
    .notes{font-size:.85rem;margin:.3rem 0 0;padding-left:1.1rem}
    .flag-chart{max-width:560px}
    dl.defs{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem;font-size:.9rem}
    dl.defs dt{font-weight:600}
    dl.defs dd{margin:0}
    code{font-size:.85em}
    footer{margin-top:2.5rem;border-top:1px solid var(--rule);padding-top:.6rem;color:var(--muted);\
    font-size:.82rem}
    svg text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif}
    @media (max-width:720px){.charts,.maps{grid-template-columns:minmax(0,1fr)}}
    @page{size:A4;margin:16mm 14mm 18mm;\
    @bottom-left{content:\(cssString(footer));font-size:8pt;color:#5b6673}\
    @bottom-right{content:\(cssString(pageLabel + " ")) counter(page) \(cssString(" " + ofLabel + " ")) \
    counter(pages);font-size:8pt;color:#5b6673}}
    @media print{html{font-size:10pt}main{max-width:none;padding:0}\
    h2{break-before:page;margin-top:0}section.first h2{break-before:auto}\
    h2,h3,h4,figcaption{break-after:avoid}a{color:inherit;text-decoration:none}\
    .toc{display:none}.cards{grid-template-columns:repeat(3,1fr)}\
    .charts{grid-template-columns:repeat(2,minmax(0,1fr))}\
    .maps{grid-template-columns:repeat(3,minmax(0,1fr))}\
    thead{display:table-header-group}\
    *{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
    """
  }

  /// A CSS string literal for text that may come from input: quotes and backslashes
  /// escaped, and `<` written as a CSS escape so `</style>` cannot close the element.
  static func cssString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "<": out += "\\3c "
      case ">": out += "\\3e "
      case "&": out += "\\26 "
      case "\n", "\r", "\u{0C}": out += "\\a "
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          out += " "
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
