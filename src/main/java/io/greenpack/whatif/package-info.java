/**
 * What-if evaluation (DESIGN §8): one scenario point — parameters, an offload or a harvest —
 * planned like {@code report} plans its scenario (the four options of the consolidate stage, the
 * same verdict), in two steps: {@link io.greenpack.whatif.WhatIf#plan} on plain values in a Spark
 * task, {@link io.greenpack.whatif.WhatIf#results} on the driver (one replay job for all points,
 * then the verdict). The run itself (ingest once, analyse once per distinct sizing setting,
 * broadcast, parallelize, collect, write) is {@link io.greenpack.pipeline.WhatIfRun}; the rules for
 * offload and harvest are on {@link io.greenpack.whatif.WhatIf}.
 */
package io.greenpack.whatif;
