package dev.quiesce.cli;

import dev.quiesce.check.CheckRegistry;
import dev.quiesce.engine.Auditor;
import dev.quiesce.engine.ToolVersion;
import dev.quiesce.facts.ProbeTranscript;
import dev.quiesce.host.Capture;
import dev.quiesce.host.CaptureFile;
import dev.quiesce.host.Host;
import dev.quiesce.host.HostException;
import dev.quiesce.host.SshHost;
import dev.quiesce.host.SshTarget;
import dev.quiesce.model.HostInfo;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.quiesce.model.QuiesceException;
import dev.quiesce.model.Sha256;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code quiesce collect}: probes a host once for every fact the rule packs need and saves the answer. */
@Command(name = "collect", mixinStandardHelpOptions = true,
        description = "Probe a host for every fact the rule packs need and save the raw answer, to audit later "
                + "or elsewhere with 'audit --capture'.")
final class CollectCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    LocalOptions local;

    @Mixin
    SshOptions ssh;

    @Mixin
    RuleOptions rules;

    @Mixin
    WindowOption window;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true, description = "The capture file to "
            + "write.")
    Path output;

    /** The one host to collect from: this machine or one SSH target. */
    private Host host() {
        java.util.Optional<Host> here = local.host(LocalOptions.PROBE_TIMEOUT, Clock.systemUTC());
        List<SshTarget> targets = ssh.targets();
        if (here.isPresent() == !targets.isEmpty() || targets.size() > 1) {
            throw new QuiesceException("collect from one host: --local, or one --host [USER@]NAME[:PORT]");
        }
        if (here.isPresent()) {
            return here.get();
        }
        SshTarget target = targets.get(0);
        local.requireNameFits();
        dev.quiesce.host.SshSettings settings = ssh.settings();
        settings.requireUsableKnownHosts(); // before the host is contacted
        return new SshHost(new HostInfo(local.name != null ? local.name : target.host(), Set.copyOf(local.roles),
                local.vars()), target, settings, Clock.systemUTC());
    }

    @Override
    public Integer call() throws IOException {
        CheckRegistry registry = CheckRegistry.standard();
        Auditor auditor = new Auditor(registry, rules.load(registry), ToolVersion.tool(), Clock.systemUTC(), 1);
        Host host = window.apply(List.of(host())).get(0);
        ProbeTranscript transcript;
        try {
            transcript = auditor.collect(host);
        } catch (HostException e) {
            spec.commandLine().getErr().println("quiesce: " + TerminalText.safe(host.info().name()) + ": "
                    + TerminalText.safeLines(e.getMessage()));
            return ExitCode.HOST_NOT_AUDITED.code;
        }
        CaptureFile.write(new Capture(host.info().name(), host.info().roles(), ToolVersion.tool(), transcript), output);
        List<String> problems = transcript.facts().problems();
        problems.forEach(p -> spec.commandLine().getErr().println("quiesce: warning: " + TerminalText.safe(p)));
        int facts = transcript.stages().stream().mapToInt(s -> s.requests().size()).sum();
        int bytes = transcript.stages().stream().mapToInt(s -> s.answer().length).sum();
        spec.commandLine().getOut().printf("collected %d facts in %d stage(s) from %s into %s (%d bytes of answers, "
                        + "capture sha256 %s)%n", facts, transcript.stages().size(), TerminalText.safe(host.info().name()),
                output, bytes, Sha256.hex(java.nio.file.Files.readAllBytes(output)));
        return problems.isEmpty() ? ExitCode.OK.code : ExitCode.HOST_NOT_AUDITED.code;
    }
}
