package dev.perfgate.core.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BenjaminiHochbergTest {

    @Test
    void adjustsTextbookExampleInInputOrder() {
        double[] adjusted = BenjaminiHochberg.adjust(new double[] {0.01, 0.04, 0.03, 0.005});

        assertThat(adjusted).containsExactly(new double[] {0.02, 0.04, 0.04, 0.02}, within(1e-12));
    }

    @Test
    void nanEntriesStayNanAndDoNotCountAsTests() {
        double[] adjusted = BenjaminiHochberg.adjust(
                new double[] {Double.NaN, 0.01, 0.04, Double.NaN, 0.03, 0.005, Double.NaN});

        assertThat(adjusted[0]).isNaN();
        assertThat(adjusted[3]).isNaN();
        assertThat(adjusted[6]).isNaN();
        assertThat(new double[] {adjusted[1], adjusted[2], adjusted[4], adjusted[5]})
                .containsExactly(new double[] {0.02, 0.04, 0.04, 0.02}, within(1e-12));
    }

    @Test
    void adjustedValuesAreCappedAtOneAndNeverBelowTheRawValue() {
        double[] raw = {0.9, 0.6, 0.02, 0.8, 0.5};
        double[] adjusted = BenjaminiHochberg.adjust(raw);

        for (int i = 0; i < raw.length; i++) {
            assertThat(adjusted[i]).isBetween(raw[i], 1.0);
        }
        assertThat(adjusted[2]).isCloseTo(0.1, within(1e-12));
        assertThat(adjusted[0]).isCloseTo(0.9, within(1e-12));
    }

    @Test
    void singleTestAndEmptyInputAreUnchanged() {
        assertThat(BenjaminiHochberg.adjust(new double[] {0.03})).containsExactly(0.03);
        assertThat(BenjaminiHochberg.adjust(new double[0])).isEmpty();
        assertThat(BenjaminiHochberg.adjust(new double[] {Double.NaN})[0]).isNaN();
    }

    @Test
    void doesNotModifyItsInput() {
        double[] raw = {0.01, 0.04};
        BenjaminiHochberg.adjust(raw);
        assertThat(raw).containsExactly(0.01, 0.04);
    }
}
