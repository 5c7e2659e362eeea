package dev.perfgate.kernels;

/**
 * The constants of the {@link SpreadingActivation} update rule. All three are dimensionless
 * fractions in [0, 1]; activations themselves are in [0, 1].
 *
 * <ul>
 *   <li>{@code retention} ({@code r}, default 0.5): the fraction of its activation a node
 *       keeps from one iteration to the next.</li>
 *   <li>{@code spread} ({@code s}, default 0.5): the fraction of a firing node's activation
 *       handed to its successors, split in proportion to edge weight.</li>
 *   <li>{@code firingThreshold} ({@code theta}, default 1e-4): a node spreads only when its
 *       activation is at least this; 0 means every node spreads.</li>
 * </ul>
 *
 * <p>With {@code r + s <= 1} (the default is exactly 1) a node never passes on more than it
 * gives up, so total activation never grows. Larger sums are allowed; the kernel's clamp to
 * 1 then keeps activations bounded.
 *
 * <pre>{@code
 * ActivationRule rule = new ActivationRule(0.5f, 0.5f, 1e-4f);   // same as DEFAULT
 * }</pre>
 *
 * @param retention fraction of activation a node keeps per iteration, in [0, 1]
 * @param spread fraction of a firing node's activation passed to its successors, in [0, 1]
 * @param firingThreshold minimum activation for a node to spread, in [0, 1]
 */
public record ActivationRule(float retention, float spread, float firingThreshold) {

    /** Retention 0.5, spread 0.5, firing threshold 1e-4. */
    public static final ActivationRule DEFAULT = new ActivationRule(0.5f, 0.5f, 1e-4f);

    /**
     * Validates the constants.
     *
     * @param retention fraction of activation a node keeps per iteration, in [0, 1]
     * @param spread fraction of a firing node's activation passed to its successors, in [0, 1]
     * @param firingThreshold minimum activation for a node to spread, in [0, 1]
     * @throws IllegalArgumentException if a constant is NaN or outside [0, 1]
     */
    public ActivationRule {
        requireFraction("retention", retention);
        requireFraction("spread", spread);
        requireFraction("firingThreshold", firingThreshold);
    }

    private static void requireFraction(String name, float value) {
        // Written so that NaN fails too.
        if (!(value >= 0f && value <= 1f)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was: " + value);
        }
    }
}
