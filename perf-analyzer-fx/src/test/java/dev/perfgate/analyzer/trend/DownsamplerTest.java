package dev.perfgate.analyzer.trend;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DownsamplerTest {

    @Test
    void keepsEveryPointWhenThereAreFewerThanTheTarget() {
        double[] x = {0, 1, 2, 3};
        double[] y = {5, 6, 7, 8};

        assertThat(Downsampler.lttb(x, y, 1, 4, 10)).containsExactly(1, 2, 3);
    }

    @Test
    void keepsFirstLastAndTheSpikeOfALongFlatSeries() {
        int n = 10_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = i == 4321 ? 100 : 1;
        }

        int[] kept = Downsampler.lttb(x, y, 0, n, 100);

        assertThat(kept).hasSize(100).contains(0, 4321, n - 1);
        assertThat(kept).isSorted();
    }
}
