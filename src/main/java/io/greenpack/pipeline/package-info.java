/**
 * The pipeline: runs the stages in DESIGN order — ingest → correlate → classify → size →
 * consolidate → savings → render — from one {@link io.greenpack.pipeline.RunRequest}, for
 * {@code report}, {@code consolidate}, {@code analyze} and {@code whatif} alike
 * ({@link io.greenpack.pipeline.Pipeline#run}). The only package that knows the order: the stages
 * take the previous stage's plain results and never call each other, and the renderers in
 * {@code report} get values, not Spark datasets. Every run writes one run folder atomically with a
 * manifest of inputs, settings, timings and row counts.
 */
package io.greenpack.pipeline;
