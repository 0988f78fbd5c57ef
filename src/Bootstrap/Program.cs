using AutoRfpHex.Adapters.Http;
using AutoRfpHex.Bootstrap.Cli;
using AutoRfpHex.Bootstrap.Composition;

var cli = args.Length > 0 && args[0] == AdminTokenCommand.Name;
// appsettings.json ships next to the binaries; relative data paths still resolve against the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = cli ? args[1..] : args,
    ContentRootPath = AppContext.BaseDirectory,
});
if (cli)
{
    // The CLI shares the service's configuration but must not log start-up noise into the token it prints.
    builder.Logging.ClearProviders();
}

builder.AddAutoRfpHex();
var app = builder.Build();
if (cli)
{
    return await AdminTokenCommand.RunAsync(app, args[1..]);
}

app.UseHttpAdapter();
await StartupTasks.RunAsync(app);
await app.RunAsync();
return 0;

/// <summary>The entry point, public so tests can host the real service (WebApplicationFactory).</summary>
public partial class Program;
