using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace FitCoach.Api.Security;

/// <summary>
/// Behind a TLS-terminating proxy the API sees plain HTTP from the proxy's address. <c>X-Forwarded-Proto</c> and
/// <c>X-Forwarded-For</c> restore the client's scheme and address, but only from proxies listed in
/// <c>ForwardedHeaders:KnownProxies</c> (addresses) or <c>ForwardedHeaders:KnownNetworks</c> (CIDR ranges), plus
/// loopback; from anyone else the headers are ignored, or any client could claim HTTPS or another address.
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddFitCoachForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var proxies = (section.GetSection("KnownProxies").Get<string[]>() ?? []).Select(Proxy).ToList();
        var networks = (section.GetSection("KnownNetworks").Get<string[]>() ?? []).Select(Network).ToList();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
        });
        return services;
    }

    private static IPAddress Proxy(string value) =>
        IPAddress.TryParse(value, out var address)
            ? address
            : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies has '{value}', which is not an IP address.");

    private static System.Net.IPNetwork Network(string value) =>
        System.Net.IPNetwork.TryParse(value, out var network)
            ? network
            : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks has '{value}', which is not a CIDR range such as 10.0.0.0/8.");
}
