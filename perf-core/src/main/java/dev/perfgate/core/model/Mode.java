package dev.perfgate.core.model;

import java.util.Optional;

/**
 * JMH benchmark modes, with the short labels JMH writes in its JSON ({@code "mode": "avgt"}).
 */
public enum Mode {
    THROUGHPUT("thrpt"),
    AVERAGE_TIME("avgt"),
    SAMPLE_TIME("sample"),
    SINGLE_SHOT("ss");

    private final String label;

    Mode(String label) {
        this.label = label;
    }

    /** The short label JMH uses, e.g. {@code "thrpt"}. */
    public String label() {
        return label;
    }

    /**
     * Parses JMH's short label ({@code thrpt}, {@code avgt}, {@code sample}, {@code ss}) or its long
     * name ({@code Throughput}, {@code AverageTime}, {@code SampleTime}, {@code SingleShotTime}).
     */
    public static Optional<Mode> fromLabel(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (Mode mode : values()) {
            if (mode.label.equals(text)) {
                return Optional.of(mode);
            }
        }
        return switch (text) {
            case "Throughput" -> Optional.of(THROUGHPUT);
            case "AverageTime" -> Optional.of(AVERAGE_TIME);
            case "SampleTime" -> Optional.of(SAMPLE_TIME);
            case "SingleShotTime" -> Optional.of(SINGLE_SHOT);
            default -> Optional.empty();
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
