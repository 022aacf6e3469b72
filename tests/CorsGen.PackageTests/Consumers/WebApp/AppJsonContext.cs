using System.Text.Json.Serialization;

namespace Consumer.WebApp;

/// <summary>What a trimmed or Native AOT app registers so JSON needs no reflection (see Program.cs).</summary>
[JsonSerializable(typeof(Info))]
internal sealed partial class AppJsonContext : JsonSerializerContext;
