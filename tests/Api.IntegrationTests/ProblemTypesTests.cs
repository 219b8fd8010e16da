using FitCoach.Api.Errors;
using Xunit;

namespace FitCoach.Api.IntegrationTests;

public sealed class ProblemTypesTests
{
    [Fact]
    public void EveryKnownType_IsUnderOneBaseUri_WithAUniqueSlug()
    {
        Assert.All(ProblemTypes.All, type => Assert.StartsWith("https://fitcoach.dev/problems/", type.Uri, StringComparison.Ordinal));
        Assert.Equal(ProblemTypes.All.Count, ProblemTypes.All.Select(type => type.Slug).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Status422_ForTheIdempotencyKeyRule_IsUnprocessableEntity()
    {
        var type = ProblemTypes.For(422);

        Assert.Equal("https://fitcoach.dev/problems/unprocessable-entity", type.Uri);
        Assert.Equal("Unprocessable Entity", type.Title);
    }

    [Theory]
    [InlineData(408, "https://fitcoach.dev/problems/request-timeout", "Request Timeout")]
    [InlineData(431, "https://fitcoach.dev/problems/request-header-fields-too-large", "Request Header Fields Too Large")]
    public void StatusOutsideTheTable_GetsATypeFromItsReasonPhrase(int status, string uri, string title)
    {
        var type = ProblemTypes.For(status);

        Assert.Equal(uri, type.Uri);
        Assert.Equal(title, type.Title);
    }
}
