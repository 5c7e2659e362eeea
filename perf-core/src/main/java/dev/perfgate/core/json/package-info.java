/**
 * JSON support shared by perfgate's readers and writers: typed tree access that reports problems
 * with file and JSON path, and fixed-precision number formatting for diff-friendly files.
 */
package dev.perfgate.core.json;
