using System.Globalization;
using System.Text;
using MongoDB.Bson;

namespace AutoRfpHex.Adapters.Mongo.Filtering;

/// <summary>
/// <c>sw</c>/<c>co</c>/<c>ew</c> as case-sensitive regular expressions on the folded (search) value, the filter value
/// folded alike, so no <c>i</c> flag is ever used. <c>sw</c> is anchored (<c>^prefix</c>): MongoDB turns an anchored
/// case-sensitive literal prefix into index bounds, so it is an index range. <c>co</c>/<c>ew</c> cannot be served by
/// any B-tree index in any form; they are evaluated only on the documents the tenant and type conditions (and any other
/// indexed conjunct) already selected. <c>ew</c> ends with <c>\z</c>, since <c>$</c> also matches before a final newline.
/// </summary>
public static class MongoTextPattern
{
    public static BsonRegularExpression StartsWith(string folded) => new("^" + Escape(folded));

    public static BsonRegularExpression Contains(string folded) => new(Escape(folded));

    public static BsonRegularExpression EndsWith(string folded) => new(Escape(folded) + @"\z");

    /// <summary>
    /// Every character literal for PCRE: ASCII letters and digits as they are (a backslash before them would make an
    /// escape such as <c>\d</c>), other printable ASCII behind a backslash (always literal in PCRE), controls (NUL cannot
    /// sit in a BSON cstring) as <c>\x{hh}</c>, anything beyond ASCII as it is (MongoDB matches UTF-8).
    /// </summary>
    public static string Escape(string text)
    {
        var pattern = new StringBuilder(text.Length * 2);
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c) || c > '\u007f')
            {
                pattern.Append(c);
            }
            else if (c is < ' ' or '\u007f')
            {
                pattern.Append(CultureInfo.InvariantCulture, $"\\x{{{(int)c:x2}}}");
            }
            else
            {
                pattern.Append('\\').Append(c);
            }
        }

        return pattern.ToString();
    }
}
