namespace CorsGen.Tests;

/// <summary>The token-list check behind the echo of <c>[AllowHeaders("*")]</c>.</summary>
public sealed class HttpTokensTests
{
    [Theory]
    [InlineData("x-a,x-b,x-c", true)]
    [InlineData("x-a, x-b ,\tx-c", true)]     // optional whitespace around elements
    [InlineData(",,x-a,,", true)]             // empty elements are skipped
    [InlineData("", true)]
    [InlineData("x a", false)]                // whitespace inside an element
    [InlineData("x-a,x b", false)]
    [InlineData("x-a,(x)", false)]            // separators are not token characters
    [InlineData("x-a;x-b", false)]
    [InlineData("x-\u00e4", false)]           // non-ASCII
    [InlineData("x-a,\u0000", false)]
    public void IsTokenList_accepts_exactly_lists_of_tokens(string line, bool expected) =>
        Assert.Equal(expected, HttpTokens.IsTokenList(line));

    [Fact]
    public void IsTokenList_allocates_nothing_on_the_whitespace_path()
    {
        const string line = " x-a , x-b ,\tx-c ";
        Assert.True(HttpTokens.IsTokenList(line));
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            HttpTokens.IsTokenList(line);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
