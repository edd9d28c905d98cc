package dev.quiesce.bench;

import dev.quiesce.check.CheckRegistry;
import dev.quiesce.engine.Auditor;
import dev.quiesce.engine.RulePacks;
import dev.quiesce.host.Host;
import dev.quiesce.host.SshHost;
import dev.quiesce.host.SshSettings;
import dev.quiesce.host.SshTarget;
import dev.quiesce.model.AuditRun;
import dev.quiesce.model.HostInfo;
import dev.quiesce.model.HostResult;
import dev.quiesce.model.Tool;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SSH benchmarks against a loopback sshd (bench/ssh.sh starts one): (1) the full audit of one host,
 * warmed up, against OpenSSH's {@code ssh -o BatchMode=yes host true} as the floor; (2) fleets of
 * distinct connections to the same sshd at several parallelisms: wall time, hosts/s, peak heap.
 * Usage: {@code SshBenchmark PORT USER KEY KNOWN_HOSTS FLEET_SIZES PARALLELISMS}, lists comma-separated.
 */
public final class SshBenchmark {
    private SshBenchmark() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String user = args[1];
        Path key = Path.of(args[2]);
        Path knownHosts = Path.of(args[3]);
        List<Integer> fleets = Arrays.stream(args[4].split(",")).map(Integer::parseInt).toList();
        List<Integer> parallelisms = Arrays.stream(args[5].split(",")).map(Integer::parseInt).toList();
        SshSettings settings = new SshSettings(knownHosts, false, List.of(key), Duration.ofSeconds(20),
                Duration.ofMinutes(2), 1, Duration.ofSeconds(1), Optional.empty());
        SshTarget target = SshTarget.parse(user + "@127.0.0.1:" + port);
        CheckRegistry registry = CheckRegistry.standard();

        // (1) one host, warmed up, against the OpenSSH floor
        List<dev.quiesce.model.RulePack> packs = RulePacks.load(registry, true, List.of());
        int rules = packs.stream().mapToInt(p -> p.rules().size()).sum();
        Auditor single = new Auditor(registry, packs, new Tool("quiesce", "bench"), Clock.systemUTC(), 1);
        Host host = new SshHost(new HostInfo("db", Set.of("guest"), Map.of()), target, settings, Clock.systemUTC());
        for (int i = 0; i < 10; i++) {
            single.audit(host);
        }
        List<Long> quiesce = new ArrayList<>();
        List<Long> openssh = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long start = System.nanoTime();
            HostResult result = single.audit(host);
            quiesce.add(System.nanoTime() - start);
            if (!result.audited()) {
                throw new IllegalStateException(result.error());
            }
            start = System.nanoTime();
            Process ssh = new ProcessBuilder("ssh", "-o", "BatchMode=yes", "-o", "UserKnownHostsFile=" + knownHosts,
                    "-o", "StrictHostKeyChecking=yes", "-i", key.toString(), "-p", String.valueOf(port),
                    user + "@127.0.0.1", "true").redirectErrorStream(true).start();
            ssh.getInputStream().readAllBytes();
            if (ssh.waitFor() != 0) {
                throw new IllegalStateException("ssh failed");
            }
            openssh.add(System.nanoTime() - start);
        }
        double q = median(quiesce) / 1e6;
        double o = median(openssh) / 1e6;
        System.out.printf(Locale.ROOT, "one host, %d rules, median of 30 after 10 warm-up: quiesce audit %.0f ms, "
                + "ssh -o BatchMode=yes host true %.0f ms, ratio %.2f%n", rules, q, o, q / o);

        // (2) fleets of distinct connections
        for (int size : fleets) {
            List<Host> hosts = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                hosts.add(new SshHost(new HostInfo(String.format("db%04d", i), Set.of("guest"), Map.of()), target,
                        settings, Clock.systemUTC()));
            }
            for (int parallel : parallelisms) {
                Auditor fleet = new Auditor(registry, RulePacks.load(registry, true, List.of()),
                        new Tool("quiesce", "bench"), Clock.systemUTC(), parallel);
                System.gc();
                ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
                long start = System.nanoTime();
                AuditRun run = fleet.audit(hosts);
                double seconds = (System.nanoTime() - start) / 1e9;
                long audited = run.hosts().stream().filter(HostResult::audited).count();
                long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                        .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
                System.out.printf(Locale.ROOT, "fleet %4d hosts, parallel %2d: %6.1f s, %6.1f hosts/s, %d audited, "
                        + "peak heap %d MB%n", size, parallel, seconds, size / seconds, audited, peak >> 20);
            }
        }
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
