using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FitCoach.Testing;
using Xunit;

namespace FitCoach.Api.IntegrationTests;

/// <summary>
/// A board shows the display name a user chose in their profile next to their pseudonym, follows a change of it,
/// and never takes a name the rules refuse (in process and on Redis).
/// </summary>
public sealed class LeaderboardDisplayNameTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const string Board = "/api/leaderboards/e1rm:Barbell_Squat?period=week&limit=100";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<bool> Backends => [false, true];

    private ConfiguredApiFactory Api(bool useRedis) => useRedis ? ApiFactory.WithRedis(redis.ConnectionString) : new ApiFactory();

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Board_ShowsTheNameFromTheProfile_UnderThePseudonym_AndFollowsAChange(bool useRedis)
    {
        using var api = Api(useRedis);
        var sub = $"carol.smith.{Guid.NewGuid():N}@example.com";
        var carol = await api.ClientForAsync(sub);
        var viewer = await api.ClientForAsync(ApiFactory.NewUserId("viewer"));
        await (await carol.PutAsJsonAsync("/api/users/me/profile", new { displayName = "Carol S", unit = "kg" }, Cancel)).JsonAsync();
        await LogSquatAsync(carol);
        var carolsId = (await (await carol.GetAsync(Board, Cancel)).JsonAsync()).GetProperty("me").GetProperty("userId").GetString();

        var seen = await (await viewer.GetAsync(Board, Cancel)).JsonAsync();
        await (await carol.PutAsJsonAsync("/api/users/me/profile", new { displayName = "Carol the Strong" }, Cancel)).JsonAsync();
        var renamed = await (await viewer.GetAsync(Board, Cancel)).JsonAsync();
        var own = await (await carol.GetAsync(Board, Cancel)).JsonAsync();

        var entry = EntryOf(seen, carolsId!);
        Assert.Equal("Carol S", entry.GetProperty("displayName").GetString());
        Assert.NotEqual(sub, entry.GetProperty("userId").GetString());
        Assert.StartsWith("p_", carolsId, StringComparison.Ordinal);
        Assert.DoesNotContain(sub, seen.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Carol the Strong", EntryOf(renamed, carolsId!).GetProperty("displayName").GetString());
        Assert.Equal("Carol the Strong", own.GetProperty("me").GetProperty("displayName").GetString());
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Board_WithoutADisplayName_LeavesTheFieldOut_AndClearingTheNameRemovesIt(bool useRedis)
    {
        using var api = Api(useRedis);
        var lifter = await api.ClientForAsync(ApiFactory.NewUserId("lifter"));
        await LogSquatAsync(lifter);
        var unnamed = (await (await lifter.GetAsync(Board, Cancel)).JsonAsync()).GetProperty("me");

        await (await lifter.PutAsJsonAsync("/api/users/me/profile", new { displayName = "Temp Name" }, Cancel)).JsonAsync();
        await (await lifter.PutAsJsonAsync("/api/users/me/profile", new { unit = "kg" }, Cancel)).JsonAsync();
        var cleared = (await (await lifter.GetAsync(Board, Cancel)).JsonAsync()).GetProperty("me");

        Assert.False(unnamed.TryGetProperty("displayName", out _));
        Assert.False(cleared.TryGetProperty("displayName", out _));
    }

    [Theory]
    [InlineData("a@b.com")]
    [InlineData("x")]
    [InlineData("bad\nname")]
    [InlineData("bad\u200Bname")]
    [InlineData("\u202Ereversed")]
    [InlineData("abcdefghijklmnopqrstuvwxyzabcdefghijklmn")]
    [InlineData("- . _")]
    public async Task Put_WithAnInvalidDisplayName_Is400NamingIt_AndLeavesTheProfileAndBoardUnchanged(string name)
    {
        using var api = new ApiFactory();
        var client = await api.ClientForAsync(ApiFactory.NewUserId());
        await (await client.PutAsJsonAsync("/api/users/me/profile", new { displayName = "Valid Val", age = 30 }, Cancel)).JsonAsync();
        await LogSquatAsync(client);

        var response = await client.PutAsync(
            "/api/users/me/profile",
            new StringContent(JsonSerializer.Serialize(new { displayName = name, age = 40 }), Encoding.UTF8, "application/json"),
            Cancel);

        var problem = await response.ProblemAsync(400);
        Assert.Equal(["displayName"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        var stored = await (await client.GetAsync("/api/users/me/profile", Cancel)).JsonAsync();
        Assert.Equal("Valid Val", stored.GetProperty("displayName").GetString());
        Assert.Equal(30, stored.GetProperty("age").GetInt32());
        Assert.Equal("Valid Val", (await (await client.GetAsync(Board, Cancel)).JsonAsync()).GetProperty("me").GetProperty("displayName").GetString());
    }

    private static async Task LogSquatAsync(HttpClient client)
    {
        var body = new
        {
            performedAt = DateTimeOffset.UtcNow.AddMinutes(-30),
            exercises = new[] { new { exerciseId = "Barbell_Squat", sets = new[] { new { reps = 5, weight = 120, unit = "kg" } } } },
        };
        await (await client.PostAsJsonAsync("/api/workouts", body, Cancel)).JsonAsync();
    }

    private static JsonElement EntryOf(JsonElement page, string userId) =>
        page.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("userId").GetString() == userId);
}
