using System.Net.Http.Json;
using System.Text;
using Xunit;

namespace FitCoach.Api.IntegrationTests;

public sealed class ProfileTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Profile_IsEmptyUntilPut_ThenReturnsWhatWasStored()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());

        var empty = await (await client.GetAsync("/api/users/me/profile", Cancel)).JsonAsync();
        await (await client.PutAsJsonAsync("/api/users/me/profile", new { age = 34, weightKg = 82.5, goals = new[] { "strength", "strength" }, experience = "intermediate", equipment = new[] { "barbell" }, injuries = new[] { "knee" }, unit = "lb" }, Cancel)).JsonAsync();
        var stored = await (await client.GetAsync("/api/users/me/profile", Cancel)).JsonAsync();

        Assert.Equal(0, empty.GetProperty("goals").GetArrayLength());
        Assert.Equal(34, stored.GetProperty("age").GetInt32());
        Assert.Equal(["strength"], stored.GetProperty("goals").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal("lb", stored.GetProperty("unit").GetString());
    }

    [Theory]
    [InlineData("{\"unit\":\"stone\"}", "unit")]
    [InlineData("{\"goals\":[\"be huge\"]}", "goals")]
    [InlineData("{\"injuries\":[\"soul\"]}", "injuries")]
    [InlineData("{\"age\":400}", "age")]
    [InlineData("{\"goals\":null,\"age\":\"old\"}", "age")]
    public async Task Put_WithValuesOutsideTheVocabulary_Is400NamingTheField(string json, string field)
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());

        var response = await client.PutAsync("/api/users/me/profile", new StringContent(json, Encoding.UTF8, "application/json"), Cancel);

        Assert.True((await response.ProblemAsync(400)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task DisplayName_IsAbsentUntilSet_ThenStoredTrimmed_AndNullClearsIt()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());

        var before = await (await client.GetAsync("/api/users/me/profile", Cancel)).JsonAsync();
        var put = await (await client.PutAsJsonAsync("/api/users/me/profile", new { displayName = "  Zoë O'Neil-Ng  " }, Cancel)).JsonAsync();
        var stored = await (await client.GetAsync("/api/users/me/profile", Cancel)).JsonAsync();
        await (await client.PutAsJsonAsync("/api/users/me/profile", new { displayName = (string?)null }, Cancel)).JsonAsync();
        var cleared = await (await client.GetAsync("/api/users/me/profile", Cancel)).JsonAsync();

        Assert.False(before.TryGetProperty("displayName", out _));
        Assert.Equal("Zoë O'Neil-Ng", put.GetProperty("displayName").GetString());
        Assert.Equal("Zoë O'Neil-Ng", stored.GetProperty("displayName").GetString());
        Assert.False(cleared.TryGetProperty("displayName", out _));
    }

    [Fact]
    public async Task Put_WithNullLists_IsAcceptedAsEmpty()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());

        var stored = await (await client.PutAsync("/api/users/me/profile", new StringContent("{\"goals\":null,\"unit\":\"kg\"}", Encoding.UTF8, "application/json"), Cancel)).JsonAsync();

        Assert.Equal(0, stored.GetProperty("goals").GetArrayLength());
    }
}
