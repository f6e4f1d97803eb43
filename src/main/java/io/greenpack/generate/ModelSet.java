package io.greenpack.generate;

import io.greenpack.util.UserError;

import java.util.List;
import java.util.Locale;

/**
 * Built-in sets of measured hardware models. A second set lets a second seed produce a fleet
 * whose power curves the analysis has never seen, so that fitting is tested, not memorised.
 * Each set has at least one linear model and two Fan models with r on either side of 1.
 */
public enum ModelSet {
    A(List.of(
            HardwareModel.linear("atlas-1u", 95, 285, 2, 24, 192, 1, 0.35),
            HardwareModel.fan("boreas-2u", 150, 440, 1.4, 2, 40, 384, 2, 0.30),
            HardwareModel.fan("cirrus-1u", 62, 235, 0.8, 1, 16, 128, 1, 0.25),
            HardwareModel.linear("draco-4s", 260, 720, 4, 64, 1024, 2, 0.10))),
    B(List.of(
            HardwareModel.linear("eos-1u", 80, 250, 2, 20, 128, 1, 0.30),
            HardwareModel.fan("fenix-2u", 170, 520, 1.6, 2, 48, 512, 2, 0.25),
            HardwareModel.fan("gaia-1u", 55, 210, 0.7, 1, 12, 96, 1, 0.25),
            HardwareModel.fan("helios-2u", 120, 380, 1.3, 2, 32, 256, 2, 0.20)));

    private final List<HardwareModel> models;

    ModelSet(List<HardwareModel> models) {
        this.models = models;
    }

    public List<HardwareModel> models() {
        return models;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ModelSet parse(String option, String value) {
        for (ModelSet s : values()) {
            if (s.id().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return s;
            }
        }
        throw new UserError(option + ": expected one of a, b; got '" + value + "'");
    }
}
