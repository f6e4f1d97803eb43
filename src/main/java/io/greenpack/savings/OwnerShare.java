package io.greenpack.savings;

/** Showback: today's measured energy, cost and CO2e of the hosts one owner runs, per year (facility level). */
public record OwnerShare(String owner, int hosts, double facilityKwhPerYear, double money, double co2eKg) implements java.io.Serializable {
}
