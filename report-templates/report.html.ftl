<#-- The HTML report, and with print=true the XHTML the PDF is laid out from (report.pdf.ftl).
     Output format XHTML: every ${...} is escaped; only chart SVG made by quiesce is inserted raw. -->
<#assign print = print!false>
<#-- The PDF is laid out in parts (summary, hosts a few at a time, rules) to bound memory. The HTML is one
     part, with each rule's rationale, remediation and references next to its findings instead of "rules". -->
<#assign sections = sections![ "summary", "hosts" ]>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="en">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<meta name="generator" content="${tool.name} ${tool.version}"/>
<title>quiesce report: ${verdict.status} (${run.id})</title>
<#if print>
<bookmarks>
  <#if sections?seq_contains("summary")><bookmark name="Summary" href="#summary"/></#if>
  <#if sections?seq_contains("hosts")><#list hosts as host>
  <bookmark name="${host.name} (${host.status})" href="#${host.anchor}"/>
  </#list></#if>
  <#if sections?seq_contains("rules")><bookmark name="Rules" href="#rules"/></#if>
</bookmarks>
</#if>
<style type="text/css">
  body { font-family: "DejaVu Sans", "Droid Sans Fallback", "Noto Sans", Arial, sans-serif; font-size: 10pt;
         color: #1d1d1f; margin: 0 auto; max-width: 1100px; padding: 0 16px; line-height: 1.4; }
  h1 { font-size: 18pt; margin: 16px 0 4px 0; }
  h2 { font-size: 14pt; margin: 24px 0 6px 0; border-bottom: 2px solid #d0d7de; padding-bottom: 3px; }
  h3 { font-size: 11.5pt; margin: 14px 0 6px 0; color: #333; }
  h4 { font-size: 10.5pt; margin: 0 0 6px 0; }
  table { border-collapse: collapse; margin: 6px 0 10px 0; }
  th, td { border: 1px solid #d0d7de; padding: 3px 6px; text-align: left; vertical-align: top; }
  th { background: #f3f5f7; font-weight: bold; }
  td.num, th.num { text-align: right; }
  code, pre, .mono { font-family: "DejaVu Sans Mono", "Droid Sans Fallback", monospace; font-size: 8.5pt; }
  pre { white-space: pre-wrap; word-wrap: break-word; overflow-wrap: anywhere; background: #f6f8fa;
        border: 1px solid #e1e4e8; padding: 6px; margin: 4px 0; }
  .wide { overflow-x: auto; }
  .banner { padding: 10px 14px; margin: 10px 0; border-radius: 4px; color: #fff; }
  .banner .big { font-size: 20pt; font-weight: bold; }
  .banner.pass { background: #2e7d32; } .banner.fail { background: #c62828; }
  .banner.incomplete { background: #b26a00; } .banner.not { background: #546e7a; }
  .badge { display: inline-block; padding: 1px 6px; border-radius: 3px; font-size: 8.5pt; font-weight: bold;
           color: #fff; background: #546e7a; }
  .badge.pass, .badge.AUDITED { background: #2e7d32; } .badge.fail { background: #c62828; }
  .badge.error, .badge.UNREACHABLE, .badge.ERROR { background: #b26a00; }
  .badge.skipped { background: #78909c; } .badge.waived { background: #6a1b9a; }
  .sev { font-weight: bold; text-transform: uppercase; font-size: 8pt; }
  .sev.critical { color: #b71c1c; } .sev.high { color: #c62828; } .sev.medium { color: #b26a00; }
  .sev.low { color: #1565c0; } .sev.info { color: #546e7a; }
  .cell0 { color: #9aa4ad; } .cellbad { background: #fdecea; font-weight: bold; color: #b71c1c; }
  .finding { border: 1px solid #d0d7de; border-left: 5px solid #546e7a; padding: 8px 10px; margin: 8px 0; }
  .nowrap { white-space: nowrap; }
  h4, .label { page-break-after: avoid; }
  .finding.fail { border-left-color: #c62828; } .finding.error { border-left-color: #b26a00; }
  .finding.waived { border-left-color: #6a1b9a; }
  .label { color: #57606a; font-size: 8.5pt; font-weight: bold; text-transform: uppercase; margin-top: 6px; }
  .message { font-weight: bold; margin: 4px 0; }
  <#-- Messages and sources quote host names, which may be long words: they wrap rather than leave the page. -->
  .message, .source { word-wrap: break-word; overflow-wrap: anywhere; }
  .muted { color: #57606a; }
  .chart svg, .chart img { max-width: 100%; height: auto; }
  .kv th { width: 9em; }
  header, footer { display: block; }
  footer { margin: 30px 0 10px 0; color: #57606a; font-size: 8pt; border-top: 1px solid #d0d7de; padding-top: 6px; }
  @media (max-width: 640px) {
    body { padding: 0 6px; font-size: 9.5pt; }
    .banner .big { font-size: 15pt; }
    th, td { padding: 2px 3px; }
    td { overflow-wrap: anywhere; word-break: break-word; }
  }
  @media print {
    body { max-width: none; padding: 0; }
    tr { page-break-inside: avoid; }
    a { color: inherit; text-decoration: none; }
  }
<#if print>
  @page { size: ${paper}; margin: 16mm 14mm 18mm 14mm;
    @bottom-left { content: "quiesce run ${run.id}"; font-family: "DejaVu Sans", sans-serif; font-size: 7.5pt;
                   color: #57606a; }
    <#-- "Page i of N" is stamped at the bottom right once the whole PDF exists (PageNumbers). --> }
  body { font-size: 9pt; }
  table { -fs-table-paginate: paginate; }
  thead { display: table-header-group; }
  tr { page-break-inside: avoid; }
  .finding { padding: 5px 8px; margin: 5px 0; }
  pre { padding: 4px; }
  h2.host, h2#rules { page-break-before: always; }
  <#-- Long host output must wrap inside the page, not run off its edge. -->
  .finding table.kv { width: 100%; table-layout: fixed; }
  td { word-wrap: break-word; }
  .others div { margin: 1px 0; }
  .others .badge { font-size: 7pt; padding: 0 4px; }
  .chart img { width: 180mm; height: 70mm; }
</#if>
</style>
</head>
<body>
<#if sections?seq_contains("summary")>
<header>
  <h1>Snapshot backup audit</h1>
  <div class="banner ${verdict.css?keep_before('_')}">
    <span class="big">${verdict.status}</span>&#160;&#160;${verdict.text}
  </div>
  <table class="kv">
    <tr><th>Run</th><td class="mono">${run.id}</td></tr>
    <tr><th>Started</th><td>${run.started} (took ${run.duration})</td></tr>
    <tr><th>Fail on</th><td>${verdict.failOn} and above</td></tr>
    <tr><th>Hosts</th><td>${hostCount}<#if notAudited gt 0>, ${notAudited} not audited</#if></td></tr>
    <tr><th>Rule packs</th><td><#list packs as pack><div>${pack.id} ${pack.version}: ${pack.title} (${pack.rules} rules)<br/><span class="mono muted">sha256 ${pack.sha256}</span></div></#list></td></tr>
    <tr><th>Tool</th><td>${tool.name} ${tool.version}</td></tr>
  </table>
</header>

<h2 id="summary">Summary</h2>
<p><#list counts as c><span class="badge ${c.css}">${c.status} ${c.count}</span>&#160; </#list></p>

<h3>Findings by severity</h3>
<div class="wide"><table>
  <thead><tr><th>Severity</th><#list counts as c><th class="num">${c.status}</th></#list></tr></thead>
  <tbody>
  <#list bySeverity as row>
    <tr><td><span class="sev ${row.severity}">${row.severity}</span></td><#list counts as c><td class="num">${row[c.status]}</td></#list></tr>
  </#list>
  </tbody>
</table></div>

<h3>Problems by host and severity</h3>
<p class="muted">FAIL and ERROR findings in each cell.</p>
<div class="wide"><table>
  <thead><tr><th>Host</th><th>Status</th><#list severities as s><th class="num"><span class="sev ${s}">${s}</span></th></#list></tr></thead>
  <tbody>
  <#list matrix as row>
    <tr><td><a href="#${row.anchor}">${row.host}</a></td><td><span class="badge ${row.status}">${row.status}</span></td>
    <#list row.cells as cell><td class="num <#if cell.problems gt 0>cellbad<#else>cell0</#if>">${cell.problems}</td></#list></tr>
  </#list>
  </tbody>
</table></div>

<h3>Failing rules</h3>
<#if failing?has_content>
<div class="wide"><table>
  <thead><tr><th>Rule</th><th>Severity</th><th>Title</th><th>Hosts</th></tr></thead>
  <tbody>
  <#list failing as rule>
    <tr><td class="mono nowrap">${rule.rule}</td><td><span class="sev ${rule.severity}">${rule.severity}</span></td><td>${rule.title}</td>
        <td><#list rule.hosts as h>${h}<#sep>, </#list><#if rule.more gt 0> and ${rule.more} more</#if></td></tr>
  </#list>
  </tbody>
</table></div>
<#else>
<p>No rule failed or stayed undecided.</p>
</#if>

</#if>

<#if sections?seq_contains("hosts")>
<#list hosts as host>
<h2 class="host" id="${host.anchor}">${host.name} <span class="badge ${host.status}">${host.status}</span></h2>
<table class="kv">
  <tr><th>Roles</th><td><#list host.roles as role>${role}<#sep>, </#list></td></tr>
  <tr><th>Transport</th><td class="mono">${host.transport}</td></tr>
  <#if host.asOf?has_content><tr><th>As of</th><td class="mono">${host.asOf} <span class="muted">(the host's clock: time windows are measured against it)</span></td></tr></#if>
  <tr><th>Findings</th><td><#list host.counts as status, n><#if n gt 0><span class="nowrap">${status} ${n}</span>&#160; </#if></#list></td></tr>
  <#if !host.audited><tr><th>Not audited</th><td><strong>${host.error}</strong></td></tr></#if>
</table>
<#list host.packs as pack>
<h3>${pack.title} <span class="muted">(${pack.id})</span></h3>
<#list pack.findings?filter(f -> f.problem || f.status == "WAIVED") as f>
<div class="finding ${f.css}" id="${f.anchor}">
  <h4><span class="badge ${f.css}">${f.status}</span> <span class="sev ${f.severity}">${f.severity}</span> <span class="mono nowrap">${f.rule}</span> ${f.title}</h4>
  <div class="message">${f.message}</div>
  <table class="kv">
    <tr><th>Observed</th><td class="mono">${f.observed}</td></tr>
    <tr><th>Expected</th><td class="mono">${f.expected}</td></tr>
  </table>
  <@evidence f/>
  <@details f/>
  <#if print>
  <div class="muted">Why it matters, remediation and references: ${f.rule} under Rules at the end.</div>
  <#else>
  <@ruleText f/>
  </#if>
</div>
</#list>
<#assign others = pack.findings?filter(f -> !(f.problem || f.status == "WAIVED"))>
<#if others?has_content && print>
<#-- Print lists what passed or was skipped as lines, not a table: a thousand hosts' tables cost minutes. -->
<div class="others"><#list others as f><div><span class="badge ${f.css}">${f.status}</span> <span class="mono">${f.rule}</span> ${f.title}: <span class="mono">${f.observed}</span></div></#list></div>
<#elseif others?has_content>
<div class="wide"><table>
  <thead><tr><th>Status</th><th>Rule</th><th>Title</th><th>Observed</th><th>Evidence</th></tr></thead>
  <tbody>
  <#list others as f>
    <tr id="${f.anchor}"><td><span class="badge ${f.css}">${f.status}</span></td><td class="mono nowrap">${f.rule}</td>
      <td>${f.title}</td><td class="mono">${f.observed}</td>
      <td class="mono"><#list f.evidence as e>${e.source}<#sep><br/></#list></td></tr>
  </#list>
  </tbody>
</table></div>
</#if>
<#list others?filter(f -> f.tables?has_content || f.charts?has_content) as f>
<div class="finding ${f.css}">
  <h4><span class="badge ${f.css}">${f.status}</span> <span class="mono nowrap">${f.rule}</span> ${f.title}</h4>
  <@details f/>
</div>
</#list>
</#list>
</#list>
</#if>

<#if sections?seq_contains("rules")>
<h2 id="rules">Rules</h2>
<#list rules as r>
<div class="finding rule" id="rule-${r.anchor}">
  <h4><span class="sev ${r.severity}">${r.severity}</span> <span class="mono nowrap">${r.id}</span> ${r.title} <span class="muted">(${r.pack})</span></h4>
  <#if r.description?has_content><div>${r.description}</div></#if>
  <@ruleText r/>
</div>
</#list>
</#if>

<#if !print>
<footer>
  Written by ${tool.name} ${tool.version}, run ${run.id}, ${run.started}. Host output in this report is shown as
  text, exactly as the hosts answered (cut at 4,000 characters per excerpt).
</footer>
</#if>
</body>
</html>

<#macro evidence f>
  <#if f.evidence?has_content>
  <div class="label">Evidence</div>
  <#list f.evidence as e>
    <div class="mono source">${e.fact}: ${e.source}</div>
    <#if e.excerpt?has_content><pre>${e.excerpt}</pre></#if>
  </#list>
  </#if>
</#macro>

<#macro ruleText f>
  <#if f.rationale?has_content><div class="label">Why it matters</div><div>${f.rationale}</div></#if>
  <#if f.remediation?has_content || f.commands?has_content>
    <div class="label">Remediation</div><div>${f.remediation}</div>
    <#if f.commands?has_content><pre><#list f.commands as c>${c}<#sep>
</#list></pre></#if>
  </#if>
  <#if f.references?has_content><div class="label">References</div>
    <ul><#list f.references as r><li>${r}</li></#list></ul></#if>
</#macro>

<#macro details f>
  <#list f.tables as t>
  <div class="label">${t.name}</div>
  <div class="wide"><table>
    <thead><tr><#list t.columns as c><th>${c}</th></#list></tr></thead>
    <tbody><#list t.rows as row><tr><#list row as cell><td>${cell}</td></#list></tr></#list></tbody>
  </table></div>
  </#list>
  <#list f.charts as c>
  <div class="label">${c.name} (${c.unit})</div>
  <div class="chart"><#if print><img src="${c.image}" alt="${c.name}"/><#else>${c.svg?no_esc}</#if></div>
  <div class="muted">${c.points} points<#if c.thresholds?has_content>; thresholds: ${c.thresholds}</#if></div>
  </#list>
</#macro>
