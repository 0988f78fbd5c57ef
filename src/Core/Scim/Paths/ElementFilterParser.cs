using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Schemas;

namespace AutoRfpHex.Core.Scim.Paths;

/// <summary>
/// Minimal RFC 7644 §3.4.2.2 parser for the text inside a value path's brackets: comparisons of sub-attributes
/// (all ten operators), <c>and</c>, <c>or</c>, <c>not</c> and parentheses. Produces the shared AST with full paths
/// (attribute plus sub-attribute). Stands in for the shared filter parser until it lands (see <see cref="ValuePathFilters"/>).
/// </summary>
internal sealed class ElementFilterParser(string? schemaUrn, ScimAttributeDefinition attribute, string text)
{
    private static readonly Dictionary<string, ComparisonOperator> Operators = new(StringComparer.OrdinalIgnoreCase)
    {
        ["eq"] = ComparisonOperator.Equal, ["ne"] = ComparisonOperator.NotEqual, ["co"] = ComparisonOperator.Contains,
        ["sw"] = ComparisonOperator.StartsWith, ["ew"] = ComparisonOperator.EndsWith, ["pr"] = ComparisonOperator.Present,
        ["gt"] = ComparisonOperator.GreaterThan, ["ge"] = ComparisonOperator.GreaterThanOrEqual,
        ["lt"] = ComparisonOperator.LessThan, ["le"] = ComparisonOperator.LessThanOrEqual,
    };

    private readonly List<string> tokens = Tokenize(text);
    private int position;

    public FilterNode Parse()
    {
        var node = ParseOr();
        return position == tokens.Count ? node : throw Invalid($"unexpected '{tokens[position]}'");
    }

    private FilterNode ParseOr()
    {
        var node = ParseAnd();
        while (Accept("or"))
        {
            node = new OrFilter(node, ParseAnd());
        }

        return node;
    }

    private FilterNode ParseAnd()
    {
        var node = ParseUnary();
        while (Accept("and"))
        {
            node = new AndFilter(node, ParseUnary());
        }

        return node;
    }

    private FilterNode ParseUnary()
    {
        if (Accept("not"))
        {
            return Accept("(") ? new NotFilter(Grouped()) : throw Invalid("'not' must be followed by '('");
        }

        return Accept("(") ? Grouped() : ParseComparison();
    }

    private FilterNode Grouped()
    {
        var inner = ParseOr();
        return Accept(")") ? inner : throw Invalid("a '(' is never closed");
    }

    private ComparisonFilter ParseComparison()
    {
        var name = Next("an attribute name");
        var prefix = attribute.Name + ".";
        var subName = name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? name[prefix.Length..] : name;
        var sub = attribute.FindSubAttribute(subName)
            ?? throw ScimException.BadRequest(ScimErrorTypes.InvalidPath, $"'{subName}' is not a sub-attribute of '{attribute.Name}' (value filter '{text}').");
        var path = new AttributePath(schemaUrn, attribute.Name, sub.Name);
        var op = Next("an operator");
        if (!Operators.TryGetValue(op, out var comparison))
        {
            throw Invalid($"'{op}' is not a comparison operator");
        }

        return comparison == ComparisonOperator.Present
            ? new ComparisonFilter(path, comparison, null)
            : new ComparisonFilter(path, comparison, Literal(Next("a comparison value")));
    }

    private JsonValue? Literal(string token)
    {
        if (token[0] == '"')
        {
            return JsonValue.Create(token[1..]);
        }

        if (token.Equals("true", StringComparison.OrdinalIgnoreCase) || token.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return JsonValue.Create(token.Equals("true", StringComparison.OrdinalIgnoreCase));
        }

        if (token.Equals("null", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return decimal.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? JsonValue.Create(number)
            : throw Invalid($"'{token}' is not a comparison value (strings must be quoted)");
    }

    private bool Accept(string keyword)
    {
        if (position < tokens.Count && tokens[position].Equals(keyword, StringComparison.OrdinalIgnoreCase))
        {
            position++;
            return true;
        }

        return false;
    }

    private string Next(string expected) =>
        position < tokens.Count ? tokens[position++] : throw Invalid($"it ends where {expected} was expected");

    private ScimException Invalid(string problem) =>
        ScimException.BadRequest(ScimErrorTypes.InvalidFilter, $"The value filter '{text}' is invalid: {problem}.");

    /// <summary>Words, parentheses, and JSON strings (kept with a leading quote to tell them from words, escapes decoded).</summary>
    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')')
            {
                tokens.Add(c.ToString());
                i++;
            }
            else if (c == '"')
            {
                tokens.Add(ReadString(text, ref i));
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')' or '"'))
                {
                    i++;
                }

                tokens.Add(text[start..i]);
            }
        }

        return tokens;
    }

    private static string ReadString(string text, ref int i)
    {
        var value = new StringBuilder("\"");
        for (i++; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                i++;
                return value.ToString();
            }

            if (c == '\\' && i + 1 < text.Length)
            {
                value.Append(Unescape(text, ref i));
                continue;
            }

            value.Append(c);
        }

        throw ScimException.BadRequest(ScimErrorTypes.InvalidFilter, $"The value filter '{text}' is invalid: a string is never closed.");
    }

    private static char Unescape(string text, ref int i)
    {
        var c = text[++i];
        return c switch
        {
            'b' => '\b', 'f' => '\f', 'n' => '\n', 'r' => '\r', 't' => '\t',
            'u' when i + 4 < text.Length && ushort.TryParse(text.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code)
                => (char)Advance(ref i, 4, code),
            _ => c,
        };
    }

    private static int Advance(ref int i, int by, int result)
    {
        i += by;
        return result;
    }
}
