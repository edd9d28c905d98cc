# Writes the freeze-log fixture cases (run it from anywhere after changing a case; the cases are plain JSON,
# which YAML reads). Each log is written whole, as a host holds it, and its matches are what grep -a -F -n
# on the fixed strings would print, so a case shows the lines the check really gets.
import datetime as dt, json, os, pathlib, shutil
from zoneinfo import ZoneInfo
HERE = pathlib.Path(__file__).resolve().parent
T = 'freeze-log'
C = HERE / T
SCRIPTS = HERE.parent / 'scripts'
FIXED = ["Backup.General.External", "Journal file switched to:", "Journaling switched to:", "Journal marker set at",
         "offset ", "IS FROZEN", "FREEZE FAILED", "IS THAWED", "THAW FAILED", "Unknown status code"]
MAX = 8 * 1024 * 1024
WINDOW = 8 * 86400
AS_OF = dt.datetime(2026, 6, 1, 12, 0, 0, tzinfo=dt.timezone.utc)
PRE = '/usr/sbin/pre-freeze-script'; POST = '/usr/sbin/post-thaw-script'
SNAPLOG = '/var/log/snapshot.log'; LOGFILE = '/var/log/IRIS-pre_post.log'; MSGLOG = '/usr/irissys/mgr/messages.log'
JOURNAL_DIR = '/usr/irissys/mgr/journal'
QLIST = "IRIS^/usr/irissys^2023.1.0.235.1^running, since Mon Jun  1 08:00:00 2026^iris.cpf^1972^52773^0^ok^IRIS^^^/usr/irissys/mgr\n"

def script(name): return open(SCRIPTS / name, newline='').read()
def commands(qlist_exit=0, stderr=""):
    a = {"command": "IRIS_QLIST", "exit": qlist_exit, "stdout": QLIST if qlist_exit == 0 else ""}
    if stderr: a["stderr"] = stderr
    return [a, {"command": "CCONTROL_QLIST", "missing": True}, {"command": "IRIS_QALL", "exit": 1, "stderr": "qall failed"} if qlist_exit else {"command": "IRIS_QALL", "missing": True}, {"command": "CCONTROL_QALL", "missing": True}]
SCRIPT_ANSWERS = [{"content": PRE, "text": script('article/pre-freeze-script').replace('ccontrol', 'iris').replace('csession $INST', 'iris session $INST')},
                  {"content": POST, "text": script('article/post-thaw-script').replace('ccontrol', 'iris').replace('csession $INST', 'iris session $INST')}]

def local(t, zone): return t.astimezone(ZoneInfo(zone))
def lf(t, zone): return local(t, zone).strftime('%m/%d/%Y %H:%M:%S')
def ml(t, zone): return local(t, zone).strftime('%m/%d/%y-%H:%M:%S') + ':%03d' % (t.microsecond // 1000)
def wrap(t, zone): return local(t, zone).strftime('%a %b ') + ('%2d' % local(t, zone).day) + local(t, zone).strftime(' %H:%M:%S %Z %Y')

class Freeze:
    def __init__(self, start, frozen=8, marker=True, switch=True, suspended=True, resumed=True,
                 journal=JOURNAL_DIR + '/20260531.002', offset=136104, two_line_marker=True):
        self.__dict__.update(locals()); del self.__dict__['self']

def logfile(freezes, zone='UTC'):
    out = []
    for f in freezes:
        s = f.start; e = 'Backup.General.ExternalFreeze'
        out.append(f"{lf(s, zone)}: {e}: Suspending system")
        if f.switch:
            out += ["", "Journal file switched to:", f.journal,
                    f"{lf(s, zone)}: {e}: Start a journal restore for this backup with journal file: {f.journal}"]
        if f.marker:
            out += ["", "Journal marker set at", f"offset {f.offset} of {f.journal}"] if f.two_line_marker \
                else [f"{lf(s, zone)}: {e}: Journal marker set at offset {f.offset} of {f.journal}"]
        if f.suspended:
            out.append(f"{lf(s + dt.timedelta(seconds=1), zone)}: {e}: System suspended")
        if f.resumed:
            r = s + dt.timedelta(seconds=1 + f.frozen)
            out += [f"{lf(r, zone)}: Backup.General.ExternalThaw: Resuming system",
                    f"{lf(r, zone)}: Backup.General.ExternalThaw: System resumed"]
    return "\n".join(out) + "\n"

def messages(freezes, zone='UTC', dback=False, markers=True):
    out = [f"{ml(AS_OF - dt.timedelta(days=9), zone)} (1201) 0 [Generic.Event] Instance IRIS started"]
    for f in freezes:
        s = f.start; e = '[Utility.Event] Backup.General.ExternalFreeze'
        out.append(f"{ml(s, zone)} (4242) 0 {e}: Suspending system")
        if f.switch:
            out += [f"{ml(s, zone)} (4242) 0 [Generic.Event] INTERSYSTEMS IRIS JOURNALING SYSTEM MESSAGE",
                    f"Journaling switched to: {f.journal}",
                    f"{ml(s, zone)} (4242) 0 {e}: Start a journal restore for this backup with journal file: {f.journal}"]
        if f.marker and markers:
            out.append(f"{ml(s, zone)} (4242) 0 {e}: Journal marker set at offset {f.offset} of {f.journal}")
        if f.suspended:
            out.append(f"{ml(s + dt.timedelta(seconds=1), zone)} (4242) 0 {e}: System suspended")
        if f.resumed:
            r = s + dt.timedelta(seconds=1 + f.frozen)
            out += [f"{ml(r, zone)} (4243) 0 [Utility.Event] Backup.General.ExternalThaw: Resuming system",
                    f"{ml(r, zone)} (4243) 0 [Utility.Event] Backup.General.ExternalThaw: System resumed"]
    if dback:
        t = AS_OF - dt.timedelta(hours=3)
        out += [f"{ml(t, zone)} (5151) 0 [Utility.Event] Backup: FullDBList started",
                f"{ml(t, zone)} (5151) 0 [Utility.Event] Journal marker set at offset 99 of {JOURNAL_DIR}/20260601.001"]
    return "\n".join(out) + "\n"

def snaplog(freezes, zone='UTC', failures=()):
    out = []
    for f in freezes:
        out += ["", f"{wrap(f.start, zone)}: Pre freeze script started", f"{wrap(f.start, zone)}: Attempting to freeze IRIS"]
        out.append(f"{wrap(f.start, zone)}:   IRIS IS FROZEN" if f.suspended else f"{wrap(f.start, zone)}:   IRIS FREEZE FAILED")
    for t, text in failures:
        out.append(f"{wrap(t, zone)}:   {text}")
    return "\n".join(out) + "\n"

def lines(pattern, files, skipped=()):
    """A scan answer: files is [(path, text)], each matched as grep -a -F -n would."""
    matches = []
    for path, text in files:
        for n, line in enumerate(text.split("\n")[:-1], 1):
            if any(s in line for s in FIXED):
                matches.append({"file": path, "number": n, "text": line})
    a = {"lines": pattern + "*", "strings": FIXED, "max_bytes": MAX, "modified_within": WINDOW, "decompress": True,
         "files": [p for p, _ in files], "matches": matches}
    if skipped: a["skipped"] = [{"path": p, "reason": r} for p, r in skipped]
    return a
def none(pattern): return {"lines": pattern + "*", "strings": FIXED, "max_bytes": MAX, "modified_within": WINDOW,
                           "decompress": True, "status": "nofiles"}
def journals(*names): return {"listing": JOURNAL_DIR, "entries": [{"name": n, "kind": "regular", "mode": "0600"} for n in names]}

def nights(n=3, hour=3, minute=10, frozen=(8, 11, 9), zone='UTC', **kw):
    """n nightly freezes at hour:minute local time, the last the night before as_of."""
    out = []
    last = local(AS_OF, zone).replace(hour=hour, minute=minute, second=1, microsecond=0)
    if last > local(AS_OF, zone): last -= dt.timedelta(days=1)
    for i in range(n):
        day = last - dt.timedelta(days=n - 1 - i)
        out.append(Freeze(day.astimezone(dt.timezone.utc), frozen=frozen[i % len(frozen)],
                          journal=f"{JOURNAL_DIR}/{day.strftime('%Y%m%d')}.002", offset=136104 + i, **kw))
    return out

def host(freezes, zone='UTC', msg=True, snap=True, logf=True, dback=False, failures=(), journal_files=None):
    a = commands() + SCRIPT_ANSWERS
    a.append(lines(SNAPLOG, [(SNAPLOG, snaplog(freezes, zone, failures))]) if snap else none(SNAPLOG))
    a.append(lines(LOGFILE, [(LOGFILE, logfile(freezes, zone))]) if logf else none(LOGFILE))
    a.append(lines(MSGLOG, [(MSGLOG, messages(freezes, zone, dback))]) if msg else none(MSGLOG))
    names = journal_files if journal_files is not None else sorted({f.journal.rsplit('/', 1)[1] for f in freezes})
    a.append(journals(*names))
    return a

def case(name, comment, answers, expected, judge, extra=None, check=None):
    d = C / name; d.mkdir(parents=True, exist_ok=True)
    doc = {"roles": ["guest", "iris"]}
    doc.update(extra or {})
    doc["answers"] = answers
    (d / 'answers.yaml').write_text('# ' + comment + '\n' + json.dumps(doc, indent=1) + '\n')
    (d / 'expected.yaml').write_text(json.dumps(expected) + '\n')
    (d / 'check.yaml').write_text('# ' + judge + '\n' + json.dumps(dict({"judge": judge}, **(check or {}))) + '\n')

shutil.rmtree(C, ignore_errors=True); C.mkdir()
(C / 'check.yaml').write_text('# QZ-JM-001 as the pack has it.\n{"judge": "marker"}\n')
good = nights()
# --- marker (QZ-JM-001)
case('marker-pass', 'Three nightly freezes, each in the LogFile, messages.log and the wrapper log: one freeze each.',
     host(good, dback=True), {"status": "PASS", "observed": ["3 of 3 freeze(s) switched the journal and set a marker",
     "1 marker(s) outside a freeze", "/var/log/IRIS-pre_post.log (the LogFile"], "message": ["every freeze switched"]}, 'marker')
bad = nights(); bad[0].marker = False; bad[0].switch = False
case('marker-fail-no-marker', 'The first of three freezes neither switched the journal nor set a marker.', host(bad),
     {"status": "FAIL", "message": ["IRIS at 2026-05-30T03:10:01Z", "neither switched the journal nor set a marker"],
      "observed": ["2 of 3 freeze(s)"]}, 'marker')
mirror = nights(); [setattr(f, 'journal', f.journal.replace(JOURNAL_DIR + '/', JOURNAL_DIR + '/MIRROR-MIRRORA-')) for f in mirror]
case('marker-pass-mirror-journal', 'A mirror member: journal files are MIRROR-MIRRORA-YYYYMMDD.NNN; one-line markers.',
     host([Freeze(f.start, journal=f.journal, two_line_marker=False) for f in mirror]),
     {"status": "PASS", "observed": ["3 of 3"]}, 'marker')
case('marker-skipped-no-freeze', 'The logs are there, but hold no freeze in the window: QZ-JM-005 reports it.',
     host([]), {"status": "SKIPPED", "message": ["no freeze in the last 8d (QZ-JM-005 reports it)"]}, 'marker')
# --- resumed (QZ-JM-002)
case('resumed-pass', 'Every freeze was thawed.', host(good), {"status": "PASS", "observed": ["every freeze was resumed"]}, 'resumed')
last = nights(); last[2].resumed = False
case('resumed-fail-frozen-now', 'The last freeze was suspended and never resumed: the instance is frozen now.', host(last),
     {"status": "FAIL", "message": ["IRIS is frozen now: suspended at 2026-06-01T03:10:02Z", "with no resume logged"]}, 'resumed')
mid = nights(); mid[1].resumed = False
case('resumed-fail-unresumed', 'The middle freeze was never resumed; later ones were.', host(mid),
     {"status": "FAIL", "message": ["was never resumed in the logs, though later freezes were"], "message_not": ["frozen now"]}, 'resumed')
# --- duration (QZ-JM-003)
case('duration-pass', 'The longest freeze kept writes suspended 11 s.', host(good),
     {"status": "PASS", "observed": ["the longest freeze lasted 11 s"]}, 'duration')
long95 = nights(frozen=(8, 95, 9))
case('duration-fail-95s', 'One freeze lasted 95 s, over max_frozen 60 s.', host(long95),
     {"status": "FAIL", "message": ["kept writes suspended for 95 s, max_frozen is 60 s"], "observed": ["the longest freeze lasted 95 s"]}, 'duration')
# midnight in Europe/Berlin: 23:59:58 local, resumed 11 s later, the next day
berlin = [Freeze(dt.datetime(2026, 5, 31, 21, 59, 58, tzinfo=dt.timezone.utc), frozen=10,
                 journal=JOURNAL_DIR + '/20260531.003')]
case('duration-pass-midnight-berlin', 'A host in Europe/Berlin: a freeze from 23:59:58 to 00:00:09 local lasted 10 s (not a day).',
     host(berlin, zone='Europe/Berlin'), {"status": "PASS", "observed": ["the longest freeze lasted 10 s (IRIS at 2026-05-31T21:59:58Z"]}, 'duration',
     extra={"zone": "Europe/Berlin"})
ny = nights(zone='America/New_York')
case('duration-pass-new-york', 'A host in America/New_York: local times placed with the host zone (UTC-4 in June).',
     host(ny, zone='America/New_York'), {"status": "PASS", "observed": ["IRIS at 2026-05-31T07:10:01Z"]}, 'duration',
     extra={"zone": "America/New_York"})
# --- failures (QZ-JM-004)
case('failures-pass', 'No failure in the window.', host(good), {"status": "PASS", "observed": ["no failure logged in the last 8d"]}, 'failures')
case('failures-fail-wrapper', 'The wrapper logged FREEZE FAILED and an unknown status.',
     host(good, failures=[(AS_OF - dt.timedelta(days=2, hours=4), 'IRIS FREEZE FAILED'), (AS_OF - dt.timedelta(days=1, hours=4), 'ERROR: Unknown status code: 1')]),
     {"status": "FAIL", "message": ["/var/log/snapshot.log:", "IRIS FREEZE FAILED", "ERROR: Unknown status code: 1"]}, 'failures')
sus = nights(); sus[1].suspended = False; sus[1].resumed = False; sus[1].marker = False
case('failures-fail-never-suspended', 'A freeze began (Suspending system) and never reached System suspended.', host(sus),
     {"status": "FAIL", "message": ["'Suspending system' was never followed by 'System suspended'"]}, 'failures')
# --- recent (QZ-JM-005)
case('recent-pass', 'The last freeze was last night.', host(good), {"status": "PASS", "observed": ["the last successful freeze: IRIS at 2026-06-01T03:10:01Z"]}, 'recent')
old = [Freeze(f.start - dt.timedelta(days=3), journal=f.journal) for f in good]
case('recent-fail-old', 'The last freeze was three days and nine hours ago.', host(old),
     {"status": "FAIL", "message": ["the last successful freeze was 80.8 h before the audit", "more than max_age 26 h"]}, 'recent')
case('recent-fail-none', 'The logs hold no freeze in the window.', host([]),
     {"status": "FAIL", "message": ["no freeze in the last 8d (since 2026-05-24T12:00:00Z) was suspended and resumed"]}, 'recent')
# --- journal-files (QZ-JM-006)
case('journal-files-pass', 'The journal file of the last freeze is there.', host(good),
     {"status": "PASS", "observed": ["/usr/irissys/mgr/journal/20260601.002: exists"]}, 'journal-files')
case('journal-files-fail-missing', 'The last freeze\'s journal file was purged.', host(good, journal_files=['20260530.002']),
     {"status": "FAIL", "message": ["/usr/irissys/mgr/journal/20260601.002, where the last freeze of IRIS", "is gone"]}, 'journal-files')
away = nights(); [setattr(f, 'journal', f.journal.replace(JOURNAL_DIR, '/journal1')) for f in away]
case('journal-files-error-other-directory', 'The journal is on /journal1, which this audit does not list.', host(away),
     {"status": "ERROR", "message": ["names /journal1/20260601.002, outside the journal directories", "journal_dirs"]}, 'journal-files')
a = host(away); a.append({"listing": "/journal1", "entries": [{"name": "20260601.002", "kind": "regular", "mode": "0600"}]})
case('journal-files-pass-inventory-directory', 'journal_dirs=/journal1 has that directory listed too.', a,
     {"status": "PASS", "observed": ["/journal1/20260601.002: exists"]}, 'journal-files', extra={"vars": {"journal_dirs": "/journal1"}})
# --- how the logs are found and read
rot = host(good)
rot[-2] = lines(MSGLOG, [(MSGLOG, messages(good[2:])), (MSGLOG + '.1', messages(good[:2]))],
                skipped=[(MSGLOG + '.2.gz', 'older-than-window')])
case('marker-pass-rotated', 'messages.log rotated in the window: the freezes of .1 count, .2.gz is older than the window.',
     rot, {"status": "PASS", "observed": ["3 of 3", "messages.log.1 (the messages.log", "messages.log.2.gz (not read: last written before the window)"]}, 'marker')
nul = host(good)
nul[-2]["matches"].insert(0, {"file": MSGLOG, "number": 1, "text": "\ufffd\ufffdgarbage Backup.General.External\ufffd"})
case('marker-pass-garbage-line', 'A line with non-UTF-8 bytes and NUL padding (removed on the host) holds no event: ignored.',
     nul, {"status": "PASS", "observed": ["3 of 3"]}, 'marker')
inv = commands() + [lines('/data/logs/freeze.log', [('/data/logs/freeze.log', logfile(good))]), journals('20260530.002', '20260531.002', '20260601.002')]
case('marker-pass-inventory-freeze-logs', 'freeze_logs names the log: the scripts are not read.', inv,
     {"status": "PASS", "observed": ["/data/logs/freeze.log (named in the inventory variable freeze_logs)", "3 of 3"]}, 'marker',
     extra={"vars": {"freeze_logs": "/data/logs/freeze.log"}})
case('error-no-log', 'QZ-JM-007: no log found anywhere it looked: ERROR with where it looked, not a pass.',
     host(good, msg=False, snap=False, logf=False),
     {"status": "ERROR", "message": ["no freeze log to read in the last 8d: looked for /var/log/snapshot.log*", "/usr/irissys/mgr/messages.log*", "freeze_logs"]}, 'marker')
den = host(good, snap=False, logf=False); den[-2] = {"lines": MSGLOG + "*", "strings": FIXED, "max_bytes": MAX, "modified_within": WINDOW, "decompress": True, "status": "denied"}
case('error-denied', 'messages.log may not be read, and no other log is there.', den,
     {"status": "ERROR", "message": ["permission denied", "no freeze log to read"]}, 'marker', extra={"ran_as": {"uid": 1000}})
case('error-not-collected', 'A capture made with other rule packs.', [], {"status": "ERROR", "message": ["not collected"]}, 'marker')
une = host(good); une[-2] = dict(une[-2]); une[-2]["grep_status"] = 2; une[-2]["stderr"] = "grep: messages.log: Input/output error"
case('error-unexpected', 'grep could not read messages.log.', une, {"status": "ERROR", "message": ["could not read /usr/irissys/mgr/messages.log*"]}, 'marker')
cmd = commands(qlist_exit=1, stderr="iris: license error") + SCRIPT_ANSWERS
case('error-command-failed', 'iris qlist failed: the instances and their messages.log are not known.', cmd,
     {"status": "ERROR", "message": ["iris qlist exited 1", "the instances are not known"]}, 'marker')
case('error-since-invalid', 'The host variable since is not a duration.', host(good),
     {"status": "ERROR", "message": ["the host variable since holds 'a week'", "write one such as 8d"]}, 'marker', extra={"vars": {"since": "a week"}})
case('marker-pass-logfile-missing', 'The scripts\' LogFile is not there; messages.log tells the freezes, and the finding says what was not found.',
     host(good, logf=False), {"status": "PASS", "observed": ["3 of 3", "not found: /var/log/IRIS-pre_post.log* (the LogFile of ExternalFreeze in /usr/sbin/pre-freeze-script line 25)"]}, 'marker')
c = host(good, logf=False); c[-2] = lines(MSGLOG, [(MSGLOG, messages(good, markers=False))])
case('marker-error-console-log-only', 'Only messages.log tells the freezes: it logs the switch but not the marker (the LogFile does), so the marker cannot be confirmed.',
     c, {"status": "ERROR", "message": ["switched the journal, but only the console log tells it", "name that LogFile in the inventory variable freeze_logs"]}, 'marker')
nos = nights(); nos[1].switch = False; nos[1].marker = False
c = host(nos, logf=False); c[-2] = lines(MSGLOG, [(MSGLOG, messages(nos, markers=False))])
case('marker-fail-console-log-no-switch', 'messages.log alone, and one freeze did not even switch the journal: that is certain.',
     c, {"status": "FAIL", "message": ["IRIS at 2026-05-31T03:10:01Z", "neither switched the journal nor set a marker"]}, 'marker')
inv2 = commands(qlist_exit=1, stderr="iris: license error") + [lines('/data/logs/freeze.log', [('/data/logs/freeze.log', logfile(good))])]
case('marker-pass-freeze-logs-without-instances', 'freeze_logs names the log, so iris qlist failing leaves the marker rule decided.', inv2,
     {"status": "PASS", "observed": ["3 of 3", "/data/logs/freeze.log (named in the inventory variable freeze_logs)"]}, 'marker',
     extra={"vars": {"freeze_logs": "/data/logs/freeze.log"}})
case('duration-fail-exactly-max', 'A freeze of exactly max_frozen is not under it.', host(nights(frozen=(8, 60, 9))),
     {"status": "FAIL", "message": ["kept writes suspended for 60 s, max_frozen is 60 s"]}, 'duration')
case('error-since-zero', 'A window of zero is no window.', host(good),
     {"status": "ERROR", "message": ["the host variable since holds '0d'"]}, 'marker', extra={"vars": {"since": "0d"}})
case('recent-pass-exactly-max-age', 'The last freeze exactly max_age before the audit is still recent enough.',
     host([Freeze(AS_OF - dt.timedelta(hours=26), journal=JOURNAL_DIR + '/20260531.002')]),
     {"status": "PASS", "observed": ["26 h before the audit"]}, 'recent')
