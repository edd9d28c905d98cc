package dev.quiesce.cli;

import dev.quiesce.check.CheckRegistry;
import dev.quiesce.config.YamlNode;
import dev.quiesce.config.YamlReader;
import dev.quiesce.host.Host;
import dev.quiesce.host.Inventory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code quiesce demo}: audits the example hosts shipped in the jar (captures, no network, no setup)
 * exactly as {@code audit --inventory} would.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Audit the bundled example hosts (captured, no network) and write the reports.")
final class DemoCommand implements Callable<Integer> {
    private static final String EXAMPLES = "quiesce/examples/";
    private static final String INVENTORY = "inventory.yaml";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ReportOptions report;

    @Override
    public Integer call() throws IOException {
        Path examples = Files.createTempDirectory("quiesce-demo");
        try {
            extract(INVENTORY, examples);
            if (YamlReader.read(examples.resolve(INVENTORY), "inventory") instanceof YamlNode.Mapping top
                    && top.entries().get("hosts") != null
                    && top.entries().get("hosts").value() instanceof YamlNode.Sequence hosts) {
                for (YamlNode host : hosts.items()) {
                    if (host instanceof YamlNode.Mapping h && h.entries().get("capture") != null
                            && h.entries().get("capture").value() instanceof YamlNode.Scalar capture) {
                        extract(capture.text(), examples);
                    }
                }
            }
            CheckRegistry registry = CheckRegistry.standard();
            List<Host> hosts = new ArrayList<>();
            Inventory.load(examples.resolve(INVENTORY)).hosts().forEach(h -> hosts.add(h.open(
                    LocalOptions.PROBE_TIMEOUT, dev.quiesce.host.SshSettings.defaults(), Clock.systemUTC())));
            return AuditExecution.run(registry, new RuleOptions().load(registry), hosts, List.of(), 4, null,
                    java.util.Optional.empty(), report,
                    spec.commandLine().getParseResult().originalArgs(), spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        } finally {
            try (Stream<Path> files = Files.walk(examples)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void extract(String name, Path directory) throws IOException {
        if (name.contains("/") || name.contains("..")) {
            throw new IllegalStateException("bundled example names are plain file names: " + name);
        }
        try (InputStream in = DemoCommand.class.getClassLoader().getResourceAsStream(EXAMPLES + name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks the example " + name + "; rebuild it");
            }
            Files.copy(in, directory.resolve(name));
        }
    }
}
