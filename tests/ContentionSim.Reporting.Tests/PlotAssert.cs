namespace ContentionSim.Reporting.Tests;

internal static class PlotAssert
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static void IsPng(byte[] bytes, int width, int height)
    {
        Assert.True(bytes.Length > 10_000, $"PNG of {bytes.Length} bytes is suspiciously small");
        Assert.Equal(PngSignature, bytes.Take(8));
        // IHDR: width and height, big-endian, at bytes 16–23.
        Assert.Equal(width, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.Equal(height, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
    }

    public static void IsSvg(string svg)
    {
        Assert.Contains("<svg", svg);
        Assert.Contains("</svg>", svg);
    }
}
