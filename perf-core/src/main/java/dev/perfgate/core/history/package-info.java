/**
 * The append-only run history ({@code history/<platform>.jsonl}): one JSON object per line for
 * each run and each approval, safe under concurrent writers and crashes
 * ({@link dev.perfgate.core.history.HistoryStore}), and the trends read from it.
 */
package dev.perfgate.core.history;
