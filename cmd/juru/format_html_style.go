package main

// reviewCSS styles the review page. Colours meet WCAG AA contrast for
// their text; severities also differ by icon, label and underline style,
// never by colour alone. Each script gets a font stack that renders it.
const reviewCSS = `
:root{color-scheme:light;--fg:#1f2328;--muted:#57606a;--bg:#fff;--line:#d0d7de;--head:#f6f8fa;
--err-bg:#fde2e1;--err:#b42318;--warn-bg:#fff3c4;--warn:#7a4d00;--info-bg:#dbeafe;--info:#1d4ed8;
--term-bg:#e6f4ea;--term:#1a7f37;--rel-bg:#f1e6ff;--rel:#6b21a8;--focus:#0b57d0}
html{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:var(--bg);line-height:1.6}
body{margin:0 auto;max-width:96rem;padding:1rem 1.5rem 3rem}
:lang(th){font-family:"Noto Sans Thai","Noto Sans Thai UI","Leelawadee UI",Tahoma,Thonburi,sans-serif;line-height:1.9}
:lang(lo){font-family:"Noto Sans Lao","Noto Sans Lao UI","Phetsarath OT","Lao UI","Saysettha OT",sans-serif;line-height:1.9}
:lang(km){font-family:"Noto Sans Khmer","Noto Sans Khmer UI","Khmer OS","Khmer UI","Leelawadee UI",sans-serif;line-height:2}
:lang(my){font-family:"Noto Sans Myanmar","Noto Sans Myanmar UI","Myanmar Text",Padauk,Myanmar3,sans-serif;line-height:2.1}
:lang(zh-Hans){font-family:"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif}
:lang(zh-Hant){font-family:"Noto Sans CJK TC","Noto Sans TC","Source Han Sans TC","PingFang TC","Microsoft JhengHei",sans-serif}
:lang(ta){font-family:"Noto Sans Tamil","Tamil Sangam MN","Nirmala UI",Latha,sans-serif}
:lang(vi),:lang(id),:lang(ms),:lang(fil),:lang(tet),:lang(pt),:lang(en){font-family:"Noto Sans","Segoe UI",Roboto,Arial,sans-serif}
h1{font-size:1.6rem;margin:.5rem 0}
h2{font-size:1.25rem;margin:1.5rem 0 .5rem}
a{color:var(--focus)}
a:focus-visible,input:focus-visible,[tabindex]:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:.9em}
.skip{position:absolute;left:-999rem}
.skip:focus{left:1rem;top:1rem;background:var(--bg);padding:.5rem;z-index:30}
.totals{font-weight:600}
.legend{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;color:var(--muted)}
.legend .term,.legend mark{color:var(--fg)}
.filters{display:flex;gap:1rem;margin:.5rem 0}
.file-list{padding-left:1.2rem}
.findings{list-style:none;padding-left:.5rem;margin:.25rem 0 1rem}
.findings li{margin:.15rem 0}
.findings a{text-decoration:none;color:var(--fg)}
.findings a:hover code,.findings a:focus code{text-decoration:underline}
.pos{color:var(--muted);font-variant-numeric:tabular-nums}
.counts{color:var(--muted)}
body.hide-error .findings .sev-error,body.hide-warning .findings .sev-warning,body.hide-info .findings .sev-info{display:none}
.badge{display:inline-block;font-size:.75rem;font-weight:600;line-height:1.4;padding:0 .45em;border:1px solid;border-radius:1em;white-space:nowrap}
.badge.sev-error{color:var(--err);background:var(--err-bg);border-color:var(--err)}
.badge.sev-warning{color:var(--warn);background:var(--warn-bg);border-color:var(--warn)}
.badge.sev-info{color:var(--info);background:var(--info-bg);border-color:var(--info)}
.file{margin-top:2.5rem;border-top:2px solid var(--line)}
.file h2 .lang{font-weight:400;color:var(--muted);font-size:.9em}
.meta{color:var(--muted);margin:.25rem 0}
.note{background:var(--warn-bg);border-left:4px solid var(--warn);padding:.4rem .75rem}
.file-level{list-style:none;padding:0}
.file-level li{padding:.25rem .5rem;border-left:4px solid var(--line);margin:.25rem 0}
.file-level li.sev-error{border-color:var(--err)}
.file-level li.sev-warning{border-color:var(--warn)}
.file-level li.sev-info{border-color:var(--info)}
table{width:100%;border-collapse:collapse;table-layout:fixed}
th,td{border:1px solid var(--line);padding:.5rem .75rem;vertical-align:top;text-align:start}
th{background:var(--head);font-weight:600}
.para{white-space:pre-wrap;overflow-wrap:anywhere}
.para::before{content:attr(data-line);float:right;margin-left:.5rem;font:.7rem/1.6 ui-monospace,monospace;color:var(--muted)}
.para.heading{font-weight:700;font-size:1.1em}
.para[class*=flag-]{border-inline-start:4px solid;padding-inline-start:.5rem;margin-inline-start:-.75rem}
.para.flag-error{border-color:var(--err)}
.para.flag-warning{border-color:var(--warn)}
.para.flag-info{border-color:var(--info)}
mark.pin{padding:0 .15em;margin-inline-end:.2em}
.term{background:var(--term-bg);border-bottom:2px dotted var(--term)}
.term.forbidden{text-decoration:line-through;text-decoration-color:var(--err)}
mark{color:inherit;position:relative;border-radius:2px;padding:0 .1em}
mark .term{background:transparent}
mark.finding.sev-error{background:var(--err-bg);border-bottom:3px solid var(--err)}
mark.finding.sev-warning{background:var(--warn-bg);border-bottom:3px dashed var(--warn)}
mark.finding.sev-info{background:var(--info-bg);border-bottom:3px dotted var(--info)}
mark.related{background:var(--rel-bg);border-bottom:3px double var(--rel)}
mark[tabindex]{cursor:help}
mark:target{outline:3px solid var(--focus);outline-offset:2px}
.icon{font-size:.8em;margin-inline-end:.15em;font-family:system-ui,sans-serif}
.sev-error>.icon{color:var(--err)}
.sev-warning>.icon{color:var(--warn)}
.sev-info>.icon{color:var(--info)}
.tip{display:none;position:absolute;z-index:20;left:0;top:calc(100% + 4px);width:max-content;min-width:12rem;max-width:min(32rem,80vw);
padding:.4rem .6rem;background:#1f2328;color:#fff;border-radius:4px;font:400 .85rem/1.45 system-ui,"Noto Sans",sans-serif;
white-space:normal;text-align:start;box-shadow:0 2px 8px rgb(0 0 0/.3)}
mark:hover>.tip,mark:focus>.tip,mark:target>.tip{display:block}
.vh{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap;border:0}
footer{margin-top:3rem;color:var(--muted);font-size:.9rem}
@media (max-width:48rem){table.pair,table.pair tbody,table.pair tr,table.pair td{display:block;width:auto}table.pair thead{display:none}}
@media print{.tip,.filters,.skip{display:none!important}}
`

// reviewJS is the page's only script: following a link to a finding
// moves the focus to it (so its message shows and keyboard users land
// there), and checkboxes filter the list of findings by severity.
const reviewJS = `
(function () {
  "use strict";
  function focusTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (el && el.hasAttribute("tabindex")) {
      el.focus();
    }
  }
  window.addEventListener("hashchange", focusTarget);
  focusTarget();
  var box = document.querySelector(".filters");
  if (box) {
    box.hidden = false;
    box.addEventListener("change", function (e) {
      var sev = e.target && e.target.getAttribute("data-sev");
      if (sev) {
        document.body.classList.toggle("hide-" + sev, !e.target.checked);
      }
    });
  }
})();
`
