package descent.tensor;

/**
 * The one seeded random generator: xoshiro256** (Blackman and Vigna 2018) seeded through SplitMix64. Pure 64-bit
 * integer arithmetic, so a seed in a URL gives the same stream on the JVM and in WebAssembly; normals use the polar
 * method with {@link DetMath#log}, never {@code Math.log}.
 */
public final class Rng {
    private long s0, s1, s2, s3;
    private double spareNormal;
    private boolean hasSpare;

    public Rng(long seed) {
        long x = seed;
        x += 0x9E3779B97F4A7C15L; s0 = mix64(x);
        x += 0x9E3779B97F4A7C15L; s1 = mix64(x);
        x += 0x9E3779B97F4A7C15L; s2 = mix64(x);
        x += 0x9E3779B97F4A7C15L; s3 = mix64(x);
    }

    /** SplitMix64's finaliser (Steele, Lea and Flood 2014). */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long nextLong() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** A new generator whose stream is independent of this one's continuation (for per-layer or per-task seeds). */
    public Rng fork() {
        return new Rng(nextLong());
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, 1) with 24 random bits. */
    public float nextFloat() {
        return (nextLong() >>> 40) * 0x1.0p-24f;
    }

    public double uniform(double lo, double hi) {
        return lo + (hi - lo) * nextDouble();
    }

    /** Uniform integer in [0, bound), unbiased (rejects the incomplete top range). */
    public int nextInt(int bound) {
        if (bound <= 0) throw new IllegalArgumentException("bound must be positive: " + bound);
        while (true) {
            int bits = (int) (nextLong() >>> 33);
            int v = bits % bound;
            if (bits - v + (bound - 1) >= 0) return v;
        }
    }

    /** Standard normal by Marsaglia's polar method; pairs are produced together and the second one is kept. */
    public double normal() {
        if (hasSpare) {
            hasSpare = false;
            return spareNormal;
        }
        double u, v, s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double f = Math.sqrt(-2 * DetMath.log(s) / s);
        spareNormal = v * f;
        hasSpare = true;
        return u * f;
    }

    public double normal(double mean, double std) {
        return mean + std * normal();
    }

    /** Fills a host array with N(0, std^2) draws, for initialisers. */
    public float[] normals(int n, double std) {
        float[] f = new float[n];
        for (int i = 0; i < n; i++) f[i] = (float) (std * normal());
        return f;
    }

    public float[] uniforms(int n, double lo, double hi) {
        float[] f = new float[n];
        for (int i = 0; i < n; i++) f[i] = (float) uniform(lo, hi);
        return f;
    }

    /** Fisher-Yates shuffle in place. */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    public int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        shuffle(p);
        return p;
    }

    /** murmur3's 32-bit finaliser: only u32 multiply, xor and shift, so a WGSL kernel computes the same bits. */
    public static int hash32(int x) {
        x ^= x >>> 16;
        x *= 0x85EBCA6B;
        x ^= x >>> 13;
        x *= 0xC2B2AE35;
        x ^= x >>> 16;
        return x;
    }

    /**
     * The dropout mask as a pure function of (seed, element index): element i is kept when a 24-bit hash fraction is
     * at least p. Counter-based, so forward, backward and the GPU need no stored mask.
     */
    public static boolean keep(long seed, int i, float p) {
        int h = hash32(i * 0x9E3779B9 + (int) seed);
        h = hash32(h ^ (int) (seed >>> 32));
        return (h >>> 8) >= (int) (p * 16777216f);
    }
}
