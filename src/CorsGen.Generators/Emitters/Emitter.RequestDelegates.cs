using System.Collections.Generic;
using System.Linq;
using CorsGen.Generators.Model;

namespace CorsGen.Generators;

public sealed partial class CorsGenerator
{
    /// <summary>
    /// Request delegates for trimmed and Native AOT builds: the handler's parameters are bound and its
    /// result written by generated code, as ASP.NET Core's Request Delegate Generator would for a Map call
    /// it could see (it cannot see CorsGen's). Only handlers <see cref="HandlerParser"/> accepted get one.
    /// </summary>
    internal static partial class Emitter
    {
        private const string Binding = "global::CorsGen.HandlerBinding";

        private static void EmitHandlerSetup(SourceWriter w, EndpointClassSpec cls, RouteModel route, int index)
        {
            var handler = route.Handler!;
            var name = Literal(cls.Name + "." + route.MethodName);
            var types = string.Join(", ", handler.ParameterTypes.Select(t => $"typeof({t})"));
            w.Line($"var handlerMethod{index} = typeof({cls.FullyQualifiedName}).GetMethod({Literal(route.MethodName)}, global::System.Reflection.BindingFlags.Public | global::System.Reflection.BindingFlags.NonPublic | global::System.Reflection.BindingFlags.Static, null, new global::System.Type[] {{ {types} }}, null)!;");
            var captures = Captures(handler, name);
            foreach (var capture in captures)
            {
                w.Line($"var {capture.Name}{index} = {capture.Initializer};");
            }

            w.Line($"global::Microsoft.AspNetCore.Http.RequestDelegate handler{index} = context => Handle{index}(context{string.Concat(captures.Select(c => $", {c.Name}{index}"))});");
        }

        /// <summary>
        /// What a route's request delegate gets from start-up, in order: each body's JSON contract (and, for an
        /// inferred body, whether its type is a service), then the result's. The Map code declares them
        /// (name + route index) and the delegate takes them as parameters (name).
        /// </summary>
        private static List<(string Type, string Name, string Initializer)> Captures(HandlerSpec handler, string handlerName)
        {
            const string JsonTypeInfo = "global::System.Text.Json.Serialization.Metadata.JsonTypeInfo";
            var captures = new List<(string Type, string Name, string Initializer)>();
            for (var j = 0; j < handler.Parameters.Count; j++)
            {
                var parameter = handler.Parameters[j];
                if (parameter.Source == ParameterSource.Body)
                {
                    captures.Add(($"{JsonTypeInfo}<{parameter.ValueType}>", $"bodyJson{j}_", $"{Binding}.TypeInfo<{parameter.ValueType}>(jsonOptions, {handlerName})"));
                    if (parameter.Inferred)
                    {
                        captures.Add(("bool", $"bodyIsService{j}_", $"{Binding}.IsService(endpoints.ServiceProvider, typeof({parameter.ValueType}))"));
                    }
                }
            }

            if (handler.Result == ResultKind.Json)
            {
                captures.Add(($"{JsonTypeInfo}<{handler.ResultType}>", "resultJson_", $"{Binding}.TypeInfo<{handler.ResultType}>(jsonOptions, {handlerName})"));
            }

            return captures;
        }

        private static void EmitRequestDelegate(SourceWriter w, EndpointClassSpec cls, RouteModel route, int index)
        {
            var handler = route.Handler!;
            var parameters = new List<string> { $"{Http}.HttpContext context" };
            parameters.AddRange(Captures(handler, Literal(cls.Name + "." + route.MethodName)).Select(c => $"{c.Type} {c.Name}"));

            var isAsync = handler.IsAwaitable || handler.Result != ResultKind.None || handler.Parameters.Any(p => p.Source == ParameterSource.Body);
            var stop = isAsync ? "return;" : $"return {Task}.CompletedTask;";
            var methods = string.Join(", ", route.HttpMethods);

            w.Line();
            w.Line($"/// <summary>Endpoint metadata of {Xml(methods)} {Xml(route.Pattern)}, as minimal APIs add it.</summary>");
            w.Open($"private static void AddHandlerMetadata{index}(global::Microsoft.AspNetCore.Builder.EndpointBuilder builder, global::System.Reflection.MethodInfo handlerMethod)");
            w.Line($"builder.DisplayName = {Literal($"HTTP: {methods} {route.Pattern} => {route.MethodName}")};");
            foreach (var body in handler.Parameters.Where(p => p.Source == ParameterSource.Body))
            {
                w.Line($"{Binding}.AcceptsJson(builder, typeof({body.ValueType}), isOptional: {(body.IsOptional ? "true" : "false")});");
            }

            if (handler.Result == ResultKind.Json)
            {
                w.Line($"{Binding}.Produces(builder, typeof({handler.ResultType}));");
            }
            else if (handler.Result == ResultKind.Text)
            {
                w.Line($"{Binding}.Produces(builder, typeof(string));");
            }
            else if (handler.Result == ResultKind.Result && handler.ResultProvidesMetadata)
            {
                w.Line($"{Binding}.PopulateMetadata<{handler.ResultType}>(builder, handlerMethod);");
            }

            w.Line($"{Binding}.AddMetadata(builder, handlerMethod);");
            w.Close();

            w.Line();
            w.Line($"/// <summary>{Xml(methods)} {Xml(route.Pattern)}: binds the parameters of <see cref=\"{Identifier(route.MethodName)}\"/>, calls it and writes its result.</summary>");
            w.Open($"private static {(isAsync ? "async " : string.Empty)}{Task} Handle{index}({string.Join(", ", parameters)})");
            var arguments = new List<string>();
            for (var j = 0; j < handler.Parameters.Count; j++)
            {
                arguments.Add($"arg{j}");
                EmitBinding(w, handler.Parameters[j], j, stop);
            }

            var call = $"{cls.FullyQualifiedName}.{Identifier(route.MethodName)}({string.Join(", ", arguments)})";
            var awaited = handler.IsAwaitable ? "await " + call : call;
            switch (handler.Result)
            {
                case ResultKind.None:
                    w.Line(awaited + ";");
                    if (!isAsync)
                    {
                        w.Line($"return {Task}.CompletedTask;");
                    }

                    break;
                case ResultKind.Text:
                    w.Line($"await {Binding}.WriteTextAsync(context, {awaited});");
                    break;
                case ResultKind.Result:
                    w.Line($"await {Binding}.ExecuteAsync(context, {awaited});");
                    break;
                default:
                    w.Line($"await {Binding}.WriteJsonAsync(context, {awaited}!, resultJson_);");
                    break;
            }

            w.Close();
        }

        private static void EmitBinding(SourceWriter w, HandlerParameterSpec parameter, int j, string stop)
        {
            var local = $"arg{j}";
            switch (parameter.Source)
            {
                case ParameterSource.HttpContext:
                    w.Line($"var {local} = context;");
                    return;
                case ParameterSource.HttpRequest:
                    w.Line($"var {local} = context.Request;");
                    return;
                case ParameterSource.HttpResponse:
                    w.Line($"var {local} = context.Response;");
                    return;
                case ParameterSource.CancellationToken:
                    w.Line($"var {local} = context.RequestAborted;");
                    return;
                case ParameterSource.User:
                    w.Line($"var {local} = context.User;");
                    return;
                case ParameterSource.Service:
                    w.Line(parameter.IsOptional
                        ? $"var {local} = global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetService<{parameter.ValueType}>(context.RequestServices);"
                        : $"var {local} = global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<{parameter.ValueType}>(context.RequestServices);");
                    return;
                case ParameterSource.Body:
                    EmitBodyBinding(w, parameter, j, stop);
                    return;
                default:
                    EmitTextBinding(w, parameter, j, stop);
                    return;
            }
        }

        // The JSON body; an inferred one is a service instead when the container knows its type (decided at start-up).
        private static void EmitBodyBinding(SourceWriter w, HandlerParameterSpec parameter, int j, string stop)
        {
            var local = $"arg{j}";
            w.Line($"{parameter.Type} {local};");
            if (parameter.Inferred)
            {
                w.Open($"if (bodyIsService{j}_)");
                w.Line($"{local} = global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<{parameter.ValueType}>(context.RequestServices);");
                w.Close();
                w.Open("else");
            }
            else
            {
                w.Line("{");
                w.Indent();
            }

            w.Line($"var (read{j}, body{j}) = await {Binding}.ReadJsonAsync(context, bodyJson{j}_, isOptional: {(parameter.IsOptional ? "true" : "false")});");
            w.Open($"if (!read{j})");
            w.Line(stop);
            w.Close();
            w.Line();
            w.Line($"{local} = body{j}!;");
            w.Close();
        }

        // A route, query or header value: missing -> the default or 400; parsed when the type is not string.
        private static void EmitTextBinding(SourceWriter w, HandlerParameterSpec parameter, int j, string stop)
        {
            var local = $"arg{j}";
            var read = parameter.Source switch
            {
                ParameterSource.Route => "RouteValue",
                ParameterSource.Query => "QueryValue",
                _ => "HeaderValue",
            };
            w.Line($"var text{j} = {Binding}.{read}(context, {Literal(parameter.Key)});");
            w.Line($"{parameter.Type} {local};");
            w.Open($"if (text{j} is null)");
            if (parameter.IsOptional)
            {
                w.Line($"{local} = {parameter.DefaultValue ?? "default"};");
            }
            else
            {
                w.Line("context.Response.StatusCode = 400;");
                w.Line(stop);
            }

            w.Close();
            if (parameter.ValueType is null)
            {
                w.Open("else");
                w.Line($"{local} = text{j};");
                w.Close();
                return;
            }

            var parse = parameter.IsEnum ? "TryParseEnum" : "TryParse";
            w.Open($"else if ({Binding}.{parse}<{parameter.ValueType}>(text{j}, out var value{j}))");
            w.Line($"{local} = value{j};");
            w.Close();
            w.Open("else");
            w.Line("context.Response.StatusCode = 400;");
            w.Line(stop);
            w.Close();
        }
    }
}
