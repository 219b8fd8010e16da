namespace FitCoach.Infrastructure.Redis;

/// <summary>
/// The Lua scripts embedded from <c>Scripts/*.lua</c>, read once. They are passed as text to
/// <c>IDatabaseAsync.ScriptEvaluateAsync(string, ...)</c>: StackExchange.Redis loads a script on its first use and
/// then sends only <c>EVALSHA</c>; when the server answers <c>NOSCRIPT</c> (after <c>SCRIPT FLUSH</c> or a restart)
/// it loads the script again and re-issues the call itself, so callers never see that error (see the integration
/// tests, which flush the script cache).
/// </summary>
internal static class RedisScripts
{
    public static readonly string RateLimit = Load("rate_limit.lua");
    public static readonly string SessionStart = Load("session_start.lua");
    public static readonly string SessionGet = Load("session_get.lua");
    public static readonly string SessionAppend = Load("session_append.lua");
    public static readonly string SessionEnd = Load("session_end.lua");
    public static readonly string LeaderboardTop = Load("leaderboard_top.lua");
    public static readonly string WorkoutAdd = Load("workout_add.lua");
    public static readonly string WorkoutRange = Load("workout_range.lua");
    public static readonly string IdempotencyClaim = Load("idempotency_claim.lua");
    public static readonly string IdempotencyRelease = Load("idempotency_release.lua");

    private static string Load(string fileName)
    {
        var name = $"{typeof(RedisScripts).Namespace}.Scripts.{fileName}";
        using var stream = typeof(RedisScripts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded Redis script '{name}' is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
