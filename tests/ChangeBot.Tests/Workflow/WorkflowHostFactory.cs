using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeBot.Tests.Workflow;

/// <summary>The real host with in-memory settings and the test's clock.</summary>
internal sealed class WorkflowHostFactory(IReadOnlyDictionary<string, string?> settings, TimeProvider time) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton(time));
    }
}
