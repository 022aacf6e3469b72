namespace CorsGen.Generators;

/// <summary>Names of the incremental pipeline steps, for incrementality tests.</summary>
public static class TrackingNames
{
    /// <summary>Routes parsed from one route attribute kind.</summary>
    public const string Routes = nameof(Routes);

    /// <summary>All routes of the compilation together.</summary>
    public const string CollectedRoutes = nameof(CollectedRoutes);

    /// <summary>One emit model per endpoint class.</summary>
    public const string EndpointClasses = nameof(EndpointClasses);

    /// <summary>The attribute routes of one MVC controller with CORS attributes.</summary>
    public const string ControllerRoutes = nameof(ControllerRoutes);

    /// <summary>The emit models of every controller, for the one controllers file.</summary>
    public const string Controllers = nameof(Controllers);

    /// <summary>One policy per <c>[CorsPolicy]</c> class.</summary>
    public const string PolicyClasses = nameof(PolicyClasses);

    /// <summary>The <c>WithCors(...)</c> calls of the compilation, for the surface.</summary>
    public const string SurfaceGroups = nameof(SurfaceGroups);

    /// <summary>The CORS surface's model: route and group lines, policies.</summary>
    public const string SurfaceModel = nameof(SurfaceModel);

    /// <summary>The CORS surface's text (CorsSurface.txt).</summary>
    public const string Surface = nameof(Surface);
}
