namespace FitCoach.Api.Observability;

/// <summary>Configuration section <c>Metrics</c>: where <c>GET /metrics</c> answers and who may read it.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>
    /// When set, <c>/metrics</c> requires <c>Authorization: Bearer &lt;token&gt;</c> (401 otherwise). Unset: open, as the
    /// contract has it.
    /// </summary>
    public string? Token { get; set; }

    /// <summary>
    /// When set, <c>/metrics</c> answers only on this port (add it to <c>Urls</c>, e.g.
    /// <c>http://+:8080;http://+:9464</c>, and keep it off the public load balancer); on every other port it is a 404.
    /// </summary>
    public int? Port { get; set; }
}
