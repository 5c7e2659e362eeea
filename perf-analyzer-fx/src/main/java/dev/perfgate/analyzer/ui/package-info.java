/** Dialogs and background work behind interfaces, so view models can be tested without a screen. */
package dev.perfgate.analyzer.ui;
