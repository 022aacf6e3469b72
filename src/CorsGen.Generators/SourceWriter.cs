using System.Text;

namespace CorsGen.Generators;

/// <summary>An indenting text writer over a <see cref="StringBuilder"/>, as dotnet/runtime's generators use.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    public void Line(string text = "")
    {
        if (text.Length != 0)
        {
            _builder.Append(' ', _indent * 4);
            _builder.Append(text);
        }

        _builder.Append('\n');
    }

    public void Open(string header)
    {
        Line(header);
        Line("{");
        _indent++;
    }

    public void Close(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
    }

    /// <summary>One more level, closed by a later <see cref="Close"/> (an opening brace written by hand).</summary>
    public void Indent() => _indent++;

    /// <summary>One more level until the scope is disposed: <c>using (w.Indented()) { ... }</c>, for case bodies and continuations.</summary>
    public Scope Indented()
    {
        _indent++;
        return new Scope(this, closing: null);
    }

    /// <summary><see cref="Open"/> now, <see cref="Close"/> when the scope is disposed: <c>using (w.Block("if (x)")) { ... }</c>.</summary>
    public Scope Block(string header)
    {
        Open(header);
        return new Scope(this, closing: "}");
    }

    /// <summary>Undoes <see cref="Indented"/> or <see cref="Block"/>.</summary>
    public readonly struct Scope(SourceWriter writer, string? closing) : System.IDisposable
    {
        public void Dispose()
        {
            writer._indent--;
            if (closing is not null)
            {
                writer.Line(closing);
            }
        }
    }

    public override string ToString() => _builder.ToString();
}
