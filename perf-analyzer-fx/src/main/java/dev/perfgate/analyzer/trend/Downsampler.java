package dev.perfgate.analyzer.trend;

/**
 * Largest-Triangle-Three-Buckets downsampling (Steinarsson, 2013): picks {@code target} of a
 * series' points so that the line keeps its visual shape, peaks and steps included. The points
 * kept are real points (so their tooltips name real runs), the first and last always among them.
 */
public final class Downsampler {

    private Downsampler() {
    }

    /**
     * The indices in {@code [from, to)} to draw.
     *
     * @param x      x values, ascending
     * @param y      y values
     * @param target how many points to keep, at least 3; all are kept when there are no more
     */
    public static int[] lttb(double[] x, double[] y, int from, int to, int target) {
        int n = to - from;
        if (target < 3) {
            throw new IllegalArgumentException("target must be >= 3 but was " + target);
        }
        if (n <= target) {
            int[] all = new int[Math.max(0, n)];
            for (int i = 0; i < n; i++) {
                all[i] = from + i;
            }
            return all;
        }
        int[] kept = new int[target];
        double bucket = (double) (n - 2) / (target - 2);
        int a = from;
        kept[0] = from;
        for (int k = 0; k < target - 2; k++) {
            int start = from + 1 + (int) Math.floor(k * bucket);
            int end = from + 1 + (int) Math.floor((k + 1) * bucket);
            int nextStart = end;
            int nextEnd = Math.min(to, from + 1 + (int) Math.floor((k + 2) * bucket));
            double avgX = 0;
            double avgY = 0;
            int count = Math.max(1, nextEnd - nextStart);
            for (int i = nextStart; i < nextEnd; i++) {
                avgX += x[i];
                avgY += y[i];
            }
            if (nextEnd > nextStart) {
                avgX /= count;
                avgY /= count;
            } else {
                avgX = x[to - 1];
                avgY = y[to - 1];
            }
            double best = -1;
            int chosen = start;
            for (int i = start; i < end; i++) {
                double area = Math.abs((x[a] - avgX) * (y[i] - y[a]) - (x[a] - x[i]) * (avgY - y[a]));
                if (area > best) {
                    best = area;
                    chosen = i;
                }
            }
            kept[k + 1] = chosen;
            a = chosen;
        }
        kept[target - 1] = to - 1;
        return kept;
    }
}
