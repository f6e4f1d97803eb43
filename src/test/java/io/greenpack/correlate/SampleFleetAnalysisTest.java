package io.greenpack.correlate;

import io.greenpack.util.Home;

import java.nio.file.Path;

/** The bundled sample (model set a, seed 42). */
class SampleFleetAnalysisTest extends FleetAnalysisContract {
    @Override
    Path dataDir() {
        return Home.sampleData();
    }
}
