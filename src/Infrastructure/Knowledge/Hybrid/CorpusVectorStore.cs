using System.Collections.Frozen;
using Microsoft.Extensions.Logging;

namespace FitCoach.Infrastructure.Knowledge.Hybrid;

/// <summary>
/// Where corpus vectors are kept between runs. Two places: the file shipped inside this assembly for the default local
/// model (<c>Vectors/&lt;model&gt;.fcvec</c>, rebuilt with <c>knowledge vectors</c>, read-only), and an optional
/// writable file (<c>Embeddings:VectorFile</c>). <see cref="Load"/> prefers the writable file when it holds this
/// model's vectors; <see cref="Save"/> writes only there, atomically (a temporary file beside it, then a rename), so a
/// reader or a crash never sees half a file. Without a writable file, vectors the app had to compute stay in memory
/// for this run: the corpus is compiled into the app with its shipped vectors, so they are stale only when someone
/// edited a document without rebuilding them (a test catches that).
/// </summary>
public sealed class CorpusVectorStore(string modelId, string? writablePath, ILogger logger)
{
    public const string FileExtension = ".fcvec";

    private const string ResourcePrefix = "FitCoach.vectors.";

    /// <summary>The shipped files, read once per process: every host of a test run shares one decoded copy.</summary>
    private static readonly FrozenDictionary<string, Lazy<CorpusVectorFile?>> ShippedFiles = typeof(CorpusVectorStore).Assembly
        .GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(FileExtension, StringComparison.Ordinal))
        .ToFrozenDictionary(
            n => n[ResourcePrefix.Length..^FileExtension.Length],
            n => new Lazy<CorpusVectorFile?>(() => ReadResource(n)),
            StringComparer.Ordinal);

    public string ModelId { get; } = modelId;

    public string? WritablePath { get; } = string.IsNullOrWhiteSpace(writablePath) ? null : Path.GetFullPath(writablePath);

    /// <summary>The vectors shipped in the app for <paramref name="model"/>, or null when none are.</summary>
    public static CorpusVectorFile? Shipped(string model) =>
        ShippedFiles.TryGetValue(model, out var file) ? file.Value : null;

    /// <summary>The shipped file's name for a model, as the source tree holds it.</summary>
    public static string ShippedFileName(string model) => model + FileExtension;

    /// <summary>Whether the last <see cref="Load"/> read the writable file (false: the shipped one, or nothing).</summary>
    public bool LoadedWritable { get; private set; }

    /// <summary>The stored vectors of this model (writable file first, then the shipped one), or null when there are none.</summary>
    public CorpusVectorFile? Load()
    {
        LoadedWritable = false;
        if (WritablePath is not null && File.Exists(WritablePath))
        {
            try
            {
                using var stream = File.OpenRead(WritablePath);
                var file = CorpusVectorFile.Read(stream);
                if (file.ModelId == ModelId)
                {
                    LoadedWritable = true;
                    return file;
                }

                logger.LogInformation(
                    "Corpus vectors in {Path} are for model {FileModel}, not {Model}; they will be replaced", WritablePath, file.ModelId, ModelId);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                logger.LogWarning(ex, "Corpus vectors in {Path} could not be read; the shipped ones (if any) are used and the file rewritten", WritablePath);
            }
        }

        return Shipped(ModelId);
    }

    /// <summary>Writes <paramref name="file"/> to the writable file, if one is configured; false when there is none or writing failed.</summary>
    public bool Save(CorpusVectorFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (WritablePath is null)
        {
            return false;
        }

        return TryWrite(file, WritablePath, logger);
    }

    /// <summary>Writes <paramref name="file"/> to <paramref name="path"/> through a temporary file and a rename.</summary>
    public static bool TryWrite(CorpusVectorFile file, string path, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(logger);
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                file.Write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "Corpus vectors could not be written to {Path}; they are kept in memory for this run", path);
            TryDelete(temporary);
            return false;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: a stray temporary file beside the vector file is harmless.
        }
    }

    private static CorpusVectorFile? ReadResource(string name)
    {
        using var stream = typeof(CorpusVectorStore).Assembly.GetManifestResourceStream(name);
        return stream is null ? null : CorpusVectorFile.Read(stream);
    }
}
