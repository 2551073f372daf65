namespace ChangeBot.Testing.Monitoring;

/// <summary>Finds the Debian-packaged servers; a missing one fails the test with what to run, never skips it.</summary>
public static class MonitoringBinaries
{
    public static string Prometheus => Find("prometheus");

    public static string Alertmanager => Find("prometheus-alertmanager");

    private static string Find(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        var candidates = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .Append(Path.Combine("/usr/bin", name));
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                $"{name} is not installed, and the monitoring tests run against the real server. Install it with `source .ci/monitoring && monitoring_install` (apt-get install prometheus prometheus-alertmanager); .ci/run does this.");
    }
}
