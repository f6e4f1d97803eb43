package io.greenpack.correlate;

import io.greenpack.generate.FleetWriter;
import io.greenpack.generate.GenerateOptions;
import io.greenpack.generate.ModelSet;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** A second fleet with hardware models the sample does not have (model set b, seed 7): 30 hosts, 100 apps, 5 days. */
class ModelSetBFleetAnalysisTest extends FleetAnalysisContract {
    @TempDir
    static Path tmp;

    @Override
    Path dataDir() {
        Path dir = tmp.resolve("fleet-b");
        FleetWriter.generate(GenerateOptions.defaults().withSeed(7).withSize(30, 100, 5).withModelSet(ModelSet.B)
                .withCompress(false), dir);
        return dir;
    }
}
