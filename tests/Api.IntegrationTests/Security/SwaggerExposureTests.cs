using System.Net;
using Xunit;

namespace FitCoach.Api.IntegrationTests.Security;

public sealed class SwaggerExposureTests
{
    [Fact]
    public async Task Production_WithoutTheFlag_ServesNeitherTheUiNorTheDocument()
    {
        using var factory = new ProductionApiFactory();
        var client = factory.CreateClient();

        var ui = await client.GetAsync("/swagger/index.html", TestContext.Current.CancellationToken);
        var document = await client.GetAsync("/swagger/v1/swagger.json", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, ui.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, document.StatusCode);
    }

    [Fact]
    public async Task Production_WithSwaggerEnabled_ServesTheUiAndTheDocumentAtTheSameRoutes()
    {
        using var factory = new ProductionApiFactory(new Dictionary<string, string?> { ["Swagger:Enabled"] = "true" });
        var client = factory.CreateClient();

        var ui = await client.GetAsync("/swagger/index.html", TestContext.Current.CancellationToken);
        var document = await client.GetAsync("/swagger/v1/swagger.json", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
    }
}
