using FitCoach.Application.Common.Ports;
using FitCoach.Domain.Exercises;
using FitCoach.Infrastructure.IntegrationTests.Support;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.Contracts;

/// <summary>What every <see cref="ICustomExerciseStore"/> must do.</summary>
public abstract class CustomExerciseStoreContract : PortContract<ICustomExerciseStore>
{
    protected ICustomExerciseStore Store => Port;

    [Fact]
    public async Task ListAsync_ForAUserWithoutExercises_IsEmpty()
    {
        Assert.Empty(await Store.ListAsync(TestData.NewId("user"), Cancel));
    }

    [Fact]
    public async Task SaveAsync_ThenListAsync_ReturnsTheExerciseOwnedByTheUser()
    {
        var userId = TestData.NewId("user");
        var exercise = TestData.Exercise("sled-push");

        await Store.SaveAsync(userId, exercise, Cancel);

        var stored = Assert.Single(await Store.ListAsync(userId, Cancel));
        AssertSame(exercise with { OwnerId = userId }, stored);
        Assert.True(stored.IsCustom);
    }

    [Fact]
    public async Task SaveAsync_WithAnIdAlreadyStored_ReplacesIt()
    {
        var userId = TestData.NewId("user");
        await Store.SaveAsync(userId, TestData.Exercise("sled-push", "Sled Push"), Cancel);

        await Store.SaveAsync(userId, TestData.Exercise("sled-push", "Heavy Sled Push"), Cancel);

        Assert.Equal("Heavy Sled Push", Assert.Single(await Store.ListAsync(userId, Cancel)).Name);
    }

    [Fact]
    public async Task ListAsync_ShowsEachUserOnlyTheirOwnExercises()
    {
        var ana = TestData.NewId("ana");
        var ben = TestData.NewId("ben");
        await Store.SaveAsync(ana, TestData.Exercise("sled-push", "Ana's Sled Push"), Cancel);
        await Store.SaveAsync(ben, TestData.Exercise("sled-push", "Ben's Sled Push"), Cancel);
        await Store.SaveAsync(ben, TestData.Exercise("yoke-walk", "Yoke Walk", ownerId: ana), Cancel);

        var anas = await Store.ListAsync(ana, Cancel);
        var bens = await Store.ListAsync(ben, Cancel);

        Assert.Equal(["Ana's Sled Push"], anas.Select(e => e.Name));
        Assert.Equal(["Ben's Sled Push", "Yoke Walk"], bens.Select(e => e.Name));
        Assert.All(bens, e => Assert.Equal(ben, e.OwnerId));
    }

    [Fact]
    public async Task ListAsync_OrdersByNameThenId()
    {
        var userId = TestData.NewId("user");
        await Store.SaveAsync(userId, TestData.Exercise("c", "yoke walk"), Cancel);
        await Store.SaveAsync(userId, TestData.Exercise("b", "Sled Push"), Cancel);
        await Store.SaveAsync(userId, TestData.Exercise("a", "Sled Push"), Cancel);

        var listed = await Store.ListAsync(userId, Cancel);

        Assert.Equal(["a", "b", "c"], listed.Select(e => e.Id));
    }

    private static void AssertSame(Exercise expected, Exercise actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Equipment, actual.Equipment);
        Assert.Equal(expected.PrimaryMuscles, actual.PrimaryMuscles);
        Assert.Equal(expected.SecondaryMuscles, actual.SecondaryMuscles);
        Assert.Equal(expected.Category, actual.Category);
        Assert.Equal(expected.Level, actual.Level);
        Assert.Equal(expected.Force, actual.Force);
        Assert.Equal(expected.Mechanic, actual.Mechanic);
        Assert.Equal(expected.OwnerId, actual.OwnerId);
    }
}
