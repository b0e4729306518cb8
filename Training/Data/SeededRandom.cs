namespace ArchiveForecast.Training.Data;

/// <summary>
/// xoshiro256** seeded through SplitMix64: a small generator whose sequence is fixed by its seed on every runtime and
/// platform, unlike <see cref="Random"/>, whose algorithm is an implementation detail.
/// </summary>
internal sealed class SeededRandom
{
    private ulong s0;
    private ulong s1;
    private ulong s2;
    private ulong s3;
    private double? spareGaussian;

    public SeededRandom(ulong seed)
    {
        s0 = SplitMix(ref seed);
        s1 = SplitMix(ref seed);
        s2 = SplitMix(ref seed);
        s3 = SplitMix(ref seed);
    }

    /// <summary>A generator for one stream of a seed (a source, a fold), independent of the other streams.</summary>
    public static SeededRandom For(int seed, int stream) => new(((ulong)(uint)seed << 32) ^ (uint)stream ^ 0x9E3779B97F4A7C15UL);

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = RotateLeft(s1 * 5, 7) * 9;
        ulong t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = RotateLeft(s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public double Uniform(double min, double max) => min + ((max - min) * NextDouble());

    /// <summary>Log-uniform in [<paramref name="min"/>, <paramref name="max"/>): every order of magnitude equally likely.</summary>
    public double LogUniform(double min, double max) => Math.Exp(Uniform(Math.Log(min), Math.Log(max)));

    /// <summary>Uniform integer in [0, <paramref name="maxExclusive"/>).</summary>
    public int NextInt(int maxExclusive) => (int)(NextDouble() * maxExclusive);

    /// <summary>Standard normal (Box-Muller, polar form).</summary>
    public double Gaussian()
    {
        if (spareGaussian is double spare)
        {
            spareGaussian = null;
            return spare;
        }

        double u;
        double v;
        double s;
        do
        {
            u = (2 * NextDouble()) - 1;
            v = (2 * NextDouble()) - 1;
            s = (u * u) + (v * v);
        }
        while (s is >= 1 or 0);

        double factor = Math.Sqrt(-2 * Math.Log(s) / s);
        spareGaussian = v * factor;
        return u * factor;
    }

    /// <summary>A multiplicative noise factor with median 1: exp(N(0, sigma²)).</summary>
    public double LogNormal(double sigma) => Math.Exp(sigma * Gaussian());

    private static ulong SplitMix(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
