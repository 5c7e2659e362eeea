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
 * Prints the tables of scripts/kernel-widths.sh from JMH JSON result files, one per width:
 * for each kernel the median of its fork means, the fork-to-fork CV, the reference's median
 * divided by the kernel's, and the kernel's median divided by its memory floor's.
 */
public final class KernelWidthsTable {

    private static final String[][] KERNELS = {
        {"cosine", "CosineSimilarityBenchmark", "batch", "batchReference"},
        {"spreading", "SpreadingActivationBenchmark", "spread", "spreadReference"},
        {"decay", "MemoryDecayBenchmark", "decay", "decayReference"},
    };

    public static void main(String[] args) throws IOException {
        System.out.println("| width | kernel | us/op | fork CV | x reference | / floor "
                + "| reference us/op | floor us/op |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (String file : args) {
            Map<String, double[]> forkMeans = new LinkedHashMap<>();
            for (JsonNode result : new ObjectMapper().readTree(new File(file))) {
                List<Double> means = new ArrayList<>();
                for (JsonNode fork : result.path("primaryMetric").path("rawData")) {
                    double sum = 0;
                    for (JsonNode iteration : fork) {
                        sum += iteration.asDouble();
                    }
                    means.add(sum / fork.size());
                }
                String name = result.path("benchmark").asText();
                forkMeans.put(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1),
                        means.stream().mapToDouble(Double::doubleValue).toArray());
            }
            String width = new File(file).getName().replace(".json", "");
            for (String[] k : KERNELS) {
                double[] kernel = forkMeans.get(k[1] + "." + k[2]);
                double[] reference = forkMeans.get(k[1] + "." + k[3]);
                double[] floor = forkMeans.get(k[1] + ".memoryFloor");
                if (kernel == null) {
                    continue;
                }
                System.out.printf(Locale.ROOT, "| %s | %s | %s | %.1f%% | %s | %s | %s | %s |%n", width, k[0],
                        format(median(kernel)), 100 * cv(kernel),
                        reference == null ? "-" : String.format(Locale.ROOT, "%.1f", median(reference) / median(kernel)),
                        floor == null ? "-" : String.format(Locale.ROOT, "%.2f", median(kernel) / median(floor)),
                        reference == null ? "-" : format(median(reference)), floor == null ? "-" : format(median(floor)));
            }
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
