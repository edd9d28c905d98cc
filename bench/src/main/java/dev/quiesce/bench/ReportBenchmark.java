package dev.quiesce.bench;

import dev.quiesce.model.AuditRun;
import dev.quiesce.report.PdfReport;
import dev.quiesce.report.Renderer;
import dev.quiesce.report.ReportSettings;
import dev.quiesce.report.TemplatedReport;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Renders a synthetic fleet's audit as HTML and as PDF and prints wall time, output size and peak heap
 * of each. Usage: {@code ReportBenchmark HOSTS RULES OUTDIR [ROUNDS]}; run through bench/reports.sh,
 * which fixes the heap limit. The first round warms the JIT and is reported apart.
 */
public final class ReportBenchmark {
    private ReportBenchmark() {}

    public static void main(String[] args) throws Exception {
        int hosts = Integer.parseInt(args[0]);
        int rules = Integer.parseInt(args[1]);
        Path out = Path.of(args[2]);
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        AuditRun run = SyntheticFleet.of(hosts, rules, 42);
        System.out.printf(Locale.ROOT, "fleet: %d hosts x %d rules = %d findings; java %s; max heap %d MB%n", hosts,
                rules, hosts * rules, System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        for (Renderer renderer : List.of(TemplatedReport.html(), new PdfReport())) {
            for (int round = 1; round <= rounds; round++) {
                System.gc();
                resetPeaks();
                long start = System.nanoTime();
                Path file = renderer.render(run, ReportSettings.defaults(), out);
                long millis = (System.nanoTime() - start) / 1_000_000;
                System.out.printf(Locale.ROOT, "%-4s round %d%s: %6d ms, %7.1f MB file, peak heap %5d MB%n",
                        renderer.format(), round, round == 1 ? " (cold)" : "       ", millis,
                        Files.size(file) / 1e6, peakHeap() >> 20);
            }
        }
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of every heap pool's peak since the reset: an upper bound of the heap in use at once. */
    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
