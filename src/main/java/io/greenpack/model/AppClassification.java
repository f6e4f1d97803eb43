package io.greenpack.model;

/**
 * The class and virtualisation verdict of one app, each with the reason in words.
 *
 * @param referenceHost the host whose cores and memory the app's demand was compared with (its own
 *                      host; the one where it used most CPU when it runs on several)
 */
public record AppClassification(String app, String referenceHost, WorkloadClass workloadClass, String classReason,
                                VirtVerdict verdict, String verdictReason) {
}
