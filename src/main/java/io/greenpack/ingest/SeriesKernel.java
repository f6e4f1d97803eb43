package io.greenpack.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The series kernel: the good samples of one task in, aligned rows out, in plain Java.
 *
 * <p>Samples are ordered per series (host + psu, or host + app + instance) by time, then file,
 * then line. One pass over each series finds duplicates (same timestamp as the previous sample:
 * "duplicate row" when every value is the same, else "conflicting duplicate"), gaps (a silence
 * longer than the limit), and for energy counters the watts of each interval, with resets, wraps
 * and baselines. A sample at time t is the mean over the interval that ends at t and began at the
 * previous sample of its series; after a gap or as a series' first sample it covers one nominal
 * interval. Each sample is spread time-weighted onto the intervals it overlaps. Power sums the
 * PSUs of a host per interval (an interval missing one of the host's PSUs is marked incomplete);
 * utilization sums the instances of an app on a host (coverage = the best instance's).
 */
final class SeriesKernel {
    /** Receives aligned rows, ordered by group and time. */
    interface Output {
        void power(String host, long ts, double watts, long psus, double coverage, boolean complete);

        void utilization(String host, String app, long ts, double[] values, double coverage);
    }

    /** Counter maxima at which a counter wraps around to zero (16, 32 and 64-bit registers). */
    private static final double[] WRAP_AT = {65_536d, 4_294_967_296d, 18_446_744_073_709_551_616d};
    private static final String SAME_KEY = "same series and timestamp as an earlier row";

    private final boolean power;
    private final int nv;
    private final long interval;
    private final long maxGap;
    private final Summary summary;

    /**
     * A series by its key. The hash mixes the parts' (cached) String hashes: a record's hash
     * (31 x host + app) collides for names that count up together (srv-001/app-0962 and
     * srv-002/app-0931), and such maps degrade into trees.
     */
    private record Key(String host, String key1, String key2) {
        @Override
        public int hashCode() {
            long h = host.hashCode() * 0x9E3779B97F4A7C15L;
            h = (h ^ key1.hashCode()) * 0xC2B2AE3D27D4EB4FL;
            h = (h ^ key2.hashCode()) * 0x165667B19E3779F9L;
            return (int) (h ^ (h >>> 32));
        }
    }

    private final Map<Key, Integer> ids = new HashMap<>();
    private final List<String[]> keys = new ArrayList<>(); // host, key1, key2, group
    private int n;
    private int[] series = new int[1024];
    private long[] ts = new long[1024];
    private int[] file = new int[1024];
    private long[] line = new long[1024];
    private double[][] values;

    // after prepare(): samples ordered by series rank, then time
    private int[] order;
    private int[] segmentStart; // per rank: first position in order; plus an end marker
    private int[] byRank;       // rank -> series id
    private int nextRank;

    SeriesKernel(boolean power, int valueCount, long intervalSeconds, long maxGapSeconds, Summary summary) {
        this.power = power;
        this.nv = valueCount;
        this.interval = intervalSeconds;
        this.maxGap = maxGapSeconds;
        this.summary = summary;
        this.values = new double[valueCount][1024];
    }

    static String group(boolean power, String host, String key1) {
        return power ? host : host + '\u0000' + key1;
    }

    private String lastHost;
    private String lastKey1;
    private String lastKey2;
    private int lastId = -1;
    /**
     * Per series the one that came after it last time (-1: none yet). Rows sorted by time list
     * the series of each timestamp in the same order, so this guess spares the map lookup.
     */
    private int[] following = new int[256];

    private boolean isSeries(int id, String host, String key1, String key2) {
        String[] k = keys.get(id);
        return k[0].equals(host) && k[1].equals(key1) && k[2].equals(key2);
    }

    private int seriesId(String host, String key1, String key2) {
        Key key = new Key(host, key1, key2);
        Integer known = ids.get(key);
        if (known != null) {
            return known;
        }
        int id = keys.size();
        ids.put(key, id);
        String group = group(power, host, key1);
        keys.add(new String[]{host, key1, key2, group});
        summary.groups.add(group);
        if (id == following.length) {
            following = Arrays.copyOf(following, id * 2);
        }
        following[id] = -1;
        return id;
    }

    void add(String host, String key1, String key2, int fileIndex, long lineNo, long seconds, double[] v) {
        int id;
        if (host.equals(lastHost) && key1.equals(lastKey1) && key2.equals(lastKey2)) { // equals tries == first
            id = lastId;
        } else {
            id = lastId >= 0 ? following[lastId] : -1;
            if (id < 0 || !isSeries(id, host, key1, key2)) {
                id = seriesId(host, key1, key2);
                if (lastId >= 0) {
                    following[lastId] = id;
                }
            }
            lastHost = host;
            lastKey1 = key1;
            lastKey2 = key2;
            lastId = id;
        }
        if (n == ts.length) {
            int size = n + (n >> 1);
            series = Arrays.copyOf(series, size);
            ts = Arrays.copyOf(ts, size);
            file = Arrays.copyOf(file, size);
            line = Arrays.copyOf(line, size);
            for (int k = 0; k < nv; k++) {
                values[k] = Arrays.copyOf(values[k], size);
            }
        }
        series[n] = id;
        ts[n] = seconds;
        file[n] = fileIndex;
        line[n] = lineNo;
        for (int k = 0; k < nv; k++) {
            values[k][n] = v[k];
        }
        n++;
    }

    /** The hosts and apps of the samples added, into a file's counts (a pass-1 task reads one file). */
    void countKeys(Summary.FileCounts counts) {
        for (String[] k : keys) {
            counts.hosts.add(k[0]);
            if (!power) {
                counts.apps.add(k[1]);
            }
        }
    }

    int size() {
        return n;
    }

    /** Orders the samples: series by (group, key), each series by time, file and line. */
    private void prepare() {
        int s = keys.size();
        Integer[] ranked = new Integer[s];
        for (int i = 0; i < s; i++) {
            ranked[i] = i;
        }
        Arrays.sort(ranked, (a, b) -> {
            String[] x = keys.get(a);
            String[] y = keys.get(b);
            int c = x[3].compareTo(y[3]);
            c = c != 0 ? c : x[1].compareTo(y[1]);
            return c != 0 ? c : x[2].compareTo(y[2]);
        });
        byRank = new int[s];
        int[] rankOf = new int[s];
        for (int r = 0; r < s; r++) {
            byRank[r] = ranked[r];
            rankOf[ranked[r]] = r;
        }
        // Counting sort by rank: stable, so each series keeps the order samples were added in.
        segmentStart = new int[s + 1];
        for (int i = 0; i < n; i++) {
            segmentStart[rankOf[series[i]] + 1]++;
        }
        for (int r = 0; r < s; r++) {
            segmentStart[r + 1] += segmentStart[r];
        }
        int[] next = Arrays.copyOf(segmentStart, s);
        order = new int[n];
        for (int i = 0; i < n; i++) {
            order[next[rankOf[series[i]]]++] = i;
        }
        for (int r = 0; r < s; r++) {
            sortSegment(segmentStart[r], segmentStart[r + 1]);
        }
    }

    private boolean before(int a, int b) {
        if (ts[a] != ts[b]) {
            return ts[a] < ts[b];
        }
        if (file[a] != file[b]) {
            return file[a] < file[b];
        }
        return line[a] < line[b];
    }

    /** Samples usually arrive in time order: check first, sort (stable merge sort) only when not. */
    private void sortSegment(int from, int to) {
        boolean sorted = true;
        for (int k = from + 1; k < to && sorted; k++) {
            sorted = !before(order[k], order[k - 1]);
        }
        if (!sorted) {
            int[] tmp = new int[to - from];
            mergeSort(from, to, tmp);
        }
    }

    private void mergeSort(int from, int to, int[] tmp) {
        if (to - from < 2) {
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(from, mid, tmp);
        mergeSort(mid, to, tmp);
        int i = from;
        int j = mid;
        int k = 0;
        while (i < mid && j < to) {
            tmp[k++] = before(order[j], order[i]) ? order[j++] : order[i++];
        }
        while (i < mid) {
            tmp[k++] = order[i++];
        }
        while (j < to) {
            tmp[k++] = order[j++];
        }
        System.arraycopy(tmp, 0, order, from, k);
    }

    /** Aligns the next group (a host for power, a host and app for utilization); false when done. */
    boolean nextGroup(Output out) {
        if (order == null) {
            prepare();
        }
        int s = byRank.length;
        if (nextRank >= s) {
            return false;
        }
        String group = keys.get(byRank[nextRank])[3];
        int end = nextRank;
        while (end < s && keys.get(byRank[end])[3].equals(group)) {
            end++;
        }
        String[] k = keys.get(byRank[nextRank]);
        GroupSums sums = new GroupSums(end - nextRank == 1, k[0], k[1], out);
        int alignedSeries = 0;
        for (int r = nextRank; r < end; r++) {
            if (sequence(r, group, sums)) {
                alignedSeries++;
            }
        }
        sums.emit(alignedSeries, group);
        nextRank = end;
        return true;
    }

    /** Per group and interval: the sums over its series (passed straight on for a group of one series). */
    private final class GroupSums {
        private final boolean single;
        private final String host;
        private final String key1;
        private final Output out;
        private final TreeMap<Long, double[]> byTs = new TreeMap<>();

        GroupSums(boolean single, String host, String key1, Output out) {
            this.single = single;
            this.host = host;
            this.key1 = key1;
            this.out = out;
        }

        /** [0, nv): value sums (NaN while none), nv: series count, nv+1: min coverage, nv+2: max coverage. */
        void add(long bucket, double[] v, double coverage) {
            if (single) {
                emit(bucket, v, 1, coverage, coverage, 1);
                return;
            }
            double[] acc = byTs.get(bucket);
            if (acc == null) {
                acc = new double[nv + 3];
                Arrays.fill(acc, 0, nv, Double.NaN);
                acc[nv + 1] = coverage;
                acc[nv + 2] = coverage;
                byTs.put(bucket, acc);
            }
            for (int k = 0; k < nv; k++) {
                if (!Double.isNaN(v[k])) {
                    acc[k] = Double.isNaN(acc[k]) ? v[k] : acc[k] + v[k];
                }
            }
            acc[nv]++;
            acc[nv + 1] = Math.min(acc[nv + 1], coverage);
            acc[nv + 2] = Math.max(acc[nv + 2], coverage);
        }

        private long incomplete;

        private void emit(long bucket, double[] v, long count, double minCoverage, double maxCoverage, int alignedSeries) {
            if (power) {
                boolean complete = count >= alignedSeries;
                incomplete += complete ? 0 : 1;
                out.power(host, bucket, v[0], count, minCoverage, complete);
            } else {
                out.utilization(host, key1, bucket, v, maxCoverage);
            }
        }

        void emit(int alignedSeries, String group) {
            for (Map.Entry<Long, double[]> e : byTs.entrySet()) {
                double[] acc = e.getValue();
                emit(e.getKey(), acc, (long) acc[nv], acc[nv + 1], acc[nv + 2], alignedSeries);
            }
            if (incomplete > 0) {
                summary.incomplete.merge(group, incomplete, Long::sum);
            }
        }
    }

    /** One pass over the series at rank r; true when it gave at least one aligned interval. */
    private boolean sequence(int r, String group, GroupSums sums) {
        String[] key = keys.get(byRank[r]);
        String seriesName = power ? key[1] : key[2].isEmpty() ? key[1] : key[1] + '#' + key[2];
        Bucket bucket = new Bucket(sums);
        double[] v = new double[nv];
        for (int p = segmentStart[r]; p < segmentStart[r + 1]; p++) {
            int i = order[p];
            int prev = p > segmentStart[r] ? order[p - 1] : -1;
            long t = ts[i];
            boolean dup = false;
            boolean gap = false;
            long dt = interval;
            if (prev >= 0) {
                long dtRaw = t - ts[prev];
                if (dtRaw == 0) {
                    dup = true;
                    boolean same = true;
                    for (int k = 0; k < nv && same; k++) {
                        double a = values[k][i];
                        double b = values[k][prev];
                        same = a == b || (Double.isNaN(a) && Double.isNaN(b));
                    }
                    String reason = same ? "duplicate row" : "conflicting duplicate";
                    summary.counters(group, file[i])[same ? Summary.DUP : Summary.CONFLICT]++;
                    summary.rejects.add(new Summary.Reject(file[i], line[i], reason, SAME_KEY, null, group));
                } else if (dtRaw > maxGap) {
                    gap = true;
                    long[] c = summary.counters(group, file[i]);
                    c[Summary.GAPS]++;
                    c[Summary.GAP_S] += dtRaw;
                    summary.gaps.add(new Summary.GapAt(group, file[i], key[0], seriesName, ts[prev], t));
                } else {
                    dt = dtRaw;
                }
            }
            for (int k = 0; k < nv; k++) {
                v[k] = values[k][i];
            }
            boolean use = !dup;
            if (power && Double.isNaN(v[0]) && !Double.isNaN(v[1])) {
                use &= counterWatts(i, prev, dup, gap, group, v);
            }
            if (use && (!power || !Double.isNaN(v[0]))) {
                bucket.spread(t, dt, v);
            }
        }
        bucket.flush();
        return bucket.any;
    }

    /**
     * An energy counter row: v[0] becomes the watts of its interval from the difference with the
     * previous reading (a wrap adds the counter's range, a reset counts from zero); false when the
     * row gives no interval (a baseline: first reading or after a gap; an implausible jump).
     */
    private boolean counterWatts(int i, int prev, boolean dup, boolean gap, String group, double[] v) {
        double e = v[1];
        double prevE = prev >= 0 ? values[1][prev] : Double.NaN;
        double diff = e - prevE;
        boolean wrapped = false;
        double wrapDelta = Double.NaN;
        for (double m : WRAP_AT) {
            if (prevE > m * 0.9 && prevE <= m && e < m * 0.1) {
                wrapped = true;
                wrapDelta = m - prevE + e;
                break;
            }
        }
        if (!Double.isNaN(prevE) && !dup && diff < 0) {
            summary.counters(group, file[i])[wrapped ? Summary.WRAPS : Summary.RESETS]++;
        }
        boolean baseline = Double.isNaN(prevE) || gap;
        if (baseline) {
            summary.counters(group, file[i])[Summary.BASELINES]++;
        }
        double delta = diff >= 0 ? diff : wrapped ? wrapDelta : e;
        long span = prev >= 0 ? ts[i] - ts[prev] : 0;
        v[0] = span == 0 ? Double.NaN : delta * 3600.0 / span;
        boolean jump = v[0] > SampleRules.MAX_PLAUSIBLE_WATTS;
        if (jump && !dup) {
            summary.counters(group, file[i])[Summary.JUMPS]++;
            summary.rejects.add(new Summary.Reject(file[i], line[i], "counter jump implausible",
                    "energy difference gives " + (long) v[0] + " W", null, group));
        }
        return !jump && !baseline;
    }

    /** The time-weighted mean of one series per interval, interval by interval. */
    private final class Bucket {
        private final GroupSums sums;
        private final double[] weighted = new double[nv];
        private final double[] weight = new double[nv];
        /** Reused: the group sums copy what they keep. */
        private final double[] mean = new double[nv];
        private double covered;
        private long current = Long.MIN_VALUE;
        boolean any;

        Bucket(GroupSums sums) {
            this.sums = sums;
        }

        /** A sample at t covering (t - dt, t]: its share of each interval end b it overlaps. */
        void spread(long t, long dt, double[] v) {
            long start = t - dt;
            if (dt == interval && start == current) {
                // The common case, without dividing: the interval after the one just filled
                // (current is an interval end), covered whole by this sample.
                flush();
                current = t;
                add(v, interval);
                return;
            }
            long firstEnd = Math.floorDiv(start, interval) * interval + interval;
            long lastEnd = -Math.floorDiv(-t, interval) * interval;
            if (firstEnd >= lastEnd) {
                firstEnd = lastEnd;
            }
            for (long b = firstEnd; b <= lastEnd; b += interval) {
                double w = Math.min(t, b) - Math.max(start, b - interval);
                if (w <= 0) {
                    continue;
                }
                if (b != current) {
                    flush();
                    current = b;
                }
                add(v, w);
            }
        }

        private void add(double[] v, double w) {
            for (int k = 0; k < nv; k++) {
                if (!Double.isNaN(v[k])) {
                    weighted[k] += v[k] * w;
                    weight[k] += w;
                }
            }
            covered += w;
        }

        void flush() {
            if (current == Long.MIN_VALUE) {
                return;
            }
            for (int k = 0; k < nv; k++) {
                mean[k] = weight[k] > 0 ? weighted[k] / weight[k] : Double.NaN;
            }
            sums.add(current, mean, Math.min(1.0, covered / interval));
            any = true;
            Arrays.fill(weighted, 0);
            Arrays.fill(weight, 0);
            covered = 0;
            current = Long.MIN_VALUE;
        }
    }
}
