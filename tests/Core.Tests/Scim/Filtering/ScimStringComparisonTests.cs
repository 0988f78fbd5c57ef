using AutoRfpHex.Core.Scim.Filtering;

namespace AutoRfpHex.Core.Tests.Scim.Filtering;

public sealed class ScimStringComparisonTests
{
    [Theory]
    [InlineData("alice", false, "ALICE")]
    [InlineData("Zoë", false, "ZOË")]
    [InlineData("straße", false, "STRAßE")]
    [InlineData("ı i ſ", false, "ı I ſ")]
    [InlineData("東京😀", false, "東京😀")]
    [InlineData("MiXeD", true, "MiXeD")]
    // Dotless ı and long ſ keep their form: .NET's invariant mapping (InvariantGlobalization=true, as the repo builds)
    // never maps a non-ASCII letter into ASCII. A store computing folds elsewhere (SQL UPPER, ICU) would differ here.
    public void Fold_upper_cases_with_the_invariant_simple_mapping_unless_caseExact(string value, bool caseExact, string folded)
    {
        var result = ScimStringComparison.Fold(value, caseExact);

        result.Should().Be(folded);
        result.Length.Should().Be(value.Length);
    }

    [Theory]
    [InlineData("a", "b", -1)]
    [InlineData("B", "a", -1)]
    [InlineData("abc", "ab", 1)]
    [InlineData("", "", 0)]
    [InlineData("\uFFFD", "😀", -1)]
    [InlineData("\uE000", "\U00010000", -1)]
    [InlineData("😀", "😁", -1)]
    [InlineData("z", "é", -1)]
    public void CompareCodePoints_orders_like_utf8_bytes(string a, string b, int sign)
    {
        Math.Sign(ScimStringComparison.CompareCodePoints(a, b)).Should().Be(sign);
        Math.Sign(ScimStringComparison.CompareCodePoints(b, a)).Should().Be(-sign);
        var utf8 = System.Text.Encoding.UTF8;
        Math.Sign(utf8.GetBytes(a).AsSpan().SequenceCompareTo(utf8.GetBytes(b))).Should().Be(sign);
    }
}
