package dev.perfgate.core.stats;

import java.util.Objects;

/**
 * The decision for one metric: the verdict and the evidence behind it. All relative values are
 * fractions signed so that positive means worse (0.07 = 7% slower, 7% fewer ops/s or 7% more bytes).
 *
 * @param verdict       the verdict
 * @param change        estimated relative change; NaN when it cannot be estimated
 * @param ciLow         lower end of its confidence interval; NaN when unavailable
 * @param ciHigh        upper end of its confidence interval; NaN when unavailable
 * @param pValue        p-value that decided significance (adjusted for multiple comparisons where
 *                      the caller adjusted it); NaN when no test was made
 * @param minDetectable smallest relative change these forks could detect at the configured alpha
 *                      and power; NaN when unknown
 * @param forksNeeded   forks per side needed to detect the threshold; 0 when unknown
 * @param note          one sentence explaining an inconclusive or otherwise notable verdict; empty if none
 * @param moreForks     candidate forks to add, against this base's forks, to decide the threshold
 *                      (what {@code check --confirm} reruns): 0 when none or unknown, -1 when no
 *                      number of candidate forks can decide it (the base's forks or the calibrated
 *                      run-to-run shift are the limit)
 */
public record Decision(Verdict verdict, double change, double ciLow, double ciHigh, double pValue,
                       double minDetectable, int forksNeeded, String note, int moreForks) {

    /** A decision without an estimate of the candidate forks to add. */
    public Decision(Verdict verdict, double change, double ciLow, double ciHigh, double pValue,
                    double minDetectable, int forksNeeded, String note) {
        this(verdict, change, ciLow, ciHigh, pValue, minDetectable, forksNeeded, note, 0);
    }

    public Decision {
        Objects.requireNonNull(verdict, "verdict");
        note = note == null ? "" : note;
        if (forksNeeded < 0 || moreForks < -1) {
            throw new IllegalArgumentException("forksNeeded must be >= 0 and moreForks >= -1 but were " + forksNeeded
                    + " and " + moreForks);
        }
    }

    /** A decision with no numbers, e.g. for a benchmark that is new or missing. */
    public static Decision of(Verdict verdict, String note) {
        return new Decision(verdict, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, note);
    }

    /** This decision with another verdict, p-value and note. */
    Decision with(Verdict newVerdict, double newP, String newNote) {
        return new Decision(newVerdict, change, ciLow, ciHigh, newP, minDetectable, forksNeeded, newNote, moreForks);
    }
}
