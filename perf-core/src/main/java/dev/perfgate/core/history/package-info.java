/**
 * The append-only run history ({@code history/<platform>.jsonl}): one JSON object per line for
 * each run and each approval, safe under concurrent writers and crashes
 * ({@link dev.perfgate.core.history.HistoryStore}); the one reader every program uses
 * ({@link dev.perfgate.core.history.HistoryReader}, with {@link dev.perfgate.core.history.HistoryCodec}
 * as the definition of a valid line); the trends read from it, by one rule
 * ({@link dev.perfgate.core.history.Trends}); and compaction
 * ({@link dev.perfgate.core.history.HistoryCompactor}).
 */
package dev.perfgate.core.history;
