using System.Security;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CorsGen.PackageTests.Infrastructure;

/// <summary>All package tests share one pack and one consumer folder, and run one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "CorsGen package";
}

/// <summary>
/// Packs src/CorsGen once, as <c>dotnet pack src/CorsGen</c> does on a clean clone, into a temporary folder
/// feed, and lays out a consumer root outside the repository: a nuget.config with that feed (the only
/// source of the CorsGen package) next to the machine's own sources, an empty package cache, and
/// Directory.Build.props/.targets and Directory.Packages.props of its own so nothing of the repository's
/// build applies to the consumers.
/// </summary>
public sealed class PackageFixture : IAsyncLifetime
{
    public const string PackageId = "CorsGen";

    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(6);
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);
    private readonly Dictionary<string, Task<ConsumerBuild>> _builds = new(StringComparer.Ordinal);

    /// <summary>The repository root (the folder of CorsGen.sln).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The consumer project templates.</summary>
    public static string TemplatesRoot { get; } = Path.Combine(RepoRoot, "tests", "CorsGen.PackageTests", "Consumers");

    /// <summary>The one Version property of Directory.Build.props.</summary>
    public string Version { get; } = ReadVersion();

    /// <summary>A new folder under the system's temporary folder, deleted at the end.</summary>
    public string WorkRoot { get; private set; } = "";

    /// <summary>The folder feed <c>dotnet pack</c> wrote into.</summary>
    public string FeedDirectory => Path.Combine(WorkRoot, "feed");

    /// <summary>The consumers' package cache (NUGET_PACKAGES), empty before their first restore.</summary>
    public string PackagesDirectory => Path.Combine(WorkRoot, "packages");

    /// <summary>Where the consumer projects are copied to.</summary>
    public string ConsumersRoot => Path.Combine(WorkRoot, "consumers");

    /// <summary>The package file.</summary>
    public string PackagePath { get; private set; } = "";

    /// <summary>The <c>dotnet pack</c> run.</summary>
    public CommandResult Pack { get; private set; } = null!;

    /// <summary>The upstream package sources of the machine's configuration, written into the consumers' nuget.config.</summary>
    public IReadOnlyList<string> UpstreamSources { get; private set; } = [];

    /// <summary>The environment of every consumer command: the empty package cache.</summary>
    public IReadOnlyDictionary<string, string> ConsumerEnvironment => new Dictionary<string, string>
    {
        ["NUGET_PACKAGES"] = PackagesDirectory,
    };

    public async Task InitializeAsync()
    {
        WorkRoot = Directory.CreateTempSubdirectory("corsgen-package-tests-").FullName;
        Directory.CreateDirectory(PackagesDirectory);
        Directory.CreateDirectory(ConsumersRoot);

        // Its own artifacts folder: the pack builds every project it packs from source, shares no bin/ or
        // obj/ with builds of the repository running at the same time, and works on a clean clone.
        Pack = await Dotnet.BuildCommandAsync(RepoRoot, PackTimeout, environment: null,
            "pack", Path.Combine("src", "CorsGen", "CorsGen.csproj"), "-c", "Release",
            "-o", FeedDirectory, "--artifacts-path", Path.Combine(WorkRoot, "artifacts"));
        var packages = Directory.Exists(FeedDirectory) ? Directory.GetFiles(FeedDirectory, "*.nupkg") : [];
        if (Pack.ExitCode != 0 || packages.Length != 1)
        {
            throw new InvalidOperationException($"dotnet pack src/CorsGen did not produce exactly one package ({packages.Length}).\n{Pack.Describe()}");
        }

        PackagePath = packages[0];
        UpstreamSources = await ReadUpstreamSourcesAsync(WorkRoot);
        WriteConsumerRoot();
    }

    public Task DisposeAsync()
    {
        if (Environment.GetEnvironmentVariable("CORSGEN_KEEP_PACKAGE_TEST_FILES") != "1" && WorkRoot.Length > 0)
        {
            try
            {
                Directory.Delete(WorkRoot, recursive: true);
            }
            catch (IOException)
            {
                // A process that has not let go of a file yet; the folder is under the temporary folder.
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Copies the template <paramref name="template"/> to a new folder <paramref name="name"/> of the consumer root.</summary>
    public string CopyConsumer(string template, string name)
    {
        var source = Path.Combine(TemplatesRoot, template);
        var target = Path.Combine(ConsumersRoot, name);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            var first = relative.Split(Path.DirectorySeparatorChar)[0];
            if (first is "bin" or "obj")
            {
                continue;
            }

            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return target;
    }

    /// <summary>Runs a dotnet command in a consumer folder with the consumers' empty package cache.</summary>
    public Task<CommandResult> RunInConsumerAsync(string directory, params string[] arguments) =>
        Dotnet.BuildCommandAsync(directory, BuildTimeout, ConsumerEnvironment, arguments);

    /// <summary>
    /// Copies <paramref name="template"/> to <paramref name="name"/> and builds it in Release with
    /// <paramref name="arguments"/>, once per name for the whole test run.
    /// </summary>
    public Task<ConsumerBuild> BuildConsumerAsync(string template, string name, params string[] arguments)
    {
        lock (_builds)
        {
            if (!_builds.TryGetValue(name, out var build))
            {
                build = BuildAsync();
                _builds.Add(name, build);
            }

            return build;
        }

        async Task<ConsumerBuild> BuildAsync()
        {
            var directory = CopyConsumer(template, name);
            var result = await RunInConsumerAsync(directory, ["build", "-c", "Release", .. arguments]);
            return new ConsumerBuild(directory, result);
        }
    }

    private void WriteConsumerRoot()
    {
        // MSBuild looks for these upward from each project: the first found ends the search, so the
        // consumers get none of the repository's (and none can be above the temporary folder).
        File.WriteAllText(Path.Combine(WorkRoot, "Directory.Build.props"), $"""
            <Project>
              <PropertyGroup>
                <!-- The version just packed, read from the repository's Directory.Build.props. -->
                <CorsGenPackageVersion>{Version}</CorsGenPackageVersion>
                <!-- The audit asks the network for advisories; its warnings are not about CorsGen. -->
                <NuGetAudit>false</NuGetAudit>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(WorkRoot, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(WorkRoot, "Directory.Packages.props"), """
            <Project>
              <PropertyGroup>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
            </Project>
            """);

        // CorsGen comes from the feed only (package source mapping), whatever an upstream source holds;
        // everything else (the .NET 8 targeting packs, ILLink) from the machine's own sources.
        var sources = string.Concat(UpstreamSources.Select((url, i) => $"""

                <add key="upstream-{i}" value="{SecurityElement.Escape(url)}" />
            """));
        var mappings = string.Concat(UpstreamSources.Select((_, i) => $"""

                <packageSource key="upstream-{i}"><package pattern="*" /></packageSource>
            """));
        File.WriteAllText(Path.Combine(WorkRoot, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="corsgen-feed" value="{SecurityElement.Escape(FeedDirectory)}" />{sources}
              </packageSources>
              <packageSourceMapping>
                <packageSource key="corsgen-feed"><package pattern="{PackageId}" /></packageSource>{mappings}
              </packageSourceMapping>
            </configuration>
            """);
    }

    /// <summary>
    /// The enabled package sources of the machine's NuGet configuration (user and machine level), as
    /// <c>dotnet nuget list source</c> gives them outside the repository.
    /// </summary>
    private static async Task<IReadOnlyList<string>> ReadUpstreamSourcesAsync(string outsideRepository)
    {
        var list = await Dotnet.RunAsync(outsideRepository, TimeSpan.FromMinutes(1), environment: null,
            "nuget", "list", "source", "--format", "short");
        if (list.ExitCode != 0)
        {
            throw new InvalidOperationException("Could not list the machine's NuGet sources.\n" + list.Describe());
        }

        // Lines such as "E https://api.nuget.org/v3/index.json" (E: enabled, D: disabled).
        var sources = Regex.Matches(list.Output, @"^E[A-Z]* (\S+)\s*$", RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return sources.Count > 0 ? sources : throw new InvalidOperationException(
            "The machine's NuGet configuration has no enabled package source; the consumers need one for Microsoft's packages.\n" + list.Describe());
    }

    private static string ReadVersion()
    {
        var props = XDocument.Load(Path.Combine(RepoRoot, "Directory.Build.props"));
        var versions = props.Descendants("Version").Select(v => v.Value.Trim()).ToList();
        return versions.Count == 1 ? versions[0] : throw new InvalidOperationException($"Directory.Build.props has {versions.Count} Version properties, not one.");
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CorsGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No CorsGen.sln above {AppContext.BaseDirectory}.");
    }
}

/// <summary>A consumer project copied out of the repository and built.</summary>
public sealed record ConsumerBuild(string Directory, CommandResult Result);
