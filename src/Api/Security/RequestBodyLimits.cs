using Microsoft.AspNetCore.Http.Features;

namespace FitCoach.Api.Security;

/// <summary>
/// Configuration section <c>RequestLimits</c>: the largest request body per route, by path prefix (the longest
/// matching prefix wins), else <see cref="DefaultMaxBodyBytes"/>.
/// </summary>
public sealed class RequestLimitOptions
{
    public const string Section = "RequestLimits";

    /// <summary>JSON commands: 64 KiB is far above any valid request and far below what a parser should chew on.</summary>
    public long DefaultMaxBodyBytes { get; set; } = 64 * 1024;

    public List<RouteBodyLimit> Routes { get; set; } = [];

    public long MaxBodyBytesFor(PathString path)
    {
        var limit = DefaultMaxBodyBytes;
        var matched = -1;
        foreach (var route in Routes)
        {
            if (route.PathPrefix.Length > matched && path.StartsWithSegments(route.PathPrefix, StringComparison.OrdinalIgnoreCase))
            {
                limit = route.MaxBodyBytes;
                matched = route.PathPrefix.Length;
            }
        }

        return limit;
    }
}

public sealed class RouteBodyLimit
{
    public string PathPrefix { get; set; } = "";

    public long MaxBodyBytes { get; set; }
}

/// <summary>
/// Applies <see cref="RequestLimitOptions"/> before anything reads the body: a declared Content-Length over the limit
/// is a 413 problem at once; otherwise the server's own limit is lowered (Kestrel then stops a chunked body at the
/// limit), and where the server has none (TestServer, some proxies' hosts) the body stream counts for itself. Either
/// way an overrun surfaces as a 413 <see cref="BadHttpRequestException"/>, which the exception handler writes as a problem.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, Microsoft.Extensions.Options.IOptions<RequestLimitOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        var limit = options.Value.MaxBodyBytesFor(context.Request.Path);
        var serverLimit = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (serverLimit?.MaxRequestBodySize is { } server && server < limit)
        {
            // The server was configured stricter than the route: its limit stands.
            limit = server;
        }

        if (context.Request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }

        if (serverLimit is { IsReadOnly: false })
        {
            serverLimit.MaxRequestBodySize = limit;
        }
        else
        {
            context.Request.Body = new LimitedReadStream(context.Request.Body, limit);
        }

        return next(context);
    }

    internal static BadHttpRequestException TooLarge(long limit) =>
        new($"The request body is larger than this route accepts ({limit} bytes).", StatusCodes.Status413PayloadTooLarge);

    /// <summary>A read-only view of the body that throws once more than <c>limit</c> bytes have been read.</summary>
    private sealed class LimitedReadStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            return _read > limit ? throw TooLarge(limit) : read;
        }
    }
}
