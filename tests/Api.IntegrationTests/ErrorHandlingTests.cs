using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Xunit;

namespace FitCoach.Api.IntegrationTests;

public sealed class ErrorHandlingTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<HttpResponseMessage> PostRawAsync(string path, string json)
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());
        return await client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), Cancel);
    }

    [Fact]
    public async Task MalformedJson_Is400NotA500()
    {
        var response = await PostRawAsync("/api/exercises/create-or-match", "{\"name\": \"bench\", ");

        (await response.BadRequestAsync()).AssertErrorsName("body");
    }

    [Fact]
    public async Task WrongJsonType_Is400NamingTheField()
    {
        var response = await PostRawAsync("/api/exercises/create-or-match", "{\"name\": \"bench\", \"primaryMuscles\": 7}");

        (await response.BadRequestAsync()).AssertErrorsName("primaryMuscles");
    }

    [Fact]
    public async Task EmptyBody_Is400()
    {
        var response = await PostRawAsync("/api/exercises/create-or-match", string.Empty);

        (await response.BadRequestAsync()).AssertErrorsName("body");
    }

    [Fact]
    public async Task ValidationFailure_Is400WithFieldMessages()
    {
        var response = await PostRawAsync("/api/exercises/create-or-match", "{\"name\": \"   \", \"equipment\": \"spaceship\", \"primaryMuscles\": [\"wings\"]}");

        (await response.BadRequestAsync()).AssertErrorsName("name", "equipment", "primaryMuscles[0]");
    }

    [Fact]
    public async Task QueryParameterOfWrongType_Is400NamingIt()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());

        var response = await client.GetAsync("/api/exercises?limit=lots", Cancel);

        (await response.BadRequestAsync()).AssertErrorsName("limit");
    }

    [Theory]
    [InlineData("/api/leaderboards/volume?limit=abc", "limit")]
    [InlineData("/api/leaderboards/volume?limit=99999999999", "limit")]
    [InlineData("/api/leaderboards/volume?limit=%00", "limit")]
    [InlineData("/api/workouts?from=yesterday", "from")]
    [InlineData("/api/workouts?to=2025-01-01T00:00:00%2B25:00", "to")]
    public async Task QueryValueThatDoesNotBind_Is400ProblemNamingIt(string path, string field)
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());

        var response = await client.GetAsync(path, Cancel);

        (await response.BadRequestAsync()).AssertErrorsName(field);
    }

    [Theory]
    [InlineData("/api/leaderboards/e1rm:%01")]
    [InlineData("/api/leaderboards/e1rm:%FF")]
    [InlineData("/api/leaderboards/e1rm:%C0%80")]
    [InlineData("/api/leaderboards/%E2%80%8B")]
    public async Task RouteValueThatNamesNoBoard_Is400ProblemNamingTheBoard(string path)
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());

        var response = await client.GetAsync(path, Cancel);

        (await response.BadRequestAsync()).AssertErrorsName("board");
    }

    [Fact]
    public async Task BindingFailureAndValidationFailure_ShareOneType()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());

        var binding = await (await client.GetAsync("/api/leaderboards/volume?limit=abc", Cancel)).BadRequestAsync();
        var validation = await (await client.GetAsync("/api/leaderboards/volume?limit=-5", Cancel)).BadRequestAsync();

        Assert.Equal(binding.GetProperty("type").GetString(), validation.GetProperty("type").GetString());
        validation.AssertErrorsName("limit");
    }

    [Fact]
    public async Task UnknownRoute_Is404ProblemJson()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());

        var response = await client.GetAsync("/api/no-such-thing", Cancel);

        var problem = await response.ProblemOfTypeAsync(404, "not-found", "Not Found");
        Assert.Contains("/api/no-such-thing", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownRoute_WithoutToken_Is404NotA401()
    {
        var response = await factory.CreateClient().GetAsync("/api/no-such-thing", Cancel);

        await response.ProblemOfTypeAsync(404, "not-found", "Not Found");
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("text/plain")]
    [InlineData("image/png")]
    public async Task UnknownRoute_AskedForAnotherMediaType_IsStillProblemJson(string accept)
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/no-such-thing");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));

        var response = await client.SendAsync(request, Cancel);

        await response.ProblemOfTypeAsync(404, "not-found", "Not Found");
    }

    [Fact]
    public async Task UnknownResource_Is404WithTheSameTypeAsAnUnknownRoute()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());

        var response = await client.GetAsync("/api/exercises/No_Such_Exercise", Cancel);

        var problem = await response.ProblemOfTypeAsync(404, "not-found", "Not Found");
        Assert.Contains("No_Such_Exercise", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongMethod_Is405ProblemJson()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());

        var response = await client.DeleteAsync("/api/exercises/create-or-match", Cancel);

        await response.ProblemOfTypeAsync(405, "method-not-allowed", "Method Not Allowed");
        Assert.Contains("POST", response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("text/plain", "bench")]
    [InlineData("application/xml", "<name>bench</name>")]
    [InlineData("application/x-www-form-urlencoded", "name=bench")]
    public async Task BodyOfAnotherMediaType_Is415ProblemNamingIt(string mediaType, string body)
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());

        var response = await client.PostAsync("/api/exercises/create-or-match", new StringContent(body, Encoding.UTF8, mediaType), Cancel);

        var problem = await response.ProblemOfTypeAsync(415, "unsupported-media-type", "Unsupported Media Type");
        Assert.Contains(mediaType, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BodyWithoutContentType_Is415Problem()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"name\":\"bench\"}"));

        var response = await client.PostAsync("/api/voice/parse", content, Cancel);

        var problem = await response.ProblemOfTypeAsync(415, "unsupported-media-type", "Unsupported Media Type");
        Assert.Contains("application/json", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingToken_Is401Problem()
    {
        var response = await factory.CreateClient().GetAsync("/api/exercises", Cancel);

        await response.ProblemOfTypeAsync(401, "unauthorized", "Unauthorized");
    }

    [Fact]
    public async Task BrokenToken_Is401Problem()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-jwt");

        var response = await client.GetAsync("/api/exercises", Cancel);

        await response.ProblemOfTypeAsync(401, "unauthorized", "Unauthorized");
    }

    [Fact]
    public async Task FinishingADiscardedSession_Is409Problem()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());
        var id = (await (await client.PostAsJsonAsync("/api/sessions", new { }, Cancel)).JsonAsync()).GetProperty("id").GetString();
        await (await client.DeleteAsync($"/api/sessions/{id}", Cancel)).JsonAsync();

        var response = await client.PostAsJsonAsync($"/api/sessions/{id}/finish", new { }, Cancel);

        await response.ProblemOfTypeAsync(409, "conflict", "Conflict");
    }

    [Fact]
    public async Task RateLimited_Is429ProblemWithRetryAfter()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId(), "free");
        for (var i = 0; i < 30; i++)
        {
            (await RateLimitTests.MatchAsync(client)).EnsureSuccessStatusCode();
        }

        var response = await RateLimitTests.MatchAsync(client);

        var problem = await response.ProblemOfTypeAsync(429, "too-many-requests", "Too Many Requests");
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal("ai-other", problem.GetProperty("group").GetString());
    }
}
