using System.Globalization;
using System.Text;

namespace AutoRfpHex.Core.Scim.Paths;

/// <summary>Splits a value filter into tokens for <see cref="ElementFilterParser"/>.</summary>
internal static class ElementFilterTokenizer
{
    /// <summary>Words, parentheses, and JSON strings (kept with a leading quote to tell them from words, escapes decoded).</summary>
    public static List<string> Tokenize(string text)
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
