using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChangeBot.Testing.Monitoring;

/// <summary>A minimal Kestrel app on 127.0.0.1 and a port the OS picks, quiet in the test output.</summary>
public static class LoopbackApp
{
    /// <summary>Builds the app, lets <paramref name="map"/> add its endpoints, starts it, and returns it with its base URL.</summary>
    public static async Task<(WebApplication App, Uri Url)> StartAsync(Action<WebApplication> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return (app, new Uri(address + "/"));
    }
}
