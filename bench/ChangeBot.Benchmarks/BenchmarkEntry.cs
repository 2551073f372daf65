using BenchmarkDotNet.Running;

namespace ChangeBot.Benchmarks;

internal static class BenchmarkEntry
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["store-load", .. var rest])
        {
            return await StoreLoad.RunAsync(rest);
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntry).Assembly).Run(args);
        return 0;
    }
}
