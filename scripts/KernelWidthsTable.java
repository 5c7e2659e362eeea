import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the tables of scripts/kernel-widths.sh from its result directories, one per width,
 * each holding JMH JSON result files (one per round) whose forks are pooled:
 * for each kernel the median of its fork means, the fork-to-fork CV (plain, and robust: from the
 * median absolute deviation), the reference's median divided by the kernel's, and the kernel's
 * median divided by its memory floor's. With
 * {@code --curve} first, the warm-up curves instead: per kernel, the median over forks of each
 * iteration divided by the steady time (the median of every fork's last 8 iterations), the time
 * from which that median curve is under twice the steady time (the kernel is compiled: a slow
 * spell of the host does not reach 2x) and the time from which it stays within 10% of steady
 * (which a slow spell late in the forks can push back).
 */
public final class KernelWidthsTable {

    private static final String[][] KERNELS = {
        {"cosine", "CosineSimilarityBenchmark", "batch", "batchReference"},
        {"spreading", "SpreadingActivationBenchmark", "spread", "spreadReference"},
        {"decay", "MemoryDecayBenchmark", "decay", "decayReference"},
    };

    public static void main(String[] args) {
        try {
            if (args.length > 0 && args[0].equals("--curve")) {
                curves(Arrays.copyOfRange(args, 1, args.length));
            } else {
                table(args);
            }
        } catch (IOException e) {
            System.err.println("KernelWidthsTable: " + e.getMessage());
            System.exit(2);
        } catch (RuntimeException e) {
            System.err.println("KernelWidthsTable: " + e);
            System.exit(2);
        }
    }

    /** The lines of what each width's JVM ran, from the implementation.txt the script wrote. */
    private static void implementations(String[] dirs) throws IOException {
        System.out.println();
        for (String dir : dirs) {
            File file = new File(dir, "implementation.txt");
            String implementation = file.isFile()
                    ? java.nio.file.Files.readString(file.toPath()).trim() : "(not recorded)";
            System.out.println("- " + new File(dir).getName() + ": " + implementation);
        }
    }

    private static void table(String[] args) throws IOException {
        List<Map<String, List<double[]>>> results = load(args);
        System.out.println("| width | kernel | us/op | fork CV | robust fork CV | x reference | / floor "
                + "| reference us/op | floor us/op |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (int d = 0; d < args.length; d++) {
            String dir = args[d];
            Map<String, double[]> forkMeans = new LinkedHashMap<>();
            results.get(d).forEach((name, forks) -> forkMeans.put(name, forks.stream()
                    .mapToDouble(f -> Arrays.stream(f).average().orElse(Double.NaN)).toArray()));
            String width = new File(dir).getName();
            for (String[] k : KERNELS) {
                double[] kernel = forkMeans.get(k[1] + "." + k[2]);
                double[] reference = forkMeans.get(k[1] + "." + k[3]);
                double[] floor = forkMeans.get(k[1] + ".memoryFloor");
                if (kernel == null) {
                    System.err.println("KernelWidthsTable: " + dir + " has no results of " + k[1] + "." + k[2]);
                    continue;
                }
                System.out.printf(Locale.ROOT, "| %s | %s | %s | %.1f%% | %.1f%% | %s | %s | %s | %s |%n", width,
                        k[0], format(median(kernel)), 100 * cv(kernel), 100 * robustCv(kernel),
                        reference == null ? "-" : String.format(Locale.ROOT, "%.1f", median(reference) / median(kernel)),
                        floor == null ? "-" : String.format(Locale.ROOT, "%.2f", median(kernel) / median(floor)),
                        reference == null ? "-" : format(median(reference)), floor == null ? "-" : format(median(floor)));
            }
        }
        implementations(args);
    }

    private static void curves(String[] dirs) throws IOException {
        List<Map<String, List<double[]>>> results = load(dirs);
        System.out.println("| width | kernel | under 2x steady from | within 10% of steady from | steady us/op "
                + "| first 10 iterations of 100 ms, median over forks, x steady |");
        System.out.println("|---|---|---|---|---|---|");
        for (int d = 0; d < dirs.length; d++) {
            String width = new File(dirs[d]).getName().replace("curve-", "");
            for (Map.Entry<String, List<double[]>> benchmark : results.get(d).entrySet()) {
                List<double[]> forks = benchmark.getValue();
                List<Double> tails = new ArrayList<>();
                for (double[] iterations : forks) {
                    for (int i = Math.max(0, iterations.length - 8); i < iterations.length; i++) {
                        tails.add(iterations[i]);
                    }
                }
                double steady = median(tails.stream().mapToDouble(Double::doubleValue).toArray());
                int length = forks.get(0).length;
                double[] curve = new double[length];
                for (int i = 0; i < length; i++) {
                    int index = i;
                    curve[i] = median(forks.stream().mapToDouble(f -> f[index]).toArray()) / steady;
                }
                int compiled = 0;
                while (compiled < length && curve[compiled] >= 2) {
                    compiled++;
                }
                int settled = length;
                while (settled > 0 && Math.abs(curve[settled - 1] - 1) <= 0.10) {
                    settled--;
                }
                StringBuilder points = new StringBuilder();
                for (int i = 0; i < Math.min(10, length); i++) {
                    points.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.3g", curve[i]));
                }
                String name = benchmark.getKey();
                System.out.printf(Locale.ROOT, "| %s | %s | %d ms | %d ms | %s | %s |%n", width,
                        name.substring(name.lastIndexOf('.') + 1), compiled * 100, settled * 100, format(steady), points);
            }
        }
        implementations(dirs);
    }

    /**
     * The iterations of every fork of every benchmark in the JMH result files of {@code dir}, by
     * benchmark ({@code Class.method}), in the order of the files' names.
     */
    private static Map<String, List<double[]>> forks(String dir) throws IOException {
        File[] files = new File(dir).listFiles((d, name) -> name.endsWith(".json"));
        if (files == null || files.length == 0) {
            throw new IOException(dir + ": no JMH result files");
        }
        Arrays.sort(files);
        Map<String, List<double[]>> forks = new LinkedHashMap<>();
        for (File file : files) {
            for (JsonNode result : read(file)) {
                String name = result.path("benchmark").asText();
                String key = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
                for (JsonNode fork : result.path("primaryMetric").path("rawData")) {
                    double[] iterations = new double[fork.size()];
                    for (int i = 0; i < iterations.length; i++) {
                        iterations[i] = fork.get(i).asDouble();
                    }
                    forks.computeIfAbsent(key, k -> new ArrayList<>()).add(iterations);
                }
            }
        }
        return forks;
    }

    /** Every directory's forks, read before anything is printed. */
    private static List<Map<String, List<double[]>>> load(String[] dirs) throws IOException {
        List<Map<String, List<double[]>>> results = new ArrayList<>();
        for (String dir : dirs) {
            results.add(forks(dir));
        }
        return results;
    }

    /** A JMH result file, or an error naming the file and the place in it. */
    private static JsonNode read(File file) throws IOException {
        try {
            return new ObjectMapper().readTree(file);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + ": not JMH JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, value < 10 ? "%.3f" : value < 100 ? "%.1f" : "%.0f", value);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * 1.4826 times the median absolute deviation over the median: the CV that the forks' bulk
     * shows, which a few forks in a slow spell of the host do not move.
     */
    private static double robustCv(double[] values) {
        double median = median(values);
        return 1.4826 * median(Arrays.stream(values).map(v -> Math.abs(v - median)).toArray()) / median;
    }

    /** Sample standard deviation over the mean; 0 for a single fork. */
    private static double cv(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = Arrays.stream(values).average().orElse(0);
        double squares = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
        return Math.sqrt(squares / (values.length - 1)) / mean;
    }
}
