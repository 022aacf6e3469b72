namespace CorsGen.MigrationTests;

/// <summary>
/// Runs each case of an app's table against its ASP.NET Core original and its CorsGen port in
/// Chromium: the original must do what the table says, the port what the original does.
/// </summary>
public abstract class MigrationCaseTests(MigrationFixture fixture, ITestOutputHelper output)
{
    protected async Task RunAsync(MigrationApp app, IReadOnlyList<MigrationCase> cases, string name)
    {
        var c = cases.Single(x => x.Name == name);
        var (original, port) = await fixture.RunAsync(app, c);
        output.WriteLine($"{app.Name}: {c.Name}\n{original}\n{port}");
        CaseAssertions.OriginalAsTabled(c, original);
        CaseAssertions.PortMatchesOriginal(c, original, port);
    }

    protected async Task RunAsync(MigrationApp app, IReadOnlyList<HubCase> cases, string name)
    {
        var c = cases.Single(x => x.Name == name);
        var (original, port) = await fixture.RunAsync(app, c);
        output.WriteLine($"{app.Name}: {c.Name}\n{original}\n{port}");
        HubCaseAssertions.OriginalAsTabled(c, original);
        HubCaseAssertions.PortMatchesOriginal(c, original, port);
    }
}
