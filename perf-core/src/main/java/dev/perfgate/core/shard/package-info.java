/**
 * Splitting a benchmark suite into shards that run on separate machines: a deterministic,
 * time-balanced assignment of benchmark methods ({@link dev.perfgate.core.shard.ShardPlan}).
 * The shards' JMH results are combined again by {@link dev.perfgate.core.jmh.JmhJsonMerger}.
 */
package dev.perfgate.core.shard;
