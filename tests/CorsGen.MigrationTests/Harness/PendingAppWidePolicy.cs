using CorsGen;

namespace Microsoft.AspNetCore.Builder;

// TEMPORARY, until the lead's app-wide policy (issue 13, item 3) lands on main: a stand-in with its
// signature that applies nothing, so the todo port's cases fail as they should today. Delete this file
// when main has UseCorsGen(IApplicationBuilder, CompiledCorsPolicy): the two would be ambiguous.
internal static class PendingAppWidePolicy
{
    public static IApplicationBuilder UseCorsGen(this IApplicationBuilder app, CompiledCorsPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return app;
    }
}
