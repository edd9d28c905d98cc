package dev.quiesce.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quiesce.check.CheckRegistry;
import dev.quiesce.model.CheckSignature;
import dev.quiesce.model.ParameterSpec;
import dev.quiesce.model.RulePack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/RULES.md stays true to the code: its examples load, and every check type and parameter is described. */
class RulesDocTest {
    private static final Path DOC = Path.of("..", "docs", "RULES.md");
    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL);
    private static final Pattern DEFAULT = Pattern.compile(" Default: (.*)\\.$");
    private static final List<CheckSignature> SIGNATURES = CheckRegistry.standard().signatures();

    @Test
    void examplePackLoadsBesideTheBuiltins() throws IOException {
        String example = yamlBlocks().get(0);
        List<RuleSource> sources = new ArrayList<>(RuleSource.builtins());
        sources.add(new RuleSource("RULES.md example", example.getBytes(StandardCharsets.UTF_8)));

        List<RulePack> packs = new RulePackLoader(SIGNATURES).load(sources);

        assertEquals("site-freeze-scripts", packs.get(packs.size() - 1).id());
    }

    @Test
    void everyCheckExampleIsValid() throws IOException {
        List<String> checks = yamlBlocks().stream().filter(b -> b.startsWith("check:")).toList();
        assertEquals(SIGNATURES.size(), checks.size(), "one check example per check type");
        for (String check : checks) {
            String pack = """
                    apiVersion: quiesce/v1
                    kind: RulePack
                    id: doc
                    version: "1"
                    title: doc
                    rules:
                      - id: DOC-1
                        title: doc
                        severity: info
                        references: [docs/RULES.md]
                    """ + check.indent(4);
            new RulePackLoader(SIGNATURES).load(List.of(new RuleSource("RULES.md " + check.lines().skip(1)
                    .findFirst().orElse(""), pack.getBytes(StandardCharsets.UTF_8))));
        }
    }

    @Test
    void everyParameterIsInItsCheckTableWithRequiredAndDefault() throws IOException {
        String doc = Files.readString(DOC);
        for (CheckSignature signature : SIGNATURES) {
            String section = section(doc, signature.type());
            for (ParameterSpec spec : signature.parameters()) {
                String row = section.lines().filter(l -> l.startsWith("| `" + spec.name() + "` |")).findFirst()
                        .orElse("");
                assertFalse(row.isEmpty(), signature.type() + ": no row for " + spec.name());
                List<String> cells = Arrays.stream(row.split("\\|")).map(String::strip).toList();
                assertEquals(spec.required() ? "yes" : "no", cells.get(3), row);
                defaultOf(spec).ifPresent(d -> assertTrue(cells.get(4).contains(d), row + " lacks default " + d));
            }
        }
    }

    private static String section(String doc, String type) {
        int start = doc.indexOf("### `" + type + "`");
        assertTrue(start >= 0, "docs/RULES.md has no section for check type " + type);
        int end = doc.indexOf("\n#", start + 1);
        return doc.substring(start, end < 0 ? doc.length() : end);
    }

    private static Optional<String> defaultOf(ParameterSpec spec) {
        Matcher m = DEFAULT.matcher(spec.description());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static List<String> yamlBlocks() throws IOException {
        Matcher m = YAML_BLOCK.matcher(Files.readString(DOC));
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }
}
