/**
 * Classify (DESIGN §4): workload class and virtualisation verdict per app, with reasons; rules and
 * thresholds in {@link io.greenpack.classify.Classifier}. Pure Java over the per-app usage features
 * the correlate stage computed in Spark. An app running on several hosts is classed against the
 * host where it used most CPU.
 */
package io.greenpack.classify;
