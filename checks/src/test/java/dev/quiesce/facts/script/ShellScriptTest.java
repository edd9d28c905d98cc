package dev.quiesce.facts.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Reading scripts as the shell reads them, and never throwing on what is not a script. */
class ShellScriptTest {

    @Test
    void everyTestScriptThatTheShellReadsIsReadWithoutProblems() throws Exception {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Scripts.ROOT)) {
            files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".md"))
                    .filter(f -> !f.getFileName().toString().equals("crlf-line-ends"))
                    .forEach(f -> names.add(Scripts.ROOT.relativize(f).toString()));
        }
        assertTrue(names.size() > 20, names.toString());
        for (String name : names) {
            ShellScript s = Scripts.parse(name);
            assertTrue(s.readable(), name + ": " + s.problems());
        }
    }

    @Test
    void shebangIsRead() {
        Shebang sh = Scripts.parse("article/pre-freeze-script").shebang().orElseThrow();
        assertEquals("/bin/sh", sh.interpreter());
        assertTrue(sh.shell());
        assertFalse(sh.errexit());
        Shebang e = Scripts.parse("traps/errexit-shebang").shebang().orElseThrow();
        assertEquals(List.of("-e"), e.arguments());
        assertTrue(e.errexit());
        Shebang env = ShellScript.parse("#!/usr/bin/env bash\n").shebang().orElseThrow();
        assertEquals("bash", env.program());
        assertTrue(env.shell());
        assertFalse(ShellScript.parse("#!/usr/bin/python3\n").shebang().orElseThrow().shell());
        assertTrue(Scripts.parse("traps/no-shebang").shebang().isEmpty());
    }

    @Test
    void windowsLineEndsAreReportedAndBreakTheReading() {
        ShellScript s = Scripts.parse("traps/crlf-line-ends");
        assertTrue(s.crlfLines() > 40);
        assertTrue(s.shebang().orElseThrow().carriageReturn());
        assertTrue(s.problems().get(0).why().contains("CR LF"), s.problems().toString());
        assertTrue(s.problems().stream().anyMatch(p -> p.line() == 17 && p.why().contains("'do'")), s.problems().toString());
    }

    @Test
    void syntaxErrorsAreProblemsAtTheirLineAndReadingGoesOn() {
        ShellScript s = ShellScript.parse("echo a\nif true; then\n  echo b\nfi fi\necho 'open\n");
        assertFalse(s.readable());
        assertEquals(List.of(4, 5), s.problems().stream().map(Problem::line).toList(), s.problems().toString());
    }

    @Test
    void heredocBodyIsKeptAndLinesAfterItCount() {
        ShellScript s = ShellScript.parse("cat <<EOF\nline $X\nEOF\necho after\ncat <<'Q'\n$Y\nQ\n");
        Node.Simple cat = (Node.Simple) s.body().commands().get(0);
        Heredoc h = cat.redirects().get(0).heredoc();
        assertEquals("line $X\n", h.body());
        assertTrue(h.closed());
        assertEquals(4, s.body().commands().get(1).line());
        Node.Simple quoted = (Node.Simple) s.body().commands().get(2);
        assertEquals(null, quoted.redirects().get(0).heredoc().word());
    }

    @Test
    void quotesContinuationsAndSubstitutions() {
        ShellScript s = ShellScript.parse("X=\"a b\"'c'$'d\\n' \\\n  cmd \"$(echo `date`)\" ${Y:-z} # comment\n");
        assertTrue(s.readable(), s.problems().toString());
        Node.Simple c = (Node.Simple) s.body().commands().get(0);
        assertEquals("X", c.assignments().get(0).name());
        assertEquals(3, c.words().size());
        assertTrue(c.words().get(1).parts().stream().anyMatch(p -> p instanceof Word.CommandSubstitution));
    }

    @Test
    void compoundCommandsParse() {
        String text = """
                f() { return 1; }
                function g { ( cd /tmp && ls ) | wc -l; }
                for i in 1 2; do echo $i; done
                while [ -f /x ]; do sleep 1; done
                until false; do break; done
                case "$1" in (freeze|thaw) echo ok ;; *) : ;; esac
                if [[ $a == b && -n "$c" ]]; then :; elif ! true; then :; else :; fi
                { echo a; echo b; } >/dev/null 2>&1 &
                x=$((1 + 2))
                """;
        ShellScript s = ShellScript.parse(text);
        assertTrue(s.readable(), s.problems().toString());
        assertEquals(9, s.body().commands().size());
    }

    @Test
    void deepNestingIsBoundedNotAStackOverflow() {
        String deep = "$(".repeat(5000) + "x" + ")".repeat(5000);
        ShellScript s = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> ShellScript.parse("echo " + deep));
        assertTrue(s.problems().stream().anyMatch(p -> p.why().contains("nested deeper")), s.problems().toString());
        ShellScript braces = ShellScript.parse("{ ".repeat(3000) + "echo" + "; }".repeat(3000));
        assertFalse(braces.readable());
        ShellScript ifs = ShellScript.parse("if true; then ".repeat(3000));
        assertFalse(ifs.readable());
    }

    @Test
    void hugeInputIsCutAndSaysSo() {
        String huge = "echo 0123456789abcdef\n".repeat(20_000);
        ShellScript s = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> ShellScript.parse(huge));
        assertEquals(ShellScript.MAX_CHARS, s.text().length());
        assertTrue(s.problems().get(0).why().contains("only the first"), s.problems().toString());
    }

    @Test
    void randomAndTruncatedInputsNeverThrow() {
        Random random = new Random(9);
        String alphabet = " \t\n\r;&|<>()${}[]`'\"\\#*?=!-_azAZ09csession";
        List<String> seeds = new ArrayList<>();
        for (String name : List.of("article/pre-freeze-script", "article/post-thaw-script",
                "fixed/variable-and-functions", "fixed/heredoc-status-checked", "traps/tee-without-pipefail")) {
            seeds.add(Scripts.text(name));
        }
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (String seed : seeds) {
                for (int cut = 0; cut <= seed.length(); cut += 3) {
                    ShellScript s = ShellScript.parse(seed.substring(0, cut));
                    ScriptRun.run(s, ScriptRun.Scenario.of("freeze", 5, 5, List.of("IRIS")));
                }
            }
            for (int i = 0; i < 3000; i++) {
                StringBuilder text = new StringBuilder();
                int length = random.nextInt(200);
                for (int k = 0; k < length; k++) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                ShellScript s = ShellScript.parse(text.toString());
                ScriptRun.run(s, ScriptRun.Scenario.of("thaw", 3, 5, List.of("IRIS", "B")));
            }
            for (int i = 0; i < 1000; i++) {
                char[] mutated = seeds.get(i % seeds.size()).toCharArray();
                for (int k = 0; k < 5; k++) {
                    mutated[random.nextInt(mutated.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
                }
                ScriptRun.run(ShellScript.parse(new String(mutated)), ScriptRun.Scenario.of("freeze", 5, 5, List.of("I")));
            }
        });
    }
}
