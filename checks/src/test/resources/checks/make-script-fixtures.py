# Writes the script-content and script-syntax fixture cases from the test scripts in ../scripts (run it from
# anywhere after changing a script or a case; the cases are plain JSON, which YAML reads).
import json, os
import pathlib
HERE = pathlib.Path(__file__).resolve().parent
R = str(HERE.parent / 'scripts') + '/'
C = str(HERE) + '/'
PRE='/usr/sbin/pre-freeze-script'; POST='/usr/sbin/post-thaw-script'; DIR='/etc/vmware-tools/backupScripts.d'
def s(name): return open(R+name, newline='').read()
def content(path, name=None, text=None): return {"content": path, "text": text if text is not None else s(name)}
def missing(kind, path): return {kind: path, "status": "notfound"}
NODIR = missing("listing", DIR)
QLIST = "IRIS^/usr/irissys^2023.1.0.235.1^running, since Mon Jun  1 08:00:00 2026^iris.cpf^1972^52773^0^ok^IRIS^^^/usr/irissys/mgr\nTEST^/opt/test^2023.1.0.235.1^running, since Mon Jun  1 08:00:00 2026^iris.cpf^1973^52774^0^ok^IRIS^^^/opt/test/mgr\nOLD^/opt/old^2022.1.0.209.0^down, last used Sun May 31 10:00:00 2026^iris.cpf^1974^52775^0^ok^IRIS^^^/opt/old/mgr\n"
def qlist(stdout=QLIST, exit=0, ccontrol=None):
    a=[{"command":"IRIS_QLIST","exit":exit,"stdout":stdout}]
    a.append({"command":"CCONTROL_QLIST","missing":True} if ccontrol is None else ccontrol)
    return a
def case(typ, name, comment, answers, expected, check=None, extra=None):
    d=C+typ+'/'+name; os.makedirs(d, exist_ok=True)
    doc={}
    if extra: doc.update(extra)
    doc["answers"]=answers
    open(d+'/answers.yaml','w').write('# '+comment+'\n'+json.dumps(doc, indent=1)+'\n')
    open(d+'/expected.yaml','w').write(json.dumps(expected)+'\n')
    if check is not None:
        open(d+'/check.yaml','w').write('# '+comment.split('.')[0]+'.\n'+json.dumps(check)+'\n')
PAIR=[content(PRE,'article/pre-freeze-script'), content(POST,'article/post-thaw-script'), NODIR]
T='script-content'
open(C+T+'/check.yaml','w').write('# QZ-SC-004 as the pack has it: the exit status of both sides.\n{"judge": "exit-status"}\n')
case(T,'pass','The article pair: 5 becomes exit 0, 3 and 1 become exit 1, on both sides.', PAIR,
  {"status":"PASS","observed":["/usr/sbin/pre-freeze-script: 5 -> exit 0, 3 -> non-zero, 1 -> non-zero","unconfirmed"],"message":["every script does it"]})
case(T,'fail-exit-session-status','A pre-freeze that exits with the session status: 5 becomes exit 5.',
  [content(PRE,'traps/exit-session-status'), content(POST,'article/post-thaw-script'), NODIR],
  {"status":"FAIL","message":["exits 5 when the session returns 5","every quiesced snapshot fails","translate 5 into exit 0"],"message_not":["post-thaw-script exits"]})
case(T,'fail-unknown-status-exit-0','Only 3 is tested: the session refusing (1) falls through to exit 0.',
  [content(PRE,'traps/unknown-status-exit-0'), content(POST,'article/post-thaw-script'), NODIR],
  {"status":"FAIL","message":["exits 0 when the session returns 1","did not run the call"],"message_not":["returns 3 ("]})
case(T,'fail-thaw-reads-freeze-variable','A backupScripts.d script whose thaw tests the freeze variable (unset in the thaw run): thaw 5 gives exit 1.',
  [missing("content",PRE), missing("content",POST), {"listing":DIR,"entries":[{"name":"10-iris","kind":"regular","mode":"0700"}]},
   content(DIR+'/10-iris','traps/thaw-reads-freeze-variable')],
  {"status":"FAIL","message":["10-iris (thaw) exits 1 when the session returns 5 (thawed)","unconfirmed"],"message_not":["(freeze) exits"]})
case(T,'pass-directory-not-freeze-scripts','The directory holds an fsfreeze script only: not judged; the legacy pair passes.',
  [content(PRE,'article/pre-freeze-script'), content(POST,'article/post-thaw-script'), {"listing":DIR,"entries":[{"name":"20-fsfreeze","kind":"regular","mode":"0700"}]},
   content(DIR+'/20-fsfreeze',text="#!/bin/sh\nfsfreeze -f /data\n")],
  {"status":"PASS","message":["20-fsfreeze calls neither ExternalFreeze nor ExternalThaw"]})
case(T,'skipped-missing','Neither legacy script is there and there is no directory: QZ-FT-001/002 report it.',
  [missing("content",PRE), missing("content",POST), NODIR], {"status":"SKIPPED","message":["is missing (QZ-FT-001/002 report it)"]})
case(T,'error-denied','An unprivileged probe cannot read the 0700 scripts.',
  [{"content":PRE,"status":"denied"}, {"content":POST,"status":"denied"}, {"listing":DIR,"status":"denied"}],
  {"status":"ERROR","message":["permission denied reading /usr/sbin/pre-freeze-script","uid 1000","needs root"]},
  extra={"ran_as":{"uid":1000,"note":"sudo -n was refused (a password is required), so the probe ran unprivileged"}})
case(T,'error-not-collected','A capture made with other rule packs.', [], {"status":"ERROR","message":["not collected"]})
case(T,'error-unexpected','Reading the script failed with an I/O error.',
  [{"content":PRE,"status":"1","stderr":"head: error reading '/usr/sbin/pre-freeze-script': Input/output error"}, content(POST,'article/post-thaw-script'), NODIR],
  {"status":"ERROR","message":["could not read /usr/sbin/pre-freeze-script","Input/output error"]})
case(T,'error-could-not-follow','The exit code comes from a file the run cannot read.',
  [content(PRE,text="#!/bin/sh\ncsession CACHE -U%SYS \"##Class(Backup.General).ExternalFreeze()\"\nrc=$?\ncode=`cat /etc/freeze-code.$rc`\nexit $code\n"), content(POST,'article/post-thaw-script'), NODIR],
  {"status":"ERROR","message":["could not follow /usr/sbin/pre-freeze-script at line 5","cat /etc/freeze-code","quiesce simulate --pre /usr/sbin/pre-freeze-script"]})
case(T,'error-could-not-read-crlf','Windows line ends: the shell reads do\\r, and so does the reading.',
  [content(PRE,'traps/crlf-line-ends'), content(POST,'article/post-thaw-script'), NODIR],
  {"status":"ERROR","message":["could not follow /usr/sbin/pre-freeze-script at line 1","CR LF","quiesce simulate"]})
# calls
CALLS={"judge":"calls","sides":"freeze"}
case(T,'calls-pass','QZ-SC-002: the article pre-freeze calls ExternalFreeze through csession.',
  [content(PRE,'article/pre-freeze-script'), NODIR], {"status":"PASS","observed":["line 25: csession $INST"]}, CALLS)
case(T,'calls-pass-heredoc','QZ-SC-002: the ObjectScript call is in a heredoc fed to the session.',
  [content(PRE,'fixed/heredoc-status-checked'), NODIR], {"status":"PASS","observed":["line 3: csession CACHE -U%SYS"]}, CALLS)
case(T,'calls-pass-epic','QZ-SC-002: Epic freezes through instfreeze; recognised by name, and said so.',
  [content(PRE,'fixed/epic-wrappers'), NODIR], {"status":"PASS","observed":["Epic's instfreeze wrapper, recognised by name"]}, CALLS)
case(T,'calls-fail-empty-script','QZ-SC-002: the issue\'s headline: a pre-freeze script that only has a shebang.',
  [content(PRE,text="#!/bin/sh\n"), NODIR], {"status":"FAIL","message":["never calls Backup.General.ExternalFreeze","crash-consistent"]}, CALLS)
case(T,'calls-fail-placeholder','QZ-SC-002: the template\'s <CACHE INSTANCE> left in: a redirection, the session never starts.',
  [content(PRE,'traps/template-placeholder'), NODIR], {"status":"FAIL","message":["<CACHE INSTANCE>","redirection","put the instance's name there"]}, CALLS)
case(T,'calls-fail-thaw-missing','QZ-SC-003: a post-thaw that only logs.',
  [content(POST,text="#!/bin/sh\nlogger 'snapshot done'\nexit 0\n"), NODIR], {"status":"FAIL","message":["never calls Backup.General.ExternalThaw","never thawed"]}, {"judge":"calls","sides":"thaw"})
# instances
INST={"judge":"instances"}
case(T,'instances-pass','QZ-SC-005: the article loops over qall output: both running instances, on both sides.',
  PAIR+qlist(), {"status":"PASS","observed":["running instances: IRIS, TEST"]}, INST)
case(T,'instances-fail-hard-coded','QZ-SC-005: a pre-freeze that names CACHE, which is not running; IRIS and TEST are never frozen.',
  [content(PRE,'traps/hard-coded-instance'), content(POST,'article/post-thaw-script'), NODIR]+qlist(),
  {"status":"FAIL","message":["CACHE (line 25), which is not running (running: IRIS, TEST)","never calls Backup.General.ExternalFreeze for the running instance(s) IRIS, TEST"]}, INST)
case(T,'instances-fail-placeholder','QZ-SC-005: the template placeholder names no instance.',
  [content(PRE,'traps/template-placeholder'), NODIR]+qlist(), {"status":"FAIL","message":["<CACHE INSTANCE>"]}, {"judge":"instances","sides":"freeze"})
case(T,'instances-pass-none-running','QZ-SC-005: neither iris nor ccontrol on the host: no instance runs, nothing to freeze.',
  [content(PRE,'article/pre-freeze-script'), NODIR, {"command":"IRIS_QLIST","missing":True},{"command":"CCONTROL_QLIST","missing":True}],
  {"status":"PASS","observed":["running instances: none"]}, {"judge":"instances","sides":"freeze"})
case(T,'error-command-failed','QZ-SC-005: iris qlist fails: the running instances are not known.',
  [content(PRE,'article/pre-freeze-script'), NODIR]+qlist(stdout="",exit=1), {"status":"ERROR","message":[" exited 1"]}, {"judge":"instances","sides":"freeze"})
# freeze-fail
FF={"judge":"freeze-fail"}
case(T,'freeze-fail-pass','QZ-SC-006: the article post-thaw ignores its argument, so it thaws on freezeFail too.',
  PAIR, {"status":"PASS","observed":["post-thaw-script: freezeFail -> ExternalThaw"]}, FF)
case(T,'freeze-fail-fail-returns','QZ-SC-006: a post-thaw that exits at once on freezeFail.',
  [content(PRE,'article/pre-freeze-script'), content(POST,'traps/post-thaw-ignores-freezefail'), NODIR],
  {"status":"FAIL","message":["does not call ExternalThaw when vmtoolsd passes freezeFail (it exits 0)","stay frozen"],"message_not":["lower case"]}, FF)
case(T,'freeze-fail-fail-lower-case','QZ-SC-006: case $1 in ... freezefail) never matches the freezeFail vmtoolsd sends.',
  [missing("content",PRE), missing("content",POST), {"listing":DIR,"entries":[{"name":"10-iris","kind":"regular","mode":"0700"}]}, content(DIR+'/10-iris','traps/case-lower-freezefail')],
  {"status":"FAIL","message":["10-iris (thaw) does not call ExternalThaw","'freezefail' is lower case"]}, FF)
case(T,'freeze-fail-pass-camel-case','QZ-SC-006: the same script with freezeFail spelled as vmtoolsd sends it.',
  [missing("content",PRE), missing("content",POST), {"listing":DIR,"entries":[{"name":"10-iris","kind":"regular","mode":"0700"}]}, content(DIR+'/10-iris','fixed/case-freezeFail')],
  {"status":"PASS"}, FF)
HOSTCOND = s('article/pre-freeze-script').replace("# Only for running instances\n", "# Only where Cache is installed, and only for running instances\nif [ -x /usr/bin/ccontrol ]; then\n").replace("done\n\necho", "done\nfi\n\necho")
case(T,'instances-pass-host-condition','QZ-SC-005: the loop sits under a file test the reading cannot decide; the path that skips it calls nothing and is not judged here.',
  [content(PRE,text=HOSTCOND), NODIR]+qlist(), {"status":"PASS","observed":["path(s) on host conditions call nothing: not judged"]}, {"judge":"instances","sides":"freeze"})
case(T,'freeze-fail-pass-host-condition','QZ-SC-006: a post-thaw that thaws under a file test, on freezeFail as on thaw.',
  [content(POST,text=s('article/post-thaw-script').replace('LOGDIR=/var/log\n','LOGDIR=/var/log/cache\n')), NODIR],
  {"status":"PASS","observed":["freezeFail -> ExternalThaw"]}, {"judge":"freeze-fail","sides":"thaw"})
case(T,'freeze-fail-skipped-no-thaw','QZ-SC-006: a post-thaw that never thaws, on thaw either: QZ-SC-003 reports it.',
  [content(POST,text="#!/bin/sh\nlogger done\n"), NODIR], {"status":"SKIPPED","message":["QZ-SC-003 reports it"]}, {"judge":"freeze-fail","sides":"thaw"})
# freeze-timeout
FT={"judge":"freeze-timeout","sides":"freeze"}
for name, trap, exp in [('freeze-timeout-pass','article/pre-freeze-script',{"status":"PASS","observed":["line 25: timeout 600"]}),
    ('freeze-timeout-pass-variable','fixed/timeout-in-variable',{"status":"PASS","observed":["timeout 900"]}),
    ('freeze-timeout-fail-too-long','traps/timeout-too-long',{"status":"FAIL","message":["up to 3600 s, more than 1200 s","unconfirmed"]}),
    ('freeze-timeout-fail-wdsuspendlimit','traps/wdsuspendlimit',{"status":"FAIL","message":["WDSuspendLimit (10th argument 60)","silently invalid"]}),
    ('freeze-timeout-fail-missing','traps/no-timeout',{"status":"FAIL","message":["gives no freeze timeout (7th argument"]})]:
    case(T,name,'QZ-SC-007: '+trap+'.',[content(PRE,trap), NODIR], exp, FT)
case(T,'freeze-timeout-fail-lower-maximum','QZ-SC-007 with max_freeze_timeout 300: the article\'s 600 is too long.',
  [content(PRE,'article/pre-freeze-script'), NODIR], {"status":"FAIL","message":["up to 600 s, more than 300 s"],"message_not":["unconfirmed"]}, {"judge":"freeze-timeout","sides":"freeze","max_freeze_timeout":300})
# errexit
EE={"judge":"errexit"}
case(T,'errexit-pass','QZ-SC-008: the article pair has no set -e.', PAIR, {"status":"PASS","observed":["no set -e"]}, EE)
case(T,'errexit-fail','QZ-SC-008: set -e and no trap that thaws, in a script that freezes.',
  [content(PRE,'traps/errexit-no-trap'), content(POST,'article/post-thaw-script'), NODIR], {"status":"FAIL","message":["set -e (errexit) on","leaves the database suspended"]}, EE)
case(T,'errexit-fail-shebang','QZ-SC-008: bash -e in the shebang.',
  [content(PRE,'traps/errexit-shebang'), content(POST,'article/post-thaw-script'), NODIR], {"status":"FAIL","message":["-e in its shebang"]}, EE)
case(T,'errexit-pass-trap-thaws','QZ-SC-008: set -e with trap thaw ERR, thaw() calling ExternalThaw.',
  [content(PRE,'fixed/errexit-trap-thaws'), content(POST,'article/post-thaw-script'), NODIR], {"status":"PASS","observed":["set -e, with a trap that thaws"]}, EE)
# pipe-status
PS={"judge":"pipe-status"}
case(T,'pipe-status-fail','QZ-SC-009: |& tee and status=$? without pipefail.',
  [content(PRE,'traps/tee-without-pipefail'), content(POST,'article/post-thaw-script'), NODIR], {"status":"FAIL","message":["line 4 pipes the session","without pipefail","tee's 0"]}, PS)
case(T,'pipe-status-pass-pipefail','QZ-SC-009: the same with set -o pipefail.',
  [content(PRE,'fixed/tee-with-pipefail'), content(POST,'article/post-thaw-script'), NODIR], {"status":"PASS","observed":["the session's own status"]}, PS)

# ---- script-syntax ----
T='script-syntax'
open(C+T+'/check.yaml','w').write('# QZ-SC-001 as the pack has it: both legacy scripts and the directory.\n{}\n')
SCANS=[{"lines":DIR+"/*","strings":["#!","ExternalFreeze","ExternalThaw","instfreeze","instthaw"],"status":"nofiles"},
       {"lines":DIR+"/.*","strings":["#!","ExternalFreeze","ExternalThaw","instfreeze","instthaw"],"status":"nofiles"}]
SH={"stat":"/bin/sh","file":{"kind":"symlink","target":"dash"}}
def syn(script, exit=0, stderr="", shell="/bin/sh"): return {"command":"SHELL_SYNTAX_CHECK","arguments":[shell,"-n",script],"exit":exit,"stderr":stderr}
OKPAIR=[content(PRE,'article/pre-freeze-script'), content(POST,'article/post-thaw-script'), SH, syn(PRE), syn(POST)]+SCANS
case(T,'pass','The article pair: #!/bin/sh, /bin/sh is there (a link to dash), sh -n passes both.', OKPAIR,
  {"status":"PASS","observed":["/usr/sbin/pre-freeze-script: #!/bin/sh"]})
case(T,'fail-crlf','Windows line ends: the #! line names /bin/sh\\r.',
  [content(PRE,'traps/crlf-line-ends'), content(POST,'article/post-thaw-script'), SH, syn(POST)]+SCANS,
  {"status":"FAIL","message":["line(s) ending in CR LF","an interpreter named with a \\r","dos2unix"]})
case(T,'fail-no-shebang','No #! line.',
  [content(PRE,'traps/no-shebang'), content(POST,'article/post-thaw-script'), SH, syn(POST)]+SCANS,
  {"status":"FAIL","message":["does not start with a #! line"]})
case(T,'fail-interpreter-missing','#!/bin/bash on a host without bash.',
  [content(PRE,'traps/errexit-no-trap'), content(POST,'article/post-thaw-script'), SH, syn(POST), {"stat":"/bin/bash","status":"notfound"},
   {"command":"SHELL_SYNTAX_CHECK","arguments":["/bin/bash","-n",PRE],"missing":True}]+SCANS,
  {"status":"FAIL","message":["names the interpreter /bin/bash, which is not on the host"]})
case(T,'fail-syntax','The host\'s sh -n refuses the script.',
  [content(PRE,'article/pre-freeze-script'), content(POST,'article/post-thaw-script'), SH, syn(PRE, 2, "/usr/sbin/pre-freeze-script: 30: Syntax error: \";;\" unexpected"), syn(POST)]+SCANS,
  {"status":"FAIL","message":["does not pass /bin/sh -n","Syntax error"]})
case(T,'error-not-a-shell','#!/usr/bin/python3: present, but its syntax is not checked.',
  [content(PRE,text="#!/usr/bin/python3\nimport subprocess\n"), content(POST,'article/post-thaw-script'), SH, syn(POST), {"stat":"/usr/bin/python3","file":{"kind":"regular","mode":"0755"}}]+SCANS,
  {"status":"ERROR","message":["the syntax of /usr/sbin/pre-freeze-script was not checked","python3 is not a shell"]})
case(T,'error-env','#!/usr/bin/env bash: the shell comes from PATH, so its syntax is not checked.',
  [content(PRE,text="#!/usr/bin/env bash\nexit 0\n"), content(POST,'article/post-thaw-script'), SH, syn(POST), {"stat":"/usr/bin/env","file":{"kind":"regular","mode":"0755"}}]+SCANS,
  {"status":"ERROR","message":["not through env"]})
case(T,'pass-directory-script','A backupScripts.d freeze script is found by the scan and checked like the legacy pair.',
  [missing("content",PRE), missing("content",POST),
   {"lines":DIR+"/*","strings":["#!","ExternalFreeze","ExternalThaw","instfreeze","instthaw"],"files":[DIR+"/10-iris",DIR+"/20-other"],
    "matches":[{"file":DIR+"/10-iris","number":1,"text":"#!/bin/sh"},{"file":DIR+"/10-iris","number":6,"text":"    iris session $INST -U%SYS \"##Class(Backup.General).ExternalFreeze(\\\"$LOG\\\",,,,,,600)\" >> $LOG 2>&1"},
               {"file":DIR+"/20-other","number":1,"text":"#!/bin/sh"}]},
   SCANS[1], content(DIR+'/10-iris','fixed/case-freezeFail'), SH, syn(DIR+'/10-iris')],
  {"status":"PASS","observed":["10-iris: #!/bin/sh"],"observed_not":["20-other"]})
case(T,'error-denied','An unprivileged probe cannot read the 0700 scripts.',
  [{"content":PRE,"status":"denied"},{"content":POST,"status":"denied"},{"lines":DIR+"/*","strings":SCANS[0]["strings"],"status":"denied"},{"lines":DIR+"/.*","strings":SCANS[0]["strings"],"status":"denied"}],
  {"status":"ERROR","message":["permission denied reading /usr/sbin/pre-freeze-script","uid 1000"]},
  extra={"ran_as":{"uid":1000,"note":"sudo -n was refused (a password is required), so the probe ran unprivileged"}})
case(T,'error-not-collected','A capture made with other rule packs.', [], {"status":"ERROR","message":["not collected"]})
case(T,'error-unexpected','Reading the script failed with an I/O error.',
  [{"content":PRE,"status":"1","stderr":"head: error reading '/usr/sbin/pre-freeze-script': Input/output error"}, content(POST,'article/post-thaw-script'), SH, syn(POST)]+SCANS,
  {"status":"ERROR","message":["could not read /usr/sbin/pre-freeze-script","Input/output error"]})
case(T,'error-command-failed','The syntax check exits 126: the shell could not read the script.',
  [content(PRE,'article/pre-freeze-script'), content(POST,'article/post-thaw-script'), SH, syn(PRE,126,"/bin/sh: 0: cannot open /usr/sbin/pre-freeze-script: Permission denied"), syn(POST)]+SCANS,
  {"status":"ERROR","message":[" exited 126"]})
