package dev.quiesce.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiesce.check.CheckRegistry;
import dev.quiesce.model.Problem;
import dev.quiesce.model.QuiesceException;
import dev.quiesce.model.Rule;
import dev.quiesce.model.RulePack;
import dev.quiesce.model.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in packs load; each kind of mistake in a pack is reported at its file:line:column with a
 * message that says what to change, and every mistake of every file is reported at once.
 */
class RulePackLoaderTest {
    private static final RulePackLoader LOADER = new RulePackLoader(CheckRegistry.standard().signatures());

    /** Six lines; the first rule's "- id:" is on line 7, its id value at column 9. */
    private static final String HEADER = """
            apiVersion: quiesce/v1
            kind: RulePack
            id: test-pack
            version: "1"
            title: Test pack
            rules:
            """;

    /** A valid rule as it sits under HEADER: lines 7-13, its check mapping at 12:7. */
    private static final String RULE = """
              - id: T-1
                title: Example
                severity: high
                references: [somewhere]
                check:
                  type: file
                  paths: [/usr/sbin/x]
            """;

    @TempDir
    Path dir;

    // --- the built-in packs -------------------------------------------------------------------

    @Test
    void builtinPacksLoad() {
        List<RulePack> packs = LOADER.load(RuleSource.builtins());

        RulePack freezeThaw = packs.stream().filter(p -> p.id().equals("freeze-thaw-scripts")).findFirst()
                .orElseThrow();
        Map<String, Severity> severities = new LinkedHashMap<>();
        freezeThaw.rules().forEach(r -> severities.put(r.id(), r.severity()));
        assertEquals(List.of("QZ-FT-001", "QZ-FT-002", "QZ-FT-003", "QZ-FT-004", "QZ-FT-005", "QZ-FT-006",
                "QZ-FT-007"), List.copyOf(severities.keySet()).subList(0, 7), "the pack's rules, in order");
        assertEquals(Severity.CRITICAL, severities.get("QZ-FT-001"));
        assertEquals(Severity.CRITICAL, severities.get("QZ-FT-002"));
        for (String id : List.of("QZ-FT-003", "QZ-FT-004", "QZ-FT-005", "QZ-FT-006", "QZ-FT-007")) {
            assertEquals(Severity.HIGH, severities.get(id), id);
        }
    }

    @Test
    void builtinPackNamesItsSourceAndDigest() {
        RulePack pack = LOADER.load(RuleSource.builtins()).stream().filter(p -> p.id().equals("freeze-thaw-scripts"))
                .findFirst().orElseThrow();

        assertEquals("builtin:freeze-thaw-scripts.yaml", pack.source());
        assertEquals(64, pack.sha256().length());
        assertTrue(pack.rules().stream().map(Rule::packId).allMatch("freeze-thaw-scripts"::equals));
    }

    @Test
    void validPackKeepsEveryRuleField() {
        RulePack pack = LOADER.load(List.of(source("pack.yaml", HEADER + """
                  - id: T-1
                    title: Example
                    severity: medium
                    roles: [guest]
                    tags: [a, b]
                    description: what it checks
                    rationale: why
                    remediation:
                      text: fix it
                      commands: [chmod 0700 /usr/sbin/x]
                    references: [somewhere]
                    check:
                      type: file
                      paths: [/usr/sbin/x]
                      max_mode: "0750"
                """))).get(0);

        Rule rule = pack.rules().get(0);
        assertEquals(Severity.MEDIUM, rule.severity());
        assertEquals(List.of("a", "b"), rule.tags());
        assertEquals("fix it", rule.remediation().text());
        assertEquals(List.of("chmod 0700 /usr/sbin/x"), rule.remediation().commands());
        assertEquals("0750", rule.check().parameters().get("max_mode"));
    }

    // --- the pack's own keys ------------------------------------------------------------------

    @Test
    void unknownTopLevelKeySuggestsTheRightOne() {
        Problem p = onlyProblem(source("pack.yaml", HEADER.replace("title: Test pack\n",
                "title: Test pack\ndescripton: typo\n") + RULE));

        assertAt("pack.yaml:6:1", p);
        assertMessage(p, "unknown key 'descripton' in a rule pack; did you mean 'description'?");
    }

    @Test
    void wrongApiVersionNamesTheOneThisVersionReads() {
        Problem p = onlyProblem(source("pack.yaml", HEADER.replace("quiesce/v1", "quiesce/v2") + RULE));

        assertAt("pack.yaml:1:13", p);
        assertMessage(p, "apiVersion is 'quiesce/v2'; this quiesce reads quiesce/v1");
    }

    @Test
    void wrongKindSaysRulePack() {
        Problem p = onlyProblem(source("pack.yaml", HEADER.replace("kind: RulePack", "kind: Inventory") + RULE));

        assertAt("pack.yaml:2:7", p);
        assertMessage(p, "a rule pack has kind: RulePack");
    }

    @Test
    void emptyRulesListAsksForARule() {
        Problem p = onlyProblem(source("pack.yaml", HEADER.replace("rules:\n", "rules: []\n")));

        assertAt("pack.yaml:6:8", p);
        assertMessage(p, "'rules' is an empty list; add at least one rule");
    }

    @Test
    void packWithoutRulesAsksForThem() {
        Problem p = onlyProblem(source("pack.yaml", HEADER.replace("rules:\n", "")));

        assertAt("pack.yaml:1:1", p);
        assertMessage(p, "the pack has no 'rules'; add rules:");
    }

    @Test
    void samePackIdInTwoFilesPointsAtTheSecondId() {
        List<Problem> problems = problems(source("a.yaml", HEADER + RULE),
                source("b.yaml", HEADER + RULE.replace("T-1", "T-2")));

        assertEquals(1, problems.size(), problems::toString);
        assertAt("b.yaml:3:5", problems.get(0));
        assertMessage(problems.get(0), "rule pack id 'test-pack' is also the id of the pack at a.yaml:3:5; give each "
                + "pack its own id");
    }

    // --- rule keys ----------------------------------------------------------------------------

    @Test
    void unknownRuleKeySuggestsTheRightOne() {
        Problem p = onlyProblem(pack(RULE.replace("    severity: high\n", "    severity: high\n    tag: [x]\n")));

        assertAt("pack.yaml:10:5", p);
        assertMessage(p, "unknown key 'tag' in a rule; did you mean 'tags'?");
    }

    @Test
    void missingRuleIdAsksForOne() {
        Problem p = onlyProblem(pack(RULE.replace("- id: T-1\n    title", "- title")));

        assertAt("pack.yaml:7:5", p);
        assertMessage(p, "a rule has no 'id'; add id: <text>");
    }

    @Test
    void ruleIdWithSpacesSaysWhichCharactersAreAllowed() {
        Problem p = onlyProblem(pack(RULE.replace("id: T-1", "id: T 1")));

        assertAt("pack.yaml:7:9", p);
        assertMessage(p, "id 'T 1' may hold only letters, digits, '.', '_' and '-'");
    }

    @Test
    void unknownSeverityListsTheLevels() {
        Problem p = onlyProblem(pack(RULE.replace("severity: high", "severity: severe")));

        assertAt("pack.yaml:9:15", p);
        assertMessage(p, "'severity' is 'severe'; use one of: critical, high, medium, low, info");
    }

    @Test
    void misspelledSeveritySuggestsTheLevel() {
        Problem p = onlyProblem(pack(RULE.replace("severity: high", "severity: critcal")));

        assertMessage(p, "did you mean 'critical'?");
    }

    @Test
    void severityAsAListListsTheLevels() {
        Problem p = onlyProblem(pack(RULE.replace("severity: high", "severity: [high]")));

        assertAt("pack.yaml:9:15", p);
        assertMessage(p, "'severity' must be one of: critical, high, medium, low, info; not a list");
    }

    @Test
    void rolesAsAStringAsksForAList() {
        Problem p = onlyProblem(pack(RULE.replace("    severity: high\n", "    severity: high\n    roles: guest\n")));

        assertAt("pack.yaml:10:12", p);
        assertMessage(p, "'roles' must be a list (for example [a, b]), not the string \"guest\"");
    }

    @Test
    void missingReferencesAsksForASource() {
        Problem p = onlyProblem(pack(RULE.replace("    references: [somewhere]\n", "")));

        assertAt("pack.yaml:7:5", p);
        assertMessage(p, "the rule has no 'references'; name the source of what it checks");
    }

    @Test
    void emptyReferencesAskForASource() {
        Problem p = onlyProblem(pack(RULE.replace("references: [somewhere]", "references: []")));

        assertAt("pack.yaml:10:17", p);
        assertMessage(p, "'references' is an empty list; name at least one source");
    }

    @Test
    void missingCheckAsksForOne() {
        Problem p = onlyProblem(pack(RULE.substring(0, RULE.indexOf("    check:"))));

        assertAt("pack.yaml:7:5", p);
        assertMessage(p, "the rule has no 'check'; add check: {type: ..., <parameters>}");
    }

    @Test
    void unknownRemediationKeyIsReported() {
        Problem p = onlyProblem(pack(RULE.replace("    references:", "    remediation: {text: fix, command: [ls]}\n"
                + "    references:")));

        assertAt("pack.yaml:10:30", p);
        assertMessage(p, "unknown key 'command' in 'remediation'; did you mean 'commands'?");
    }

    // --- the check block ----------------------------------------------------------------------

    @Test
    void unknownCheckTypeListsTheKnownTypes() {
        Problem p = onlyProblem(pack(RULE.replace("type: file", "type: files")));

        assertAt("pack.yaml:12:13", p);
        assertMessage(p, "unknown check type 'files'; did you mean 'file'? known types: " + String.join(", ",
                CheckRegistry.standard().checks().stream().map(c -> c.type()).sorted().toList()));
    }

    @Test
    void parameterTheCheckDoesNotAcceptSuggestsOne() {
        Problem p = onlyProblem(pack(RULE + "      mod: \"0700\"\n"));

        assertAt("pack.yaml:14:7", p);
        assertMessage(p, "check type 'file' has no parameter 'mod'; did you mean 'mode'?");
    }

    @Test
    void missingRequiredParameterGivesAnExample() {
        Problem p = onlyProblem(pack(RULE.replace("      paths: [/usr/sbin/x]\n", "")));

        assertAt("pack.yaml:12:7", p);
        assertMessage(p, "check type 'file' needs 'paths' (a list of absolute paths, e.g. "
                + "[/usr/sbin/pre-freeze-script])");
    }

    @Test
    void modeWrittenAsANumberAsksForQuotes() {
        Problem p = onlyProblem(pack(RULE + "      mode: 0700\n"));

        assertAt("pack.yaml:14:13", p);
        assertMessage(p, "write the mode in quotes: \"0700\"");
    }

    @Test
    void modeThatIsNotOctalGivesAnExample() {
        Problem p = onlyProblem(pack(RULE + "      max_mode: \"rwx\"\n"));

        assertAt("pack.yaml:14:17", p);
        assertMessage(p, "'max_mode' must be a quoted octal mode such as \"0700\", not the string \"rwx\"");
    }

    @Test
    void relativePathAsksForAnAbsoluteOne() {
        Problem p = onlyProblem(pack(RULE.replace("[/usr/sbin/x]", "[/usr/sbin/y, usr/sbin/x]")));

        assertAt("pack.yaml:13:28", p);
        assertMessage(p, "each item of 'paths' must be an absolute path (starting with /), not 'usr/sbin/x'");
    }

    @Test
    void relativeSinglePathAsksForAnAbsoluteOne() {
        Problem p = onlyProblem(pack(RULE.replace("type: file", "type: directory-entries")
                .replace("paths: [/usr/sbin/x]", "path: etc/vmware-tools/backupScripts.d")));

        assertAt("pack.yaml:13:13", p);
        assertMessage(p, "'path' must be an absolute path (starting with /)");
    }

    @Test
    void unknownChoiceSuggestsTheClosest() {
        Problem p = onlyProblem(pack(RULE + "      kind: regulr\n"));

        assertAt("pack.yaml:14:13", p);
        assertMessage(p, "did you mean 'regular'? use one of: regular, directory, symlink");
    }

    @Test
    void modeAndMaxModeTogetherAreRefused() {
        Problem p = onlyProblem(pack(RULE + "      mode: \"0700\"\n      max_mode: \"0750\"\n"));

        assertAt("pack.yaml:12:7", p);
        assertMessage(p, "give either 'mode' (exact) or 'max_mode' (no more than), not both");
    }

    @Test
    void lookalikeNamesThatArePathsAreRefused() {
        Problem p = onlyProblem(pack(RULE.replace("type: file", "type: lookalikes")
                .replace("paths: [/usr/sbin/x]", "names: [/usr/sbin/x]\n      directories: [/usr/sbin]")));

        assertAt("pack.yaml:12:7", p);
        assertMessage(p, "'names' holds file names, not paths: /usr/sbin/x");
    }

    // --- across files -------------------------------------------------------------------------

    @Test
    void duplicateRuleIdAcrossFilesNamesTheOtherPlace() throws IOException {
        Files.writeString(dir.resolve("a.yaml"), HEADER + RULE);
        Files.writeString(dir.resolve("b.yaml"), HEADER.replace("test-pack", "other-pack") + RULE);
        String a = dir.resolve("a.yaml").toString();
        String b = dir.resolve("b.yaml").toString();

        List<Problem> problems = problems(RuleSource.from(dir).toArray(RuleSource[]::new));

        assertEquals(1, problems.size(), problems::toString);
        assertAt(b + ":7:9", problems.get(0));
        assertMessage(problems.get(0), "rule id 'T-1' is already used at " + a + ":7:9; rule ids must be unique");
    }

    @Test
    void ruleIdOfABuiltinPackCannotBeReused() {
        List<RuleSource> sources = new ArrayList<>(RuleSource.builtins());
        sources.add(source("mine.yaml", HEADER + RULE.replace("T-1", "QZ-FT-004")));

        List<Problem> problems = assertThrows(QuiesceException.class, () -> LOADER.load(sources)).problems();

        assertEquals(1, problems.size(), problems::toString);
        assertAt("mine.yaml:7:9", problems.get(0));
        assertMessage(problems.get(0), "is already used at builtin:freeze-thaw-scripts.yaml:");
    }

    // --- YAML itself --------------------------------------------------------------------------

    @Test
    void duplicateYamlKeyNamesTheFirstOne() {
        Problem p = onlyProblem(pack(RULE.replace("    severity: high\n", "    severity: high\n    title: Again\n")));

        assertAt("pack.yaml:10:5", p);
        assertMessage(p, "duplicate key 'title' (first written at line 8); keep one of them");
    }

    @Test
    void tabIndentationIsASyntaxError() {
        Problem p = onlyProblem(pack(RULE.replace("    title: Example", "\ttitle: Example")));

        assertAt("pack.yaml:8:1", p);
        assertMessage(p, "not valid YAML: found character '\\t(TAB)' that cannot start any token. "
                + "(Do not use \\t(TAB) for indentation)");
    }

    @Test
    void unclosedBracketIsASyntaxError() {
        Problem p = onlyProblem(pack(RULE.replace("paths: [/usr/sbin/x]", "paths: [/usr/sbin/x")));

        assertAt("pack.yaml:14:1", p);
        assertMessage(p, "not valid YAML: expected ',' or ']', but got <stream end> (while parsing a flow "
                + "sequence that starts at line 13, column 14)");
    }

    @Test
    void duplicateYamlKeyIsReportedWithTheFileOtherMistakes() {
        List<Problem> problems = problems(pack(RULE.replace("severity: high", "severity: severe")
                .replace("    references:", "    title: Again\n    references:")));

        assertEquals(List.of("pack.yaml:9:15: 'severity' is 'severe'; use one of: critical, high, medium, low, info",
                "pack.yaml:10:5: duplicate key 'title' (first written at line 8); keep one of them"),
                problems.stream().map(Problem::toString).toList());
    }

    @Test
    void emptyFileSaysSo() {
        Problem p = onlyProblem(source("pack.yaml", ""));

        assertAt("pack.yaml:1:1", p);
        assertMessage(p, "the file is empty");
    }

    @Test
    void fileOfOnlyCommentsIsEmpty() {
        Problem p = onlyProblem(source("pack.yaml", "# nothing yet\n"));

        assertAt("pack.yaml:1:1", p);
        assertMessage(p, "the file is empty");
    }

    @Test
    void secondYamlDocumentIsRefused() {
        Problem p = onlyProblem(pack(RULE + "---\n" + HEADER.replace("test-pack", "second") + RULE));

        assertAt("pack.yaml:15:1", p);
        assertMessage(p, "a second YAML document starts here; put one document in each file");
    }

    @Test
    void packThatIsNotAMappingSaysWhatItIs() {
        Problem p = onlyProblem(source("pack.yaml", "- just\n- a list\n"));

        assertAt("pack.yaml:1:1", p);
        assertMessage(p, "a rule pack must be a mapping of keys to values, not a list");
    }

    // --- all at once --------------------------------------------------------------------------

    @Test
    void everyMistakeOfEveryFileIsReportedTogetherAndSorted() {
        RuleSource first = pack(RULE.replace("severity: high", "severity: severe")
                .replace("type: file", "type: files")
                + RULE.replace("    references: [somewhere]\n", "")
                + "      mode: 0700\n");
        RuleSource second = source("other.yaml", HEADER.replace("quiesce/v1", "quiesce/v0")
                .replace("test-pack", "other") + RULE.replace("- id: T-1", "- id: T-9\n    colour: red"));

        QuiesceException e = assertThrows(QuiesceException.class, () -> LOADER.load(List.of(first, second)));

        List<String> places = e.problems().stream().map(p -> p.file() + ":" + p.line() + ":" + p.column()).toList();
        assertEquals(List.of(
                "other.yaml:1:13",   // apiVersion
                "other.yaml:8:5",    // unknown key colour
                "pack.yaml:9:15",    // severity severe
                "pack.yaml:12:13",   // unknown check type
                "pack.yaml:14:5",    // second rule: no references
                "pack.yaml:14:9",    // second rule: id T-1 used twice
                "pack.yaml:20:13"    // second rule: mode as a number
        ), places, e.problems()::toString);
        assertEquals(e.problems().stream().sorted().toList(), e.problems());
        assertTrue(e.getMessage().startsWith("7 problems:\n"), e.getMessage());
    }

    // --- helpers ------------------------------------------------------------------------------

    private static RuleSource source(String name, String text) {
        return new RuleSource(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** pack.yaml: HEADER and then the given rules. */
    private static RuleSource pack(String rules) {
        return source("pack.yaml", HEADER + rules);
    }

    private static List<Problem> problems(RuleSource... sources) {
        QuiesceException e = assertThrows(QuiesceException.class, () -> LOADER.load(List.of(sources)));
        return e.problems();
    }

    private static Problem onlyProblem(RuleSource... sources) {
        List<Problem> problems = problems(sources);
        assertEquals(1, problems.size(), () -> "expected one problem, got " + problems);
        return problems.get(0);
    }

    private static void assertAt(String expected, Problem problem) {
        assertEquals(expected, problem.file() + ":" + problem.line() + ":" + problem.column(), problem::toString);
    }

    private static void assertMessage(Problem problem, String fragment) {
        assertTrue(problem.message().contains(fragment), () -> "expected \"" + fragment + "\" in: " + problem);
    }

    // --- parameter kinds: integers, durations, versions, regular expressions, maps ------------------

    private static final RulePackLoader WITH_EXAMPLES = new RulePackLoader(
            dev.quiesce.testing.ExampleChecks.registry().signatures());

    private static String kinds(String parameters) {
        return HEADER + """
                  - id: T-K
                    title: kinds
                    severity: low
                    references: [test]
                    check:
                      type: kinds
                """ + parameters.indent(6);
    }

    /** Fails before integers were range-checked at load: 99999999999 escaped as an ArithmeticException. */
    @Test
    void anIntegerBeyondItsRangeIsAProblemAtItsPlaceNotAStackTrace() {
        QuiesceException e = assertThrows(QuiesceException.class, () -> WITH_EXAMPLES.load(List.of(
                new RuleSource("k.yaml", kinds("count: 99999999999").getBytes(StandardCharsets.UTF_8)))));
        assertEquals(List.of("k.yaml:13:14: 'count' is 99999999999; it must be from 1 to 2147483647"),
                e.problems().stream().map(Problem::toString).toList());
        QuiesceException zero = assertThrows(QuiesceException.class, () -> WITH_EXAMPLES.load(List.of(
                new RuleSource("k.yaml", kinds("count: 0").getBytes(StandardCharsets.UTF_8)))));
        assertTrue(zero.getMessage().contains("it must be from 1 to"), zero.getMessage());
    }

    @Test
    void durationsVersionsPatternsAndMapsAreValidatedAtLoadAndBound() {
        RulePack pack = WITH_EXAMPLES.load(List.of(new RuleSource("k.yaml", kinds("""
                count: 3
                window: 26h
                min_version: "12.3.5"
                pattern: "Checkpoint_Unstun: vm stopped for ([0-9]+) us"
                labels: {IRIS: primary, CACHE: backup}
                """).getBytes(StandardCharsets.UTF_8)))).get(0);
        var bound = dev.quiesce.testing.ExampleChecks.registry().bind(pack.rules().get(0).check());
        var p = (dev.quiesce.testing.ExampleChecks.Kinds.Parameters) bound.parameters();
        assertEquals(3, p.count());
        assertEquals(java.time.Duration.ofHours(26), p.window());
        assertEquals(dev.quiesce.model.Version.parse("12.3.5.0").orElseThrow(), p.minVersion());
        assertTrue(p.pattern().matcher("Checkpoint_Unstun: vm stopped for 18500 us").matches());
        assertEquals(Map.of("IRIS", "primary", "CACHE", "backup"), p.labels());

        RulePack defaults = WITH_EXAMPLES.load(List.of(new RuleSource("k.yaml", kinds("count: 1")
                .getBytes(StandardCharsets.UTF_8)))).get(0);
        var d = (dev.quiesce.testing.ExampleChecks.Kinds.Parameters) dev.quiesce.testing.ExampleChecks.registry()
                .bind(defaults.rules().get(0).check()).parameters();
        assertEquals(java.time.Duration.ofDays(8), d.window());
        assertEquals(Map.of(), d.labels());
    }

    @Test
    void badDurationsVersionsPatternsAndMapsAreProblemsAtTheirPlaces() {
        QuiesceException e = assertThrows(QuiesceException.class, () -> WITH_EXAMPLES.load(List.of(
                new RuleSource("k.yaml", kinds("""
                        window: 26
                        min_version: 12.10
                        pattern: "stopped for ([0-9]+ us"
                        labels: {IRIS: [a, b]}
                        """).getBytes(StandardCharsets.UTF_8)))));
        List<String> problems = e.problems().stream().map(Problem::toString).toList();
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("k.yaml:13:15: 'window' is the number 26 with no unit; write it with "
                + "one: 26s, 26m, 26h or 26d"), problems.get(0));
        assertTrue(problems.get(1).startsWith("k.yaml:14:20: 'min_version' is written as the number 12.10"),
                problems.get(1));
        assertTrue(problems.get(2).startsWith("k.yaml:15:16: 'pattern' is not a valid regular expression: "
                + "Unclosed group"), problems.get(2));
        assertTrue(problems.get(3).startsWith("k.yaml:16:22: each value of 'labels' must be a non-empty string"),
                problems.get(3));
        QuiesceException unit = assertThrows(QuiesceException.class, () -> WITH_EXAMPLES.load(List.of(
                new RuleSource("k.yaml", kinds("window: 26x").getBytes(StandardCharsets.UTF_8)))));
        assertTrue(unit.getMessage().contains("'window' must be a duration such as 26h, 8d or 500ms"),
                unit.getMessage());
    }

    /** Fails before NUL was refused at load: the pack loaded and every host then failed at probe time. */
    @Test
    void aPathHoldingANulIsRefusedAtLoad() {
        QuiesceException e = assertThrows(QuiesceException.class, () -> LOADER.load(List.of(new RuleSource("n.yaml",
                (HEADER + RULE.replace("/usr/sbin/x", "\"/usr/sbin/x\\0y\"")).getBytes(StandardCharsets.UTF_8)))));
        assertTrue(e.getMessage().contains("n.yaml:13:15:") && e.getMessage().contains("holds a NUL"),
                e.getMessage());
    }

    /** Fails before aliases were refused: "title: *t" loaded as the title "t". */
    @Test
    void aYamlAliasIsRefusedWhereItIsWritten() {
        String pack = HEADER.replace("title: Test pack", "title: &t Test pack") + RULE.replace("title: Example",
                "title: *t");
        QuiesceException e = assertThrows(QuiesceException.class, () -> LOADER.load(List.of(source("a.yaml", pack))));
        assertEquals("a.yaml:8:12: YAML alias '*t': aliases are not supported; write the value out in full",
                e.getMessage());
    }

    /** Fails before depth was checked here: the parser's own limit (1000) gave an error without line:col. */
    @Test
    void deepNestingIsAnErrorWithItsPlace() {
        String pack = HEADER + "  - id: T-1\n    tags: " + "[".repeat(2000) + "]".repeat(2000) + "\n";
        QuiesceException e = assertThrows(QuiesceException.class, () -> LOADER.load(List.of(source("d.yaml", pack))));
        assertEquals("d.yaml:8:72: nested more than 64 levels deep; no rule pack or inventory needs that",
                e.getMessage());
    }

    /** Fails before packs were decoded strictly: a Latin-1 "é" loaded as U+FFFD. */
    @Test
    void aLatin1PackIsNotUtf8AtItsFirstBadByte() {
        byte[] latin1 = (HEADER + RULE).replace("title: Example", "title: Sauvegarde \u00e9t\u00e9")
                .getBytes(StandardCharsets.ISO_8859_1);
        QuiesceException e = assertThrows(QuiesceException.class, () -> LOADER.load(List.of(new RuleSource("l.yaml",
                latin1))));
        assertEquals("l.yaml:8:23: not UTF-8 text (byte 0xe9); save the file as UTF-8 (a Latin-1 or Windows-1252 file"
                + " shows this)", e.getMessage());
    }

    /** Fails before files were type-checked and capped: /dev/zero ran out of memory, a FIFO hung. */
    @Test
    void aDeviceAFifoAndAnOversizedFileAreRefusedBeforeTheyAreRead() throws Exception {
        Path fifo = dir.resolve("pack.yaml");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        for (Path special : List.of(Path.of("/dev/zero"), fifo)) {
            QuiesceException e = assertThrows(QuiesceException.class, () -> RuleSource.from(special));
            assertEquals(special + ": not a regular file (a device, FIFO or socket); give the rule pack file itself",
                    e.getMessage());
        }
        Path big = dir.resolve("big.yaml");
        try (var out = java.nio.channels.FileChannel.open(big, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            out.write(java.nio.ByteBuffer.wrap(new byte[] {'#'}), RuleSource.MAX_BYTES); // sparse: one byte past the cap
        }
        QuiesceException e = assertThrows(QuiesceException.class, () -> RuleSource.from(big));
        assertEquals(big + ": larger than a rule pack can be (4194304 bytes); is this the right file?", e.getMessage());
    }
}
