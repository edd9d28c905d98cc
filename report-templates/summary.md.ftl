<#-- summary.md: paste into a change ticket. Output format Markdown: every ${...} is escaped. -->
# Snapshot backup audit: ${verdict.status}

${verdict.text}

| | |
| --- | --- |
| Run | ${run.id} |
| Started | ${run.started} (took ${run.duration}) |
| Fail on | ${verdict.failOn} and above |
| Hosts | ${hostCount}<#if notAudited gt 0> (${notAudited} not audited)</#if> |
| Rule packs | <#list packs as p>${p.id} ${p.version} (sha256 ${p.sha256})<#sep>; </#list> |
| Evidence bundle SHA-256 | <#if bundleSha256?has_content>${bundleSha256}<#else>no bundle written</#if> |
| Tool | ${tool.name} ${tool.version} |

## Failing rules

<#if failing?has_content>
| Rule | Severity | Title | Hosts |
| --- | --- | --- | --- |
<#list failing as r>
| ${r.rule} | ${r.severity} | ${r.title} | <#list r.hosts as h>${h}<#sep>, </#list><#if r.more gt 0> and ${r.more} more</#if> |
</#list>
<#else>
No rule failed or stayed undecided.
</#if>

## Hosts

| Host | Status | PASS | FAIL | ERROR | SKIPPED | WAIVED |
| --- | --- | ---: | ---: | ---: | ---: | ---: |
<#list hosts as h>
| ${h.name} | ${h.status} | ${h.counts.PASS} | ${h.counts.FAIL} | ${h.counts.ERROR} | ${h.counts.SKIPPED} | ${h.counts.WAIVED} |
</#list>
<#list hosts?filter(h -> !h.audited) as h>

- ${h.name} was not audited: ${h.error}
</#list>
