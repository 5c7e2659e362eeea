package dev.perfgate.core.scale;

import dev.perfgate.core.history.ChangePoints;
import dev.perfgate.core.history.HistoryStore;
import dev.perfgate.core.history.Trends;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;

/**
 * Times reading one benchmark's trend from a long history (docs/reliability.md). Not a unit test;
 * run with the heap the figure is for:
 *
 * <pre>
 * java -Xmx256m -cp CLASSPATH dev.perfgate.core.scale.ScaleTiming DIR LINES REPEATS [LAST]
 * </pre>
 *
 * Writes {@code DIR/history/linux-x86_64.jsonl} of LINES runs if it is not there, then reads the
 * trend of {@code MemoryDecayBenchmark.decay} (its last LAST points, default all, as
 * {@code history --last} does) REPEATS times and prints each wall time and the median.
 */
public final class ScaleTiming {

    private ScaleTiming() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int lines = Integer.parseInt(args[1]);
        int repeats = Integer.parseInt(args[2]);
        int last = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        HistoryStore store = new HistoryStore(dir, Clock.systemUTC());
        Path file = store.path(dev.perfgate.core.model.PlatformKey.parse("linux-x86_64"));
        if (!Files.exists(file)) {
            long t = System.nanoTime();
            ScaleFiles.history(file, lines);
            System.out.printf("wrote %d lines, %.0f MB, in %.1f s%n", lines, Files.size(file) / 1e6,
                    (System.nanoTime() - t) / 1e9);
        }
        String wanted = ScaleFiles.KERNELS.get(1);
        double[] seconds = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long t = System.nanoTime();
            Trends.Result result = new Trends(store, ChangePoints.defaults()).read(file,
                    id -> id.name().equals(wanted), last);
            seconds[i] = (System.nanoTime() - t) / 1e9;
            System.out.printf("read %d points of %s, %d change points, in %.2f s (heap max %d MB)%n",
                    result.trends().get(0).points().size(), wanted, result.trends().get(0).changePoints().size(),
                    seconds[i], Runtime.getRuntime().maxMemory() >> 20);
        }
        Arrays.sort(seconds);
        System.out.printf("median %.2f s over %d reads%n", seconds[repeats / 2], repeats);
    }
}
