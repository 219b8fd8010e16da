using System.Text.Json;
using FitCoach.Api.Security;
using Xunit;

namespace FitCoach.Api.IntegrationTests.Security;

public sealed class StartupSafetyTests
{
    [Fact]
    public void Production_WithDevTokensOn_RefusesToStartNamingTheSetting()
    {
        using var factory = new ProductionApiFactory(new Dictionary<string, string?> { ["Auth:DevTokens"] = "true" });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Auth:DevTokens", Messages(error), StringComparison.Ordinal);
    }

    [Fact]
    public void Production_WithTheDevelopmentSigningKey_RefusesToStartNamingTheSetting()
    {
        using var factory = new ProductionApiFactory(new Dictionary<string, string?> { ["Auth:SigningKey"] = DevelopmentSigningKey() });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Auth:SigningKey", Messages(error), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "not set")]
    [InlineData("", "not set")]
    [InlineData("   ", "not set")]
    [InlineData("short-pseudonym-key-0123456789a", "shorter than 32 characters")]
    public void Production_WithoutALongEnoughLeaderboardPseudonymKey_RefusesToStartNamingTheSettingAndItsVariable(string? key, string why)
    {
        using var factory = new ProductionApiFactory(new Dictionary<string, string?> { ["Leaderboards:PseudonymKey"] = key });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var messages = Messages(error);
        Assert.Contains("Leaderboards:PseudonymKey is " + why, messages, StringComparison.Ordinal);
        Assert.Contains("Leaderboards__PseudonymKey", messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_WithA32CharacterPseudonymKey_Starts()
    {
        var key = new string('k', ProductionConfigurationGuard.MinimumPseudonymKeyLength);
        using var factory = new ProductionApiFactory(new Dictionary<string, string?> { ["Leaderboards:PseudonymKey"] = key });

        var response = await factory.CreateClient().GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.True(response.IsSuccessStatusCode);
    }

    [Fact]
    public async Task Development_WithoutAPseudonymKey_StillStarts()
    {
        using var factory = new ApiFactory();

        var response = await factory.CreateClient().GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.True(response.IsSuccessStatusCode);
    }

    [Fact]
    public async Task Production_WithItsOwnKeyAndNoDevTokens_Starts()
    {
        using var factory = new ProductionApiFactory();

        var response = await factory.CreateClient().GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.True(response.IsSuccessStatusCode);
    }

    /// <summary>The key as appsettings.Development.json ships it, read from the file so the guard cannot drift from it.</summary>
    private static string DevelopmentSigningKey()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FitCoach.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory.FullName, "src", "Api", "appsettings.Development.json")));
        return settings.RootElement.GetProperty("Auth").GetProperty("SigningKey").GetString()!;
    }

    private static string Messages(Exception error)
    {
        var messages = new List<string>();
        for (Exception? current = error; current is not null; current = current.InnerException)
        {
            messages.Add(current.Message);
        }

        if (error is AggregateException aggregate)
        {
            messages.AddRange(aggregate.Flatten().InnerExceptions.Select(e => e.Message));
        }

        return string.Join(" | ", messages);
    }
}
