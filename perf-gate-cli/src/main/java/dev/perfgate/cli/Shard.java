package dev.perfgate.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which part of a sharded suite to run: shard {@code index} of {@code count}, written {@code I/N}
 * (1-based, e.g. {@code 2/4}).
 *
 * @param index 1-based, from 1 to {@code count}
 * @param count the number of shards, at least 1
 */
record Shard(int index, int count) {

    private static final Pattern FORM = Pattern.compile("(\\d{1,9})/(\\d{1,9})");

    Shard {
        if (count < 1) {
            throw new IllegalArgumentException("the number of shards N must be >= 1 but was " + count);
        }
        if (index < 1 || index > count) {
            throw new IllegalArgumentException("the shard I must be between 1 and N (" + count + ") but was " + index);
        }
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }

    /** Parses {@code I/N} with a message that says what is expected. */
    static final class Converter implements ITypeConverter<Shard> {
        @Override
        public Shard convert(String value) {
            Matcher m = FORM.matcher(value.strip());
            if (!m.matches()) {
                throw new TypeConversionException("expected I/N (shard I of N, 1-based, e.g. 2/4) but was '" + value
                        + "'");
            }
            try {
                return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage() + " in '" + value + "'");
            }
        }
    }
}
