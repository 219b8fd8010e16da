using System.Text;
using Xunit;

namespace FitCoach.Api.IntegrationTests;

public sealed class ErrorHandlingTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private async Task<HttpResponseMessage> PostRawAsync(string path, string json)
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());
        return await client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task MalformedJson_Is400NotA500()
    {
        var response = await PostRawAsync("/api/exercises/create-or-match", "{\"name\": \"bench\", ");

        var problem = await response.ProblemAsync(400);
        Assert.True(problem.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task WrongJsonType_Is400NamingTheField()
    {
        var response = await PostRawAsync("/api/exercises/create-or-match", "{\"name\": \"bench\", \"primaryMuscles\": 7}");

        var problem = await response.ProblemAsync(400);
        Assert.True(problem.GetProperty("errors").TryGetProperty("primaryMuscles", out _), problem.ToString());
    }

    [Fact]
    public async Task EmptyBody_Is400()
    {
        var response = await PostRawAsync("/api/exercises/create-or-match", string.Empty);

        await response.ProblemAsync(400);
    }

    [Fact]
    public async Task ValidationFailure_Is400WithFieldMessages()
    {
        var response = await PostRawAsync("/api/exercises/create-or-match", "{\"name\": \"   \", \"equipment\": \"spaceship\", \"primaryMuscles\": [\"wings\"]}");

        var errors = (await response.ProblemAsync(400)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("equipment", out _));
        Assert.True(errors.TryGetProperty("primaryMuscles[0]", out _), errors.ToString());
    }

    [Fact]
    public async Task QueryParameterOfWrongType_Is400NamingIt()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());

        var response = await client.GetAsync("/api/exercises?limit=lots", TestContext.Current.CancellationToken);

        var problem = await response.ProblemAsync(400);
        Assert.True(problem.GetProperty("errors").TryGetProperty("limit", out _));
    }

    [Fact]
    public async Task UnknownRoute_Is404ProblemJson()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());

        var response = await client.GetAsync("/api/no-such-thing", TestContext.Current.CancellationToken);

        await response.ProblemAsync(404);
    }

    [Fact]
    public async Task UnknownRoute_WithoutToken_Is404NotA401()
    {
        var response = await factory.CreateClient().GetAsync("/api/no-such-thing", TestContext.Current.CancellationToken);

        await response.ProblemAsync(404);
    }

    [Fact]
    public async Task WrongMethod_Is405ProblemJson()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());

        var response = await client.DeleteAsync("/api/exercises/create-or-match", TestContext.Current.CancellationToken);

        await response.ProblemAsync(405);
    }
}
