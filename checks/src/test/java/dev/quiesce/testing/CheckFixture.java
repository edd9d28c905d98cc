package dev.quiesce.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.quiesce.check.CheckRegistry;
import dev.quiesce.engine.AuditListener;
import dev.quiesce.engine.Auditor;
import dev.quiesce.facts.AllowedCommand;
import dev.quiesce.facts.Answer;
import dev.quiesce.facts.CannedFacts;
import dev.quiesce.facts.FactRequest;
import dev.quiesce.facts.FileInfo;
import dev.quiesce.facts.FileKind;
import dev.quiesce.facts.Lines;
import dev.quiesce.host.CannedHost;
import dev.quiesce.host.Host;
import dev.quiesce.model.FileMode;
import dev.quiesce.model.Finding;
import dev.quiesce.model.HostInfo;
import dev.quiesce.model.HostResult;
import dev.quiesce.model.HostStatus;
import dev.quiesce.model.RulePack;
import dev.quiesce.model.Tool;
import dev.quiesce.model.VmLink;
import dev.quiesce.rules.RulePackLoader;
import dev.quiesce.rules.RuleSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One fixture case of a check type: {@code checks/<type>/<case>/} with {@code answers.yaml} (what the
 * host, and the ESXi host it is linked to, answer), {@code expected.yaml} ({@code status}, and texts the
 * observed value, the expected value and the message must hold, {@code observed}, {@code expected} and
 * {@code message}, or must not, {@code observed_not} and {@code message_not}) and, optionally, a
 * {@code check.yaml} that overrides the
 * type's {@code checks/<type>/check.yaml} (the rule's parameters). {@link #run} audits a one-rule pack
 * through the real loader and engine, from canned answers framed as a probe frames them.
 *
 * <p>answers.yaml:
 * <pre>
 * as_of: 2026-06-01T12:00:00Z          # the host's clock (default 2026-06-01T12:00:00Z)
 * zone: Europe/Berlin                  # the host's zone, as TZ gives it (default: UTC, by offset only)
 * ran_as: {uid: 1000, note: "sudo -n was refused"}
 * vars: {instance: IRIS}
 * roles: [guest, iris]                 # the host's roles (default [guest]); the rule applies to them all
 * root: /mnt/guest                     # audited as a tree (--root): commands given no answer are unavailable
 * answers:
 *   - stat: /usr/sbin/pre-freeze-script
 *     file: {kind: regular, mode: "0700", owner: root, group: root}   # uid/gid 0 unless given
 *   - stat: /usr/sbin/post-thaw-script
 *     file: {kind: regular, uid: 1000, names: false}  # numbers only, as under the ls fallback
 *   - stat: /etc/x
 *     status: denied                   # or notfound, nopath, notdir, notfile, or an exit status with stderr
 *   - listing: /etc/vmware-tools/backupScripts.d
 *     entries: [{name: 10-a, kind: regular, mode: "0700"}]
 *     vanished: 0
 *     omitted: 0
 *   - content: /etc/vmware-tools/tools.conf
 *     text: "[vmbackup]\n"
 *   - command: IRIS_QLIST
 *     exit: 0
 *     stdout: "..."
 *   - lines: /var/log/vmware*.log
 *     strings: [Checkpoint_Unstun]
 *     files: [/var/log/vmware.log]
 *     matches: [{file: /var/log/vmware.log, number: 3, text: "..."}]
 *     modified_within: 691200           # the scan's window in seconds, and decompress: true for *.gz
 *     skipped: [{path: /var/log/vmware-1.log.gz, reason: older-than-window}]   # or no-decompressor
 * vm_host:                             # the linked ESXi host, when the check reads one
 *   vm: {name: db1}
 *   answers: [...]
 * </pre>
 */
public record CheckFixture(String type, String name, Path directory) {
    public static final Path ROOT = Path.of("src", "test", "resources", "checks");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant DEFAULT_AS_OF = Instant.parse("2026-06-01T12:00:00Z");

    /** Every case of every type under {@link #ROOT}. */
    public static List<CheckFixture> all() {
        List<CheckFixture> cases = new ArrayList<>();
        try (var types = Files.list(ROOT)) {
            for (Path type : types.filter(Files::isDirectory).sorted().toList()) {
                try (var dirs = Files.list(type)) {
                    dirs.filter(Files::isDirectory).sorted().forEach(d -> cases.add(new CheckFixture(
                            type.getFileName().toString(), d.getFileName().toString(), d)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    /** The check block of this case: its own check.yaml, else its type's. */
    public JsonNode checkParameters() {
        Path own = directory.resolve("check.yaml");
        return read(Files.exists(own) ? own : directory.getParent().resolve("check.yaml"));
    }

    public JsonNode expected() {
        return read(directory.resolve("expected.yaml"));
    }

    /**
     * What the rule found on the fixture's host, how the host was audited, what the probes asked, and which
     * answers nothing asked for.
     */
    public record Outcome(Finding finding, HostStatus hostStatus, Set<FactRequest<?>> asked,
                          Set<FactRequest<?>> unasked) {}

    public Outcome run() {
        JsonNode answers = read(directory.resolve("answers.yaml"));
        List<String> roles = new ArrayList<>();
        answers.path("roles").forEach(r -> roles.add(r.asText()));
        if (roles.isEmpty()) {
            roles.add("guest");
        }
        RulePack pack = pack(roles);
        CannedFacts guest = canned(answers);
        Optional<VmLink> link = Optional.empty();
        List<Host> others = new ArrayList<>();
        CannedFacts esxi = null;
        if (answers.has("vm_host")) {
            JsonNode vm = answers.get("vm_host");
            link = Optional.of(new VmLink("esxi", Optional.ofNullable(vm.path("vm").get("name")).map(JsonNode::asText),
                    Optional.ofNullable(vm.path("vm").get("dir")).map(JsonNode::asText)));
            esxi = canned(vm);
            others.add(new CannedHost(new HostInfo("esxi", Set.of(), Map.of()), esxi));
        }
        Map<String, String> vars = new HashMap<>();
        answers.path("vars").properties().forEach(e -> vars.put(e.getKey(), e.getValue().asText()));
        Host host = new CannedHost(new HostInfo("guest", Set.copyOf(roles), vars, link), guest,
                answers.path("root").asText(""));
        // The auditing machine's clock is a year on: verdicts must come from the host's clock, not this one.
        Auditor auditor = new Auditor(CheckRegistry.standard(), List.of(pack), new Tool("quiesce", "fixture"),
                Clock.fixed(DEFAULT_AS_OF.plusSeconds(86_400 * 365), ZoneOffset.UTC), 1);
        try {
            HostResult result = auditor.start(List.of(host), others, AuditListener.NONE).await().hosts().get(0);
            Finding finding = result.findings().get(0);
            Set<FactRequest<?>> asked = new HashSet<>(guest.asked());
            Set<FactRequest<?>> unasked = new HashSet<>(guest.unasked());
            if (esxi != null) {
                asked.addAll(esxi.asked());
                unasked.addAll(esxi.unasked());
            }
            return new Outcome(finding, result.status(), asked, unasked);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private RulePack pack(List<String> roles) {
        ObjectNode check = JSON.createObjectNode().put("type", type);
        checkParameters().properties().forEach(e -> check.set(e.getKey(), e.getValue()));
        String text = """
                apiVersion: quiesce/v1
                kind: RulePack
                id: fixture
                version: "1"
                title: fixture
                rules:
                  - id: FIXTURE-1
                    title: the fixture's rule
                    severity: high
                    roles: %s
                    references: [fixture]
                    check: %s
                """.formatted(JSON.valueToTree(roles).toString(), check.toString());
        return new RulePackLoader(CheckRegistry.standard().signatures()).load(List.of(new RuleSource(
                directory + "/check.yaml", text.getBytes(StandardCharsets.UTF_8)))).get(0);
    }

    /** The answers of one host (answers.yaml, or its vm_host part) as canned facts. */
    private CannedFacts canned(JsonNode host) {
        CannedFacts canned = CannedFacts.builder().asOf(host.has("as_of") ? Instant.parse(host.get("as_of").asText())
                : DEFAULT_AS_OF);
        if (host.has("zone")) {
            canned.inZone(java.time.ZoneId.of(host.get("zone").asText()));
        }
        if (host.has("ran_as")) {
            canned.ranAs(host.get("ran_as").path("uid").asLong(), host.get("ran_as").path("note").asText(""));
        }
        for (JsonNode answer : host.path("answers")) {
            FactRequest<?> request = request(answer);
            if (answer.has("status")) {
                canned.answer(request, new Answer(answer.get("status").asText(), new byte[0],
                        answer.path("stderr").asText("").getBytes(StandardCharsets.UTF_8)));
                continue;
            }
            switch (request) {
                case FactRequest.FileStat r -> canned.stat(file(r.path(), answer.get("file")));
                case FactRequest.FileContent r -> canned.content(r, answer.get("text").asText());
                case FactRequest.DirectoryListing r -> {
                    List<FileInfo> entries = new ArrayList<>();
                    answer.path("entries").forEach(e -> entries.add(file(r.path().replaceAll("/+$", "") + "/"
                            + e.get("name").asText(), e)));
                    canned.listing(r, entries, answer.path("vanished").asInt(0), answer.path("omitted").asInt(0));
                }
                case FactRequest.CommandOutput r -> {
                    if (answer.path("missing").asBoolean(false)) {
                        canned.missing(r);
                    } else {
                        canned.command(r, answer.get("exit").asInt(), answer.path("stdout").asText(""),
                                answer.path("stderr").asText(""));
                    }
                }
                case FactRequest.FileLines r -> {
                    List<String> files = new ArrayList<>();
                    answer.path("files").forEach(f -> files.add(f.asText()));
                    List<Lines.Line> matches = new ArrayList<>();
                    answer.path("matches").forEach(m -> matches.add(new Lines.Line(m.get("file").asText(),
                            m.get("number").asLong(), m.get("text").asText())));
                    List<Lines.Skipped> skipped = new ArrayList<>();
                    answer.path("skipped").forEach(k -> skipped.add(new Lines.Skipped(k.get("path").asText(),
                            Lines.Reason.valueOf(k.get("reason").asText().toUpperCase(Locale.ROOT).replace('-', '_')))));
                    canned.lines(r, files, matches, answer.path("grep_status").asInt(matches.isEmpty() ? 1 : 0), skipped);
                }
            }
        }
        return canned;
    }

    private FactRequest<?> request(JsonNode answer) {
        if (answer.has("stat")) {
            return new FactRequest.FileStat(answer.get("stat").asText());
        }
        if (answer.has("content")) {
            return new FactRequest.FileContent(answer.get("content").asText(), answer.path("max_bytes")
                    .asInt(FactRequest.DEFAULT_MAX_BYTES));
        }
        if (answer.has("listing")) {
            return new FactRequest.DirectoryListing(answer.get("listing").asText(), answer.path("max_entries")
                    .asInt(FactRequest.DirectoryListing.DEFAULT_MAX_ENTRIES));
        }
        if (answer.has("command")) {
            List<String> arguments = new ArrayList<>();
            answer.path("arguments").forEach(a -> arguments.add(a.asText()));
            return new FactRequest.CommandOutput(AllowedCommand.valueOf(answer.get("command").asText()), arguments);
        }
        if (answer.has("lines")) {
            List<String> strings = new ArrayList<>();
            answer.path("strings").forEach(a -> strings.add(a.asText()));
            return new FactRequest.FileLines(answer.get("lines").asText(), strings, answer.path("max_bytes")
                    .asInt(FactRequest.DEFAULT_MAX_BYTES), answer.path("modified_within").asLong(0),
                    answer.path("decompress").asBoolean(false));
        }
        throw new IllegalArgumentException(directory + "/answers.yaml: an answer needs stat, content, listing, command "
                + "or lines: " + answer);
    }

    /**
     * A file's status from {@code {kind, mode, uid, gid, owner, group, names, size, modified, target}};
     * {@code names: false} gives ids only, as a host without {@code stat -c} does.
     */
    private static FileInfo file(String path, JsonNode f) {
        FileKind kind = FileKind.valueOf(f.path("kind").asText("regular").toUpperCase(Locale.ROOT).replace('-', '_'));
        long uid = f.path("uid").asLong(f.path("owner").asText("root").equals("root") ? 0 : 1000);
        long gid = f.path("gid").asLong(f.path("group").asText("root").equals("root") ? 0 : 1000);
        boolean names = f.path("names").asBoolean(true);
        return new FileInfo(path, kind, FileMode.parse(f.path("mode").asText(kind == FileKind.SYMLINK ? "0777"
                : "0700")).orElseThrow(), uid, gid, Optional.of(f.path("owner").asText("root")).filter(o -> names),
                Optional.of(f.path("group").asText("root")).filter(g -> names), f.path("size").asLong(0),
                Optional.of(f.has("modified") ? Instant.parse(f.get("modified").asText()) : DEFAULT_AS_OF
                        .minusSeconds(3600)), Optional.ofNullable(f.get("target")).map(JsonNode::asText));
    }

    private static JsonNode read(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }
}
