namespace ChangeBot.Testing;

/// <summary>The checkout the tests run from: the directory above the test binaries that holds ChangeBot.sln.</summary>
public static class RepositoryRoot
{
    public static string Path
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "ChangeBot.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("ChangeBot.sln not found above the test binaries");
        }
    }

    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);
}
