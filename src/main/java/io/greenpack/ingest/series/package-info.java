/**
 * Power and utilization samples validated and aligned onto the common interval in Spark tasks.
 * {@link io.greenpack.ingest.series.SeriesIngest} reads one kind's files and is the only public
 * class; inside, {@link io.greenpack.ingest.series.SampleRules} accepts or rejects one sample
 * (with its reason), {@link io.greenpack.ingest.series.SeriesKernel} averages each series onto
 * the interval and finds gaps and counter resets, {@link io.greenpack.ingest.series.AlignedBlock}
 * carries the aligned rows out of a task, {@link io.greenpack.ingest.series.TaskFindings} its
 * counts, rejects and gaps, and {@link io.greenpack.ingest.series.IngestTasks} are the task bodies.
 *
 * <p>Separate because this is the ingest's large-volume path (millions of rows, serialized
 * between tasks), with its own invariants, tested without the file handling around it.
 */
package io.greenpack.ingest.series;
