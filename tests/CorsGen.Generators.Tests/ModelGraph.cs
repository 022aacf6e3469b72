using System.Reflection;
using Microsoft.CodeAnalysis;

namespace CorsGen.Generators.Tests;

/// <summary>
/// Finds Roslyn objects that must never be held by pipeline models: they pin whole compilations in
/// memory and defeat caching (they compare by reference or change with every edit).
/// </summary>
internal static class ModelGraph
{
    private static readonly Type[] Banned =
    [
        typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Compilation), typeof(SemanticModel),
        typeof(Location), typeof(SyntaxToken), typeof(AttributeData), typeof(TypedConstant),
    ];

    /// <summary>
    /// Paths (like <c>root.Routes[0].Class</c>) to banned objects reachable from <paramref name="root"/>:
    /// every field value and array element, recursively; also fields and properties whose
    /// declared type is banned, even when they hold null.
    /// </summary>
    public static List<string> FindBanned(object? root, string rootName)
    {
        var found = new List<string>();
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        Visit(root, rootName);
        return found;

        void Visit(object? value, string path)
        {
            if (value is null)
            {
                return;
            }

            var type = value.GetType();
            if (IsBanned(type))
            {
                found.Add($"{path}: {type.FullName}");
                return;
            }

            if (type.IsPrimitive || type.IsEnum || value is string or decimal or MemberInfo or Assembly or Delegate || !visited.Add(value))
            {
                return;
            }

            // Collections are walked through their fields down to their arrays (enumerating could
            // throw, as a default ImmutableArray does).
            if (value is Array items)
            {
                var i = 0;
                foreach (var item in items)
                {
                    Visit(item, $"{path}[{i++}]");
                }
            }

            for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
            {
                foreach (var property in t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    if (IsBanned(property.PropertyType))
                    {
                        found.Add($"{path}.{property.Name}: declared as {property.PropertyType.FullName}");
                    }
                }

                foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    if (IsBanned(field.FieldType))
                    {
                        found.Add($"{path}.{field.Name}: declared as {field.FieldType.FullName}");
                    }
                    else
                    {
                        Visit(field.GetValue(value), $"{path}.{field.Name}");
                    }
                }
            }
        }
    }

    // The type itself, an array's element type or any generic argument (ImmutableArray<ISymbol>, ...).
    private static bool IsBanned(Type type) =>
        Banned.Any(banned => banned.IsAssignableFrom(type))
        || (type.IsArray && IsBanned(type.GetElementType()!))
        || (type.IsGenericType && type.GetGenericArguments().Any(IsBanned));
}
