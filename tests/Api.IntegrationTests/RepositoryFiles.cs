namespace FitCoach.Api.IntegrationTests;

/// <summary>Files checked into the repository, found from the test's output folder.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FitCoach.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No FitCoach.sln above {AppContext.BaseDirectory}.");
    }
}
