package io.greenpack.classify;

import io.greenpack.model.VirtVerdict;
import io.greenpack.model.WorkloadClass;
import io.greenpack.model.AppClassification;
import io.greenpack.model.AppUsage;
import io.greenpack.ingest.catalog.AppInfo;
import io.greenpack.model.HostSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One test per class and per verdict rule, on a 32-core, 256 GB reference host. */
class ClassifierTest {
    static final HostSpec HOST = new HostSpec("h1", "m1", 2, 32, 256, "physical", null, null, null, null);

    static AppUsage usage(double cpu, double mem, double iops, double mbps, double gpu) {
        return new AppUsage("a", "h1", 100, cpu * 0.8, cpu, cpu * 1.1, mem, mem, iops, mbps, 10, gpu, 95, cpu, mem);
    }

    static AppClassification classify(AppUsage u) {
        return Classifier.classify(u, HOST, AppInfo.unknown("a"));
    }

    @Test
    void idle() {
        assertThat(classify(usage(0.02, 0.5, 2, 0.1, 0)).workloadClass()).isEqualTo(WorkloadClass.IDLE);
    }

    @Test
    void ioBound() {
        AppClassification c = classify(usage(0.8, 4, 4000, 200, 0));
        assertThat(c.workloadClass()).isEqualTo(WorkloadClass.IO_BOUND);
        assertThat(c.classReason()).contains("IOPS");
    }

    @Test
    void memoryBound() {
        assertThat(classify(usage(0.5, 64, 100, 10, 0)).workloadClass()).isEqualTo(WorkloadClass.MEMORY_BOUND);
    }

    @Test
    void cpuBound() {
        assertThat(classify(usage(8, 4, 100, 10, 0)).workloadClass()).isEqualTo(WorkloadClass.CPU_BOUND);
    }

    @Test
    void balancedWhenSharesAreClose() {
        // 4 of 32 cores = 12.5 %, 40 of 256 GB = 15.6 %.
        assertThat(classify(usage(4, 40, 300, 20, 0)).workloadClass()).isEqualTo(WorkloadClass.BALANCED);
    }

    @Test
    void statedNeedsMakeItDedicated() {
        AppInfo gpu = new AppInfo("a", "t", null, null, List.of("gpu"), true, null, null);
        AppClassification c = Classifier.classify(usage(8, 4, 100, 10, 0), HOST, gpu);
        assertThat(c.verdict()).isEqualTo(VirtVerdict.DEDICATED);
        assertThat(c.verdictReason()).contains("gpu");
    }

    @Test
    void measuredHeavyIoOrGpuUseMakesItDedicated() {
        assertThat(classify(usage(1, 4, 20000, 100, 0)).verdict()).isEqualTo(VirtVerdict.DEDICATED);
        assertThat(classify(usage(1, 4, 100, 10, 60)).verdict()).isEqualTo(VirtVerdict.DEDICATED);
    }

    @Test
    void mayShareOsIsSameOsOnlyElseOk() {
        AppInfo share = new AppInfo("a", "t", null, null, List.of(), true, null, null);
        assertThat(Classifier.classify(usage(2, 8, 100, 10, 0), HOST, share).verdict()).isEqualTo(VirtVerdict.SAME_OS_ONLY);
        assertThat(classify(usage(2, 8, 100, 10, 0)).verdict()).isEqualTo(VirtVerdict.OK);
    }
}
