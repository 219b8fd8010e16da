using FitCoach.Application.Common.Ports;
using FitCoach.Domain.Profiles;
using FitCoach.Infrastructure.IntegrationTests.Support;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.Contracts;

/// <summary>What every <see cref="IProfileStore"/> must do.</summary>
public abstract class ProfileStoreContract : PortContract<IProfileStore>
{
    protected IProfileStore Store => Port;

    [Fact]
    public async Task GetAsync_BeforeAnySave_IsNull() => Assert.Null(await Store.GetAsync(TestData.NewId("user"), Cancel));

    [Fact]
    public async Task SaveAsync_ThenGetAsync_RoundTripsEveryField_AndSavingAgainReplaces()
    {
        var userId = TestData.NewId("user");
        var profile = new UserProfile
        {
            Age = 30, Sex = "female", HeightCm = 170, WeightKg = 64.5, Goals = ["strength", "mobility"], Experience = "beginner",
            DaysPerWeek = 3, SessionMinutes = 45, Equipment = ["dumbbell"], Injuries = ["knee"], Unit = "lb",
            UpdatedAt = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero),
        };

        await Store.SaveAsync(userId, profile, Cancel);
        var stored = await Store.GetAsync(userId, Cancel);
        await Store.SaveAsync(userId, profile with { Unit = "kg", Goals = [] }, Cancel);
        var replaced = await Store.GetAsync(userId, Cancel);

        Assert.NotNull(stored);
        Assert.Equal(profile.Goals, stored.Goals);
        Assert.Equal(profile with { Goals = stored.Goals, Equipment = stored.Equipment, Injuries = stored.Injuries }, stored);
        Assert.Equal("kg", replaced!.Unit);
        Assert.Empty(replaced.Goals);
    }
}
