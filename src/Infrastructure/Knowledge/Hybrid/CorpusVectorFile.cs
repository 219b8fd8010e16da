using System.Buffers.Binary;
using System.Collections.Frozen;
using System.Numerics.Tensors;
using System.Security.Cryptography;
using System.Text;

namespace FitCoach.Infrastructure.Knowledge.Hybrid;

/// <summary>
/// Corpus vectors of one model, keyed by a hash of the text each was computed from (<see cref="HashOf"/>), so an edit
/// to one document changes one key and only that entry needs the model again. The file is compact: each vector is
/// int8-quantised with its own scale (384 bytes + 12 for a MiniLM vector, a quarter of float32; cosines move by about
/// 0.001), entries sorted by hash so that rebuilding an unchanged corpus writes the same bytes.
/// <code>
/// "FCVEC1" | model id (7-bit length-prefixed UTF-8) | int32 dimensions | int32 count
/// count × ( uint64 text hash | float32 scale | int8 × dimensions ), little-endian
/// </code>
/// </summary>
public sealed class CorpusVectorFile
{
    private static readonly byte[] Magic = "FCVEC1"u8.ToArray();

    public CorpusVectorFile(string modelId, int dimensions, IReadOnlyDictionary<ulong, float[]> vectors)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentOutOfRangeException.ThrowIfNegative(dimensions);
        if (vectors.Values.Any(v => v.Length != dimensions))
        {
            throw new ArgumentException($"Every vector must have {dimensions} dimensions.", nameof(vectors));
        }

        ModelId = modelId;
        Dimensions = dimensions;
        Vectors = vectors.ToFrozenDictionary();
    }

    public string ModelId { get; }

    public int Dimensions { get; }

    /// <summary>Unit-length vectors by text hash.</summary>
    public FrozenDictionary<ulong, float[]> Vectors { get; }

    public int Count => Vectors.Count;

    /// <summary>The first 64 bits of the SHA-256 of the text's UTF-8: a collision among a few thousand texts is about 1 in 10^12.</summary>
    public static ulong HashOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), digest);
        return BinaryPrimitives.ReadUInt64LittleEndian(digest);
    }

    /// <summary>Reads a file written by <see cref="Write"/>; throws <see cref="InvalidDataException"/> for anything else.</summary>
    public static CorpusVectorFile Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
            {
                throw new InvalidDataException("Not a corpus vector file (bad magic).");
            }

            var modelId = reader.ReadString();
            var dimensions = reader.ReadInt32();
            var count = reader.ReadInt32();
            if (dimensions is <= 0 or > 65_536 || count < 0 || count > 10_000_000)
            {
                throw new InvalidDataException($"Implausible header: {dimensions} dimensions, {count} entries.");
            }

            var vectors = new Dictionary<ulong, float[]>(count);
            var quantised = new sbyte[dimensions];
            for (var i = 0; i < count; i++)
            {
                var hash = reader.ReadUInt64();
                var scale = reader.ReadSingle();
                if (reader.Read(System.Runtime.InteropServices.MemoryMarshal.AsBytes(quantised.AsSpan())) != dimensions)
                {
                    throw new InvalidDataException("The file ends inside an entry.");
                }

                var vector = new float[dimensions];
                for (var d = 0; d < dimensions; d++)
                {
                    vector[d] = quantised[d] * scale;
                }

                var norm = TensorPrimitives.Norm<float>(vector);
                if (!float.IsFinite(norm) || norm <= 0f)
                {
                    throw new InvalidDataException($"Entry {i} is not a usable vector.");
                }

                TensorPrimitives.Divide(vector, norm, vector);
                vectors[hash] = vector;
            }

            return new CorpusVectorFile(modelId, dimensions, vectors);
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("The corpus vector file is truncated.", ex);
        }
    }

    public void Write(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(ModelId);
        writer.Write(Dimensions);
        writer.Write(Count);
        var quantised = new sbyte[Dimensions];
        foreach (var (hash, vector) in Vectors.OrderBy(kv => kv.Key))
        {
            var max = Math.Abs(TensorPrimitives.MaxMagnitude<float>(vector)); // the element of largest magnitude, sign and all
            var scale = max > 0 ? max / 127f : 1f;
            for (var d = 0; d < Dimensions; d++)
            {
                quantised[d] = (sbyte)Math.Clamp(MathF.Round(vector[d] / scale), -127, 127);
            }

            writer.Write(hash);
            writer.Write(scale);
            writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(quantised.AsSpan()));
        }
    }
}
