/**
 * What {@code perf-gate init} needs: finding out how a user's repository builds its JMH
 * benchmarks jar ({@link dev.perfgate.cli.init.BuildDetector}: Maven, multi-module Maven, Gradle
 * with the {@code me.champeau.jmh} plugin, their wrappers), and the files it writes there
 * ({@link dev.perfgate.cli.init.InitFiles}: the callers of perfgate's reusable workflows and the
 * READMEs of {@code baselines/} and {@code history/}), rendered from the templates beside this
 * package's classes.
 */
package dev.perfgate.cli.init;
