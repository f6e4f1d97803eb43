package io.greenpack.correlate;

/** One sampled host-interval for the utilization-vs-watts chart. */
public record ScatterPoint(String model, double util, double watts) {
}
