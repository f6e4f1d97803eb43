package io.greenpack.ingest.series;

import io.greenpack.util.UserError;

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
    private final TaskFindings summary;

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
    /** Per series id its samples, kept apart so that aligning a series reads its samples in a row. */
    private Samples[] byId = new Samples[256];

    /** Samples of one series are stored together, CHUNK at a time. */
    private static final int SHIFT = 6;
    private static final int CHUNK = 1 << SHIFT;
    private int chunkCount;
    private final Store store;

    /**
     * The samples of all series by position: chunks of {@link #CHUNK} samples of one series, in
     * blocks of {@link #BLOCK} positions. Nothing is copied to grow (only the first block grows, up to
     * its full size; later ones are made full) and the arrays stay few and large: copying grown
     * arrays, or many small arrays per series kept alive through young collections, cost a fresh
     * JVM more than the work itself (measured with bench ingest).
     */
    private static final class Store {
        static final int BSHIFT = 16;
        static final int BLOCK = 1 << BSHIFT;
        private static final int BMASK = BLOCK - 1;
        private final int nv;
        private long[][] ts = new long[4][];
        private int[][] file = new int[4][];
        private long[][] line = new long[4][];
        private double[][] values = new double[4][]; // position p's values at [(p & BMASK) * nv, + nv)
        private int capacity = 16 * CHUNK;

        Store(int nv) {
            this.nv = nv;
            ts[0] = new long[capacity];
            file[0] = new int[capacity];
            line[0] = new long[capacity];
            values[0] = new double[capacity * nv];
        }

        /** Room for the positions below {@code end}. */
        void ensure(long end) {
            if (end > Integer.MAX_VALUE) {
                throw new UserError("more than " + String.format(java.util.Locale.ROOT, "%,d", Integer.MAX_VALUE)
                        + " good rows in one Spark task (a text file is read by one task); split the input into several files");
            }
            while (end > capacity) {
                if (capacity < BLOCK) {
                    int grown = Math.min(BLOCK, capacity * 2);
                    ts[0] = Arrays.copyOf(ts[0], grown);
                    file[0] = Arrays.copyOf(file[0], grown);
                    line[0] = Arrays.copyOf(line[0], grown);
                    values[0] = Arrays.copyOf(values[0], grown * nv);
                    capacity = grown;
                } else {
                    int b = capacity >>> BSHIFT;
                    if (b == ts.length) {
                        ts = Arrays.copyOf(ts, b * 2);
                        file = Arrays.copyOf(file, b * 2);
                        line = Arrays.copyOf(line, b * 2);
                        values = Arrays.copyOf(values, b * 2);
                    }
                    ts[b] = new long[BLOCK];
                    file[b] = new int[BLOCK];
                    line[b] = new long[BLOCK];
                    values[b] = new double[BLOCK * nv];
                    capacity += BLOCK;
                }
            }
        }

        void put(int p, long seconds, int fileIndex, long lineNo, double[] v) {
            int b = p >>> BSHIFT;
            int i = p & BMASK;
            ts[b][i] = seconds;
            file[b][i] = fileIndex;
            line[b][i] = lineNo;
            System.arraycopy(v, 0, values[b], i * nv, nv);
        }

        long ts(int p) {
            return ts[p >>> BSHIFT][p & BMASK];
        }

        int file(int p) {
            return file[p >>> BSHIFT][p & BMASK];
        }

        long line(int p) {
            return line[p >>> BSHIFT][p & BMASK];
        }

        double value(int p, int k) {
            return values[p >>> BSHIFT][(p & BMASK) * nv + k];
        }

        void values(int p, double[] out) {
            System.arraycopy(values[p >>> BSHIFT], (p & BMASK) * nv, out, 0, nv);
        }
    }

    private int newChunk() {
        store.ensure((long) (chunkCount + 1) * CHUNK);
        return chunkCount++;
    }

    private boolean before(int a, int b) {
        if (store.ts(a) != store.ts(b)) {
            return store.ts(a) < store.ts(b);
        }
        if (store.file(a) != store.file(b)) {
            return store.file(a) < store.file(b);
        }
        return store.line(a) < store.line(b);
    }

    /** The samples of one series in the order added (usually time order), as positions in the arrays. */
    private final class Samples {
        int size;
        int[] chunks = new int[4];
        /**
         * The series that came after this one last time (-1: none yet). Rows sorted by time list
         * the series of each timestamp in the same order, so this guess spares the map lookup.
         */
        int following = -1;
        /** After prepare(): sample positions by time, file and line; null when already in that order. */
        int[] order;

        void add(int fileIndex, long lineNo, long seconds, double[] v) {
            if ((size & (CHUNK - 1)) == 0) {
                int c = size >>> SHIFT;
                if (c == chunks.length) {
                    chunks = Arrays.copyOf(chunks, c * 2);
                }
                chunks[c] = newChunk();
            }
            store.put(position(size), seconds, fileIndex, lineNo, v);
            size++;
        }

        /** Where the q-th sample added is. */
        private int position(int q) {
            return chunks[q >>> SHIFT] << SHIFT | (q & (CHUNK - 1));
        }

        /** Where the q-th sample in time order is. */
        int at(int q) {
            return order == null ? position(q) : order[q];
        }

        /** Samples usually arrive in time order: check first, sort (stable merge sort) only when not. */
        void sort() {
            boolean sorted = true;
            for (int k = 1; k < size && sorted; k++) {
                sorted = !before(position(k), position(k - 1));
            }
            if (!sorted) {
                order = new int[size];
                for (int k = 0; k < size; k++) {
                    order[k] = position(k);
                }
                mergeSort(0, size, new int[size]);
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
    }

    // after prepare(): series ordered by (group, key)
    private int[] byRank;       // rank -> series id
    private int nextRank;

    SeriesKernel(boolean power, int valueCount, long intervalSeconds, long maxGapSeconds, TaskFindings summary) {
        this.power = power;
        this.nv = valueCount;
        this.interval = intervalSeconds;
        this.maxGap = maxGapSeconds;
        this.summary = summary;
        this.store = new Store(valueCount);
    }

    static String group(boolean power, String host, String key1) {
        return power ? host : host + '\u0000' + key1;
    }

    private String lastHost;
    private String lastKey1;
    private String lastKey2;
    private int lastId = -1;

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
        if (id == byId.length) {
            byId = Arrays.copyOf(byId, id * 2);
        }
        byId[id] = new Samples();
        return id;
    }

    void add(String host, String key1, String key2, int fileIndex, long lineNo, long seconds, double[] v) {
        int id;
        if (host.equals(lastHost) && key1.equals(lastKey1) && key2.equals(lastKey2)) { // equals tries == first
            id = lastId;
        } else {
            id = lastId >= 0 ? byId[lastId].following : -1;
            if (id < 0 || !isSeries(id, host, key1, key2)) {
                id = seriesId(host, key1, key2);
                if (lastId >= 0) {
                    byId[lastId].following = id;
                }
            }
            lastHost = host;
            lastKey1 = key1;
            lastKey2 = key2;
            lastId = id;
        }
        byId[id].add(fileIndex, lineNo, seconds, v);
        n++;
    }

    /** The hosts and apps of the samples added, into a file's counts (a pass-1 task reads one file). */
    void countKeys(TaskFindings.FileCounts counts) {
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
        for (int r = 0; r < s; r++) {
            byRank[r] = ranked[r];
            byId[ranked[r]].sort();
        }
    }

    /** Aligns the next group (a host for power, a host and app for utilization); false when done. */
    boolean nextGroup(Output out) {
        if (byRank == null) {
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
        Samples samples = byId[byRank[r]];
        for (int q = 0; q < samples.size; q++) {
            int i = samples.at(q);
            int prev = q > 0 ? samples.at(q - 1) : -1;
            long t = store.ts(i);
            int fileIndex = store.file(i);
            boolean dup = false;
            boolean gap = false;
            long dt = interval;
            if (prev >= 0) {
                long dtRaw = t - store.ts(prev);
                if (dtRaw == 0) {
                    dup = true;
                    boolean same = true;
                    for (int k = 0; k < nv && same; k++) {
                        double a = store.value(i, k);
                        double b = store.value(prev, k);
                        same = a == b || (Double.isNaN(a) && Double.isNaN(b));
                    }
                    String reason = same ? "duplicate row" : "conflicting duplicate";
                    summary.counters(group, fileIndex)[same ? TaskFindings.DUP : TaskFindings.CONFLICT]++;
                    summary.rejects.add(new TaskFindings.Reject(fileIndex, store.line(i), reason, SAME_KEY, null, group));
                } else if (dtRaw > maxGap) {
                    gap = true;
                    long[] c = summary.counters(group, fileIndex);
                    c[TaskFindings.GAPS]++;
                    c[TaskFindings.GAP_S] += dtRaw;
                    summary.gaps.add(new TaskFindings.GapAt(group, fileIndex, key[0], seriesName, store.ts(prev), t));
                } else {
                    dt = dtRaw;
                }
            }
            store.values(i, v);
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
        double prevE = prev >= 0 ? store.value(prev, 1) : Double.NaN;
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
            summary.counters(group, store.file(i))[wrapped ? TaskFindings.WRAPS : TaskFindings.RESETS]++;
        }
        boolean baseline = Double.isNaN(prevE) || gap;
        if (baseline) {
            summary.counters(group, store.file(i))[TaskFindings.BASELINES]++;
        }
        double delta = diff >= 0 ? diff : wrapped ? wrapDelta : e;
        long span = prev >= 0 ? store.ts(i) - store.ts(prev) : 0;
        v[0] = span == 0 ? Double.NaN : delta * 3600.0 / span;
        boolean jump = v[0] > SampleRules.MAX_PLAUSIBLE_WATTS;
        if (jump && !dup) {
            summary.counters(group, store.file(i))[TaskFindings.JUMPS]++;
            summary.rejects.add(new TaskFindings.Reject(store.file(i), store.line(i), "counter jump implausible",
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
