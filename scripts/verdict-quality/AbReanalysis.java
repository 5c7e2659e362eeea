import dev.perfgate.core.InputException;
import dev.perfgate.core.gate.ComparisonRow;
import dev.perfgate.core.gate.Gate;
import dev.perfgate.core.gate.GateReport;
import dev.perfgate.core.jmh.JmhJsonReader;
import dev.perfgate.core.model.BenchmarkResult;
import dev.perfgate.core.model.ForkPool;
import dev.perfgate.core.stats.GatePolicy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Analyses the forks an {@code ab} run kept (its ab-base-N.json and ab-head-N.json files) both ways:
 * as two independent samples (Mann-Whitney, {@code ab}'s default) and pair by pair (Wilcoxon
 * signed-rank, {@code ab --paired}), with the default policy, so that a suite's own A/A runs show which
 * analysis suits its benchmarks. One line per run directory and
 * benchmark: pairs, then change, 95% interval, its width and the verdict, unpaired and paired.
 *
 * <p>Run with the gate's jar on the class path:
 * {@code java -cp perf-gate.jar scripts/verdict-quality/AbReanalysis.java RUN_DIR...}
 */
public final class AbReanalysis {

    public static void main(String[] args) {
        try {
            for (String arg : args) {
                analyse(Path.of(arg));
            }
        } catch (InputException | java.io.IOException | RuntimeException e) {
            System.err.println("AbReanalysis: " + e.getMessage());
            System.exit(2);
        }
    }

    private static void analyse(Path dir) throws InputException, java.io.IOException {
        JmhJsonReader reader = new JmhJsonReader();
        List<List<BenchmarkResult>> base = new ArrayList<>();
        List<List<BenchmarkResult>> head = new ArrayList<>();
        for (int i = 1; Files.isRegularFile(dir.resolve("ab-base-" + i + ".json")); i++) {
            List<BenchmarkResult> a = new ArrayList<>(reader.read(dir.resolve("ab-base-" + i + ".json")));
            List<BenchmarkResult> b = new ArrayList<>(reader.read(dir.resolve("ab-head-" + i + ".json")));
            a.removeAll(ForkPool.unmatched(a, b));
            b.removeAll(ForkPool.unmatched(b, a));
            base.add(a);
            head.add(b);
        }
        if (base.isEmpty()) {
            throw new IllegalArgumentException(dir + ": no ab-base-1.json");
        }
        List<BenchmarkResult> pooledBase = ForkPool.pool(base);
        List<BenchmarkResult> pooledHead = ForkPool.pool(head);
        List<ComparisonRow> unpaired = new Gate(GatePolicy.DEFAULT).compare(pooledBase, pooledHead, Map.of()).rows();
        GateReport paired = Gate.paired(GatePolicy.DEFAULT).compare(pooledBase, pooledHead, Map.of());
        for (ComparisonRow row : paired.rows()) {
            if (!row.isPrimary()) {
                continue;
            }
            ComparisonRow other = unpaired.stream().filter(r -> r.isPrimary() && r.id().equals(row.id()))
                    .findFirst().orElseThrow();
            int pairs = pooledBase.stream().filter(r -> r.id().equals(row.id())).findFirst().orElseThrow()
                    .primary().forkMeans().length;
            String name = row.id().name().substring(row.id().name().lastIndexOf('.', row.id().name().lastIndexOf('.')
                    - 1) + 1);
            System.out.printf(Locale.ROOT, "%-16s %-36s %3d  unpaired %s  paired %s%n", dir.getFileName(), name,
                    pairs, describe(other), describe(row));
        }
    }

    private static String describe(ComparisonRow row) {
        var d = row.decision();
        return String.format(Locale.ROOT, "%+5.1f%% [%+5.1f%%, %+5.1f%%] w %4.1f %-12s", d.change() * 100,
                d.ciLow() * 100, d.ciHigh() * 100, (d.ciHigh() - d.ciLow()) * 100, d.verdict());
    }
}
