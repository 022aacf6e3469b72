using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CorsGen.EndpointKinds.Pages;

/// <summary>The Razor Page fragment fetched cross-origin.</summary>
public sealed class GreetingModel : PageModel
{
    /// <summary>The name greeted: the <c>name</c> query value, or "guest".</summary>
    public string Name { get; private set; } = "guest";

    /// <summary>GET: reads the name.</summary>
    public void OnGet(string? name) => Name = string.IsNullOrEmpty(name) ? "guest" : name;
}
