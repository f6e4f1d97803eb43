package io.greenpack.report;

import io.greenpack.config.ScenarioSet;
import io.greenpack.optimize.SolverSettings;

import java.nio.file.Path;

/**
 * What the what-if page says about where its points came from.
 *
 * @param scenariosFile the YAML the points came from
 * @param solver        seed and iteration budget every point was planned with
 */
public record WhatIfSource(Path dataDir, Path scenariosFile, ScenarioSet scenarios, SolverSettings solver) {
}
