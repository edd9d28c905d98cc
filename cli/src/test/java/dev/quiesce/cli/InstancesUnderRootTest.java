package dev.quiesce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quiesce.testing.GuestTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * QZ-IN-001 through the real probe on a directory tree: commands do not run under --root, so --var instances
 * names the instances, and stage 2 reads each one's CPF from the tree.
 */
class InstancesUnderRootTest {
    /**
     * The instance pack beside the file rules: a tree (--root) runs no command, so the script-content and
     * VMware Tools rules that need one would make the exit code about them.
     */
    static final String INSTANCE_RULES = "../rules/iris-instances.yaml";

    private static final String CPF = "[Journal]\nCurrentDirectory=/journal1/\n[MirrorMember]\nSystemName=MIRRORA/IRIS\n"
            + "[Mirrors]\nMIRROR=5F2A,2,1,,16000,0,1,,0,arbiter|2188,0,0,0,0,0\n";

    @TempDir
    Path dir;

    @Test
    void theInstancesNamedWithVarAreListedWithTheMirrorRoleFromTheirCpf() throws IOException {
        GuestTree tree = GuestTree.passing(dir.resolve("guest")).directory("/usr/irissys", "0755")
                .file("/usr/irissys/iris.cpf", CPF, "0660");
        Path out = dir.resolve("out");

        Cli cli = Cli.run("audit", "--local", "--root", tree.root().toString(), "--role", "guest,iris", "--var",
                "instances=IRIS=/usr/irissys", "--format", "json,html", "--out", out.toString(), "--no-builtin-rules", "--rules",
                AuditCommandTest.TREE_RULES, INSTANCE_RULES);

        assertEquals(0, cli.exit(), cli.toString());
        JsonNode finding = finding(out, "QZ-IN-001");
        assertEquals("PASS", finding.get("status").asText(), finding.toString());
        assertTrue(finding.get("observed").asText().contains("IRIS (IRIS version not listed, state not known, "
                + "/usr/irissys): mirror member as MIRRORA/IRIS (/usr/irissys/iris.cpf) of MIRROR (QoS timeout 16000 ms)"),
                finding.toString());
        assertTrue(finding.toString().contains("IRIS and Caché instances"), "the details table: " + finding);
        assertTrue(Files.readString(out.resolve("report.html")).contains("MIRRORA/IRIS"));
        ReportSchema.assertValid(out.resolve("report.json"));
    }

    @Test
    void withoutTheVariableTheListIsUnknownAndSaysHowToGiveIt() throws IOException {
        GuestTree tree = GuestTree.passing(dir.resolve("guest"));
        Path out = dir.resolve("out");

        Cli cli = Cli.run("audit", "--local", "--root", tree.root().toString(), "--format", "json", "--out",
                out.toString(), "--no-builtin-rules", "--rules", AuditCommandTest.TREE_RULES, INSTANCE_RULES);

        assertEquals(0, cli.exit(), "an info rule's ERROR is below --fail-on high: " + cli);
        JsonNode finding = finding(out, "QZ-IN-001");
        assertEquals("ERROR", finding.get("status").asText(), finding.toString());
        assertTrue(finding.get("message").asText().contains("inventory variable instances: NAME=DIR"), finding.toString());
    }

    private static JsonNode finding(Path out, String rule) throws IOException {
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        for (JsonNode f : report.get("hosts").get(0).get("findings")) {
            if (f.get("rule").asText().equals(rule)) {
                return f;
            }
        }
        throw new AssertionError("no finding for " + rule + " in " + report);
    }
}
