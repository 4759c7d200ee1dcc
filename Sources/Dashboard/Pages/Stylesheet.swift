/// The one stylesheet, inlined in every page (no CDN, no files to serve).
enum Stylesheet {
  static let css = """
    :root{--ink:#1d2733;--muted:#5b6673;--line:#d9dee4;--bg:#f4f6f8;--card:#fff;--accent:#1f4e79;\
    --new:#1f6fb2;--esc:#b3261e;--ongoing:#a86200;--deesc:#5d7a8c;--resolved:#6b7480;--ok:#2e7d32}
    *{box-sizing:border-box}
    html{font-size:15px}
    body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);\
    background:var(--bg);line-height:1.45}
    a{color:var(--accent)}
    a:focus,button:focus,input:focus,select:focus,textarea:focus{outline:3px solid #ffbf47;outline-offset:1px}
    .skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px 8px;z-index:9}
    header.top{background:#16324f;color:#fff;padding:0 20px;display:flex;flex-wrap:wrap;align-items:center;gap:6px 24px}
    header.top a{color:#fff;text-decoration:none}
    .brand{font-weight:650;font-size:1.1rem;padding:12px 0}
    .brand small{font-weight:400;opacity:.8;margin-left:6px}
    nav.main{display:flex;gap:2px;flex:1}
    nav.main a{padding:14px 12px;border-bottom:3px solid transparent}
    nav.main a[aria-current=page]{border-bottom-color:#ffbf47;font-weight:600}
    nav.main a:hover{background:rgba(255,255,255,.08)}
    .session{display:flex;gap:12px;align-items:center;font-size:.9rem}
    .session form{margin:0}
    .session button{background:none;border:1px solid rgba(255,255,255,.5);color:#fff;border-radius:4px;\
    padding:3px 10px;cursor:pointer;font:inherit}
    main{max-width:1240px;margin:0 auto;padding:18px 20px 40px}
    h1{font-size:1.55rem;margin:.2em 0 .3em}
    h2{font-size:1.2rem;margin:1.6em 0 .5em}
    h3{font-size:1.02rem;margin:1.2em 0 .4em}
    p.lead{color:var(--muted);max-width:75ch;margin-top:0}
    .muted{color:var(--muted)}
    .card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:14px 16px;margin:12px 0}
    .grid{display:grid;gap:14px}
    .grid>*{min-width:0}
    .grid.two{grid-template-columns:repeat(auto-fit,minmax(380px,1fr))}
    .tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin:12px 0}
    .tile{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px 14px}
    a.tile{text-decoration:none;color:inherit}a.tile:hover{border-color:var(--accent)}
    .tile .n{font-size:1.7rem;font-weight:650;display:block}
    .tile .l{color:var(--muted);font-size:.9rem}
    .tile.esc .n{color:var(--esc)}.tile.new .n{color:var(--new)}
    table{border-collapse:collapse;width:100%;background:var(--card);font-size:.93rem}
    caption{text-align:left;color:var(--muted);padding:4px 0;caption-side:top}
    th,td{padding:6px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
    th{background:#eef1f4;font-weight:600;position:sticky;top:0;font-size:.86rem;vertical-align:bottom}
    th.num{width:6.5em}
    .nowrap{white-space:nowrap}
    td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
    td.num{white-space:nowrap}
    table.matrix th.num{width:auto}table.matrix th,table.matrix td{padding:6px 5px}
    tbody tr:hover{background:#f7fafc}
    .scroll{overflow-x:auto;border:1px solid var(--line);border-radius:8px}
    .scroll table{border:0}
    .badge{display:inline-block;border-radius:10px;padding:1px 8px;font-size:.82rem;font-weight:600;\
    border:1px solid currentColor;white-space:nowrap}
    .badge.new{color:var(--new)}.badge.escalated{color:var(--esc)}.badge.ongoing{color:var(--ongoing)}
    .badge.deescalated{color:var(--deesc)}.badge.resolved{color:var(--resolved)}
    .badge.applied,.badge.acknowledged,.badge.ok{color:var(--ok)}
    .badge.quarantined,.badge.failed{color:var(--esc)}
    .badge.dismissed,.badge.interrupted,.badge.running{color:var(--resolved)}
    .sev{display:inline-block;min-width:2.4em;text-align:center;border-radius:4px;color:#fff;font-weight:600}
    .sev.high{background:var(--esc)}.sev.medium{background:var(--ongoing)}.sev.low{background:var(--deesc)}
    form.filters{display:flex;flex-wrap:wrap;gap:10px;align-items:flex-end;background:var(--card);\
    border:1px solid var(--line);border-radius:8px;padding:10px 14px;margin:12px 0}
    form.filters label{display:flex;flex-direction:column;font-size:.85rem;color:var(--muted);gap:2px}
    select,input,textarea{font:inherit;padding:5px 8px;border:1px solid #aab4bf;border-radius:4px;background:#fff;color:var(--ink)}
    textarea{width:100%;min-height:6em}
    button.primary,a.button{background:var(--accent);color:#fff;border:0;border-radius:4px;padding:6px 14px;\
    font:inherit;cursor:pointer;text-decoration:none;display:inline-block}
    button.secondary{background:#fff;color:var(--ink);border:1px solid #aab4bf;border-radius:4px;padding:6px 14px;font:inherit;cursor:pointer}
    .notice{border-left:4px solid var(--accent);background:#eaf2fa;padding:8px 12px;border-radius:4px;margin:12px 0}
    .notice.warn{border-color:var(--ongoing);background:#fff5e6}
    .notice.error{border-color:var(--esc);background:#fdecea}
    .reason{white-space:pre-wrap;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85rem}
    .code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.88rem}
    dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0}
    dl.facts dt{color:var(--muted)}dl.facts dd{margin:0}
    .map svg,.chart svg{display:block;max-width:100%;height:auto}
    .map a path:hover{stroke:#000;stroke-width:2}
    footer{max-width:1240px;margin:0 auto;padding:12px 20px 30px;color:var(--muted);font-size:.85rem}
    .idx{display:inline-block;min-width:2.6em;padding:0 .3em;border-radius:3px;text-align:center;\
    font-weight:600;border:1px solid rgba(0,0,0,.12)}
    .idx.dark{color:#fff}
    .sub{display:block;font-size:.8rem;color:var(--muted);font-weight:400}
    .note{color:var(--muted);font-size:.85rem}
    .up{color:#8a1c12}.down{color:#1d5e2e}
    tr.group td{background:#eef1f4;font-weight:600}
    .crumbs{font-size:.9rem;color:var(--muted);margin-top:4px}
    .periodnav{display:flex;gap:14px;align-items:center}
    .periodnav a{text-decoration:none}
    h2 .idx{font-size:.95rem;vertical-align:middle;margin-left:6px}
    .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(460px,1fr));gap:10px 16px;align-items:start}
    figure.chart{margin:0}figure.chart svg{max-width:760px}
    figcaption{font-weight:600;margin-bottom:4px}
    form.review label{display:block;margin:10px 0 4px;font-weight:600}
    form.review input{width:100%;max-width:320px}
    form.review .buttons{margin-top:10px}
    ol.history{list-style:none;padding:0;margin:0}
    ol.history li{padding:6px 0;border-bottom:1px solid var(--line)}
    ol.history .when{display:inline-block;min-width:9.5em;color:var(--muted)}
    ol.history blockquote{margin:4px 0 0 9.5em;white-space:pre-wrap}
    ul.flaglist{padding-left:0;list-style:none;margin:0}ul.flaglist>li{padding:6px 0;border-bottom:1px solid var(--line)}
    ul.notes{margin:4px 0 0 1.2em;padding:0;font-size:.9rem}
    a.button.small{padding:3px 10px;font-size:.9rem}
    details.chart{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:6px 12px}
    details.chart summary{cursor:pointer;font-weight:600;padding:4px 0}
    details.chart summary .sub{display:inline;margin-left:8px}
    details.chart svg{margin-top:6px}
    .card.map h2,.card h2:first-child{margin-top:0}
    .card.map svg{max-width:460px;margin:0 auto}
    .login{max-width:420px;margin:40px auto}
    .login label{display:block;margin:10px 0 4px}.login input{width:100%}
    @media print{header.top,footer,form.filters,.no-print{display:none}body{background:#fff}main{max-width:none}}
    """
}
