/**
 * What-if evaluation (DESIGN §8): one scenario point — parameters, an offload or a
 * harvest — turned into a plan and its savings on plain values, so that a what-if run can
 * evaluate every point in its own Spark task. The run itself (ingest once, analyse once per
 * distinct sizing setting, broadcast, parallelize, collect, write) is
 * {@link io.greenpack.pipeline.WhatIfRun}; the rules for offload and harvest are on {@link io.greenpack.whatif.WhatIf}.
 */
package io.greenpack.whatif;
