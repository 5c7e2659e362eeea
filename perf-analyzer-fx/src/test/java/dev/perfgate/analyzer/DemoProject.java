package dev.perfgate.analyzer;

import dev.perfgate.core.fixtures.ProjectFixtures;
import dev.perfgate.analyzer.jfr.Burners;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Writes a demo project for trying the analyzer and taking the screenshots of docs/analyzer.md:
 * {@code <dir>/project} (baseline, a history of 40 runs in which ParamsBenchmark.sum[size=100,
 * variant=a] steps up 40% at run 26) and {@code <dir>/base.jfr}, {@code <dir>/current.jfr}
 * (real recordings: CPU burnt in burnAlpha; then also, and more, in burnBeta). Argument: the directory.
 */
public final class DemoProject {

    private DemoProject() {
    }

    private static final java.util.List<Object> SINK = new java.util.ArrayList<>();

    /** Allocates arrays and strings that live briefly, so the recordings show allocation and collections. */
    static long allocate(long seed, int count) {
        long sum = 0;
        for (int i = 0; i < count; i++) {
            long[] values = new long[32];
            values[i & 31] = seed + i;
            String text = Long.toString(seed ^ i);
            sum += values[i & 31] + text.length();
            if ((i & 1023) == 0) {
                SINK.add(values);
                if (SINK.size() > 1000) {
                    SINK.clear();
                }
            }
        }
        return sum;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/demo");
        Path project = Files.createDirectories(dir.resolve("project"));
        ProjectFixtures.project(project, 40, 26);
        Burners.record(dir.resolve("base.jfr"), Duration.ofSeconds(3), seed -> Burners.burnAlpha(seed)
                + allocate(seed, 3_000));
        Burners.record(dir.resolve("current.jfr"), Duration.ofSeconds(3), seed -> Burners.burnAlpha(seed)
                + Burners.burnBeta(seed) + Burners.burnBeta(seed + 1) + allocate(seed, 3_000));
        System.out.println("demo project in " + project.toAbsolutePath() + ", recordings in " + dir.toAbsolutePath());
    }
}
