/**
 * Summaries of JDK Flight Recorder recordings ({@code .jfr} files), read with the JDK's own
 * {@code jdk.jfr.consumer.RecordingFile}: garbage-collection pauses, allocation by class, CPU
 * load over time and hot methods ({@link dev.perfgate.core.jfr.JfrReader}), and which methods
 * grew hotter between two recordings ({@link dev.perfgate.core.jfr.JfrDiff}).
 *
 * <p>Recordings are streamed event by event and aggregated in maps, so a large recording costs
 * memory in proportion to its distinct methods and classes, not to its events. Class names are in
 * Java source form: JFR's {@code [B} and {@code [Ljava.lang.String;} are reported as
 * {@code byte[]} and {@code java.lang.String[]}. Methods are named
 * {@code package.Class.method}, without signature, so overloads are counted together.
 *
 * <pre>{@code
 * JfrSummary base = new JfrReader().read(Path.of("base.jfr"));
 * JfrSummary current = new JfrReader().read(Path.of("current.jfr"));
 * for (MethodDelta d : JfrDiff.hotter(base, current, 10)) {
 *     System.out.printf("%s %+.1f%%%n", d.method(), 100 * d.delta());
 * }
 * }</pre>
 */
package dev.perfgate.core.jfr;
