using System.Diagnostics;

namespace ChangeBot.Tests.Gate;

public class StartupTests
{
    [Fact]
    public async Task Bot_WithAnInvalidPolicyFile_RefusesToStartWithOneLinePerError()
    {
        var path = Path.Combine(Path.GetTempPath(), $"changebot-bad-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(path, "name: Bad\nwindows: { standard: always, normal: sometimes, emergency: always }\ncriticalitySlots: { C1: always }\n");
        try
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(typeof(Program).Assembly.Location);
            start.Environment["ChangeBot__PolicyFile"] = path;
            start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
            using var process = Process.Start(start)!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);

            Assert.Equal(2, process.ExitCode);
            var lines = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Contains(lines, l => l.StartsWith($"{path}:2:", StringComparison.Ordinal) && l.Contains("windows.normal", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith($"{path}:3:", StringComparison.Ordinal) && l.Contains("criticalitySlots.C2 is missing", StringComparison.Ordinal));
            Assert.DoesNotContain(lines, l => l.Contains("   at ", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
