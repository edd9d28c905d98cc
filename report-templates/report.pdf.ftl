<#-- The PDF is the HTML report laid out for print: same template, print mode on. -->
<#assign print = true>
<#include "report.html.ftl">
