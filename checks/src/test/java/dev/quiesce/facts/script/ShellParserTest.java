package dev.quiesce.facts.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Words as the shell reads them (quotes, escapes, {@code $'...'}, parameters, backquotes, heredocs) and the
 * lines commands are on: what a run's session calls and exit codes are read from.
 */
class ShellParserTest {
    private static final ScriptRun.Scenario FREEZE = ScriptRun.Scenario.of("freeze", 5, 5, List.of("IRIS"));

    private static Node.Simple first(String text) {
        ShellScript s = ShellScript.parse(text);
        assertTrue(s.readable(), s.problems().toString());
        Node n = s.body().commands().get(0);
        while (!(n instanceof Node.Simple)) {
            n = switch (n) {
                case Node.Pipeline p -> p.commands().get(0);
                case Node.AndOr a -> a.left();
                case Node.Sequence q -> q.commands().get(0);
                default -> throw new AssertionError(n.toString());
            };
        }
        return (Node.Simple) n;
    }

    /** The fields the command {@code echo WORDS} passes, as the run expands them with nothing set. */
    private static List<String> fields(String words) {
        ShellScript s = ShellScript.parse("echo " + words + "\n");
        assertTrue(s.readable(), s.problems().toString());
        Node.Simple c = first("echo " + words + "\n");
        Interpreter in = ScriptRun.interpreter(s, FREEZE);
        return c.words().subList(1, c.words().size()).stream()
                .flatMap(w -> in.expand(w, new RunState(), 1).stream()).map(Value::shown).toList();
    }

    @Test
    void quotesAndEscapes() {
        assertEquals(List.of("a b"), fields("'a b'"));
        assertEquals(List.of("a b"), fields("a\\ b"));
        assertEquals(List.of("ab"), fields("a\\\nb"), "a backslash-newline joins");
        assertEquals(List.of("a", "b"), fields("a b"));
        assertEquals(List.of("a$x"), fields("\"a\\$x\""));
        assertEquals(List.of("a\\qb"), fields("\"a\\qb\""), "in double quotes \\ escapes only $ ` \" \\");
        assertEquals(List.of("a\"b\\c`"), fields("\"a\\\"b\\\\c\\`\""));
        assertEquals(List.of("ab"), fields("\"a\\\nb\""));
        assertEquals(List.of(""), fields("\"\""), "\"\" is an empty word");
        assertEquals(List.of(""), fields("''"));
        assertEquals(List.of("x$"), fields("x$"), "a $ at the end is itself");
        assertEquals(List.of("$"), fields("\"$\""));
        assertEquals(List.of("a\tb\nc\rd\\'\"e\\z"), fields("$'a\\tb\\nc\\rd\\\\\\'\\\"e\\z'"));
        assertEquals(List.of("it's"), fields("$'it\\'s'"));
        assertEquals(List.of("$'x'"), fields("\"$'x'\""), "$'...' is not special in double quotes");
        assertEquals(List.of("a\nb"), fields("'a\nb'"));
    }

    @Test
    void parameterNamesAndOperators() {
        Node.Simple c = first("echo ${#X} ${1} ${10} ${PIPESTATUS[1]} ${A:-b} $? $1 $10 ${!} $# ${X-} $_a9 ${_a9}x\n");
        List<String> names = c.words().subList(1, c.words().size()).stream()
                .map(w -> (Word.Parameter) w.parts().get(0)).map(p -> p.name() + "|" + p.operator()).toList();
        assertEquals(List.of("#X|", "1|", "10|", "PIPESTATUS[1]|", "A|:-b", "?|", "1|", "1|", "!|", "#|", "X|-",
                "_a9|", "_a9|"), names);
        Word ten = c.words().get(8);
        assertEquals(new Word.Literal("0", false), ten.parts().get(1), "$10 is $1 then 0");
        assertEquals("x", ((Word.Literal) c.words().get(13).parts().get(1)).text());
        Node.Simple q = first("echo \"${X}y$Z\"\n");
        assertTrue(q.words().get(1).parts().get(0).quoted());
        assertEquals(3, q.words().get(1).parts().size());
        assertEquals("${X}y$Z", q.words().get(1).text().replace("\"", ""));
    }

    @Test
    void substitutionsAndArithmetic() {
        Node.Simple c = first("echo $(iris qlist) `hostname -s` \"`date`\" $((1+2)) x\n");
        assertInstanceOf(Word.CommandSubstitution.class, c.words().get(1).parts().get(0));
        assertEquals("$(iris qlist)", ((Word.CommandSubstitution) c.words().get(1).parts().get(0)).text());
        Word.CommandSubstitution back = (Word.CommandSubstitution) c.words().get(2).parts().get(0);
        assertEquals("`hostname -s`", back.text());
        assertFalse(back.quoted());
        assertTrue(c.words().get(3).parts().get(0).quoted());
        assertInstanceOf(Word.Arithmetic.class, c.words().get(4).parts().get(0));
        assertEquals("x", c.words().get(5).literal());
        ScriptRun.Result r = ScriptRun.run(ShellScript.parse("#!/bin/sh\nX=`iris session IRIS -U%SYS "
                + "'##Class(Backup.General).ExternalFreeze()'`\nexit $?\n"), FREEZE);
        assertEquals(List.of(5), Scripts.exits(r), "a backquoted session call is made");
        assertEquals(1, r.paths().get(0).calls(CallKind.FREEZE).size());
        assertEquals(2, r.paths().get(0).calls().get(0).line());
    }

    @Test
    void linesAreCountedThroughQuotesAndContinuations() {
        ShellScript s = ShellScript.parse("#!/bin/sh\necho 'a\nb' \"c\nd\" \\\n e\n# a comment ; exit 9\n"
                + "X=`echo\n`\niris session IRIS -U%SYS '##Class(Backup.General).ExternalFreeze()'\n");
        assertTrue(s.readable(), s.problems().toString());
        ScriptRun.Path p = ScriptRun.run(s, FREEZE).paths().get(0);
        assertEquals(9, p.calls().get(0).line());
        assertEquals(5, p.exitCode(), "the comment's exit is not read");
    }

    @Test
    void heredocs() {
        ShellScript s = ShellScript.parse("#!/bin/sh\ncat <<-EOF\n\tone $X \\$Y\n\tEOF\ncat <<'E'\n$Z\nE\ncat << \"Q\"\nq\nQ\n"
                + "iris session IRIS -U%SYS <<END\n##Class(Backup.General).ExternalFreeze()\nEND\nexit $?\n");
        assertTrue(s.readable(), s.problems().toString());
        List<Node> cmds = s.body().commands();
        Heredoc tabs = ((Node.Simple) cmds.get(0)).redirects().get(0).heredoc();
        assertEquals("one $X \\$Y\n", tabs.body());
        assertTrue(tabs.closed());
        Word w = tabs.word();
        assertEquals(List.of("one ", "X", " $Y\n"), w.parts().stream().map(p -> p instanceof Word.Parameter q ? q.name()
                : ((Word.Literal) p).text()).toList());
        Heredoc quoted = ((Node.Simple) cmds.get(1)).redirects().get(0).heredoc();
        assertEquals("$Z\n", quoted.body());
        assertNull(quoted.word());
        assertNull(((Node.Simple) cmds.get(2)).redirects().get(0).heredoc().word());
        ScriptRun.Result r = ScriptRun.run(s, FREEZE);
        assertEquals(List.of(5), Scripts.exits(r));
        assertEquals(11, r.paths().get(0).calls().get(0).line());
        ShellScript open = ShellScript.parse("cat <<EOF\nnever ended\n");
        assertTrue(open.problems().get(0).why().contains("not ended"), open.problems().toString());
        assertFalse(((Node.Simple) open.body().commands().get(0)).redirects().get(0).heredoc().closed());
    }

    @Test
    void caseForAndTestForms() {
        String text = "#!/bin/bash\ncase \"$1\" in\n(freeze) exit 1 ;;\nthaw | x) exit 2;;\n"
                + "freezeFail) exit 3\nesac\n";
        assertEquals(List.of(1), Scripts.exits(ScriptRun.run(ShellScript.parse(text), FREEZE)));
        assertEquals(List.of(3), Scripts.exits(ScriptRun.run(ShellScript.parse(text),
                ScriptRun.Scenario.of("freezeFail", 5, 5, List.of()))), "the last arm needs no ;;");
        assertEquals(List.of(2), Scripts.exits(ScriptRun.run(ShellScript.parse(text),
                ScriptRun.Scenario.of("x", 5, 5, List.of()))));
        ShellScript loops = ShellScript.parse("for i in a b\ndo\n  echo $i\ndone\nfor j\ndo echo; done\n"
                + "for k in x; do :; done\n");
        assertTrue(loops.readable(), loops.problems().toString());
        Node.For f = (Node.For) loops.body().commands().get(0);
        assertEquals("i", f.name());
        assertEquals(2, f.items().size());
        assertNull(((Node.For) loops.body().commands().get(1)).items(), "for j: over the arguments");
        ShellScript dbl = ShellScript.parse("[[ $1 == freeze && -n x ]] && exit 4\nexit 1\n");
        assertTrue(dbl.readable(), dbl.problems().toString());
        assertEquals(List.of(4), Scripts.exits(ScriptRun.run(dbl, FREEZE)));
        assertEquals(List.of(1), Scripts.exits(ScriptRun.run(dbl, ScriptRun.Scenario.of("thaw", 5, 5, List.of()))));
        ShellScript fns = ShellScript.parse("function f { return 3; }\ng() ( exit 4 )\nf || g\n");
        assertTrue(fns.readable(), fns.problems().toString());
        assertEquals(List.of(4), Scripts.exits(ScriptRun.run(fns, FREEZE)));
    }

    @Test
    void redirectionsAreNotWords() {
        Node.Simple c = first("echo a >/dev/null 2>&1 b >> /tmp/l < /etc/x &>/dev/null\n");
        assertEquals(List.of("echo", "a", "b"), c.words().stream().map(Word::text).toList());
        assertEquals(5, c.redirects().size());
        assertEquals(List.of("/dev/null", "1", "/tmp/l", "/etc/x", "/dev/null"),
                c.redirects().stream().map(r -> r.target().text()).toList());
        Node.Simple a = first("A=1 B='x y' cmd\n");
        assertEquals(List.of("A", "B"), a.assignments().stream().map(Node.Assignment::name).toList());
        assertEquals("cmd", a.words().get(0).text());
        Node.Simple notAssign = first("1A=x cmd\n");
        assertTrue(notAssign.assignments().isEmpty(), "a name does not start with a digit");
    }

    @Test
    void unclosedQuotesAreProblemsOnTheirLine() {
        assertTrue(ShellScript.parse("echo 'a\n").problems().get(0).why().contains("single quote"));
        assertEquals(2, ShellScript.parse("true\necho \"a\nb\n").problems().get(0).line());
        assertTrue(ShellScript.parse("echo `a\n").problems().get(0).why().contains("backquote"));
        assertTrue(ShellScript.parse("echo $'a\n").problems().get(0).why().contains("$'"));
        assertFalse(ShellScript.parse("echo a\n").problems().iterator().hasNext());
    }
}
