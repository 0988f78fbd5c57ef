using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace AutoRfpHex.Adapters.Http;

/// <summary>
/// Enum-valued fields accept only their names: the generated DTOs' converters also take numbers, so
/// <c>"environment": 1</c> would silently mean "sandbox". Applied as a contract modifier because a property's own
/// converter attribute outranks converters registered in the options.
/// </summary>
public static class StrictEnumJson
{
    public static void Apply(JsonTypeInfo typeInfo)
    {
        foreach (var property in typeInfo.Properties)
        {
            var underlying = Nullable.GetUnderlyingType(property.PropertyType);
            var enumType = underlying ?? property.PropertyType;
            if (!enumType.IsEnum)
            {
                continue;
            }

            var strict = new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false).CreateConverter(enumType, typeInfo.Options)!;
            property.CustomConverter = underlying is null
                ? strict
                : (JsonConverter)Activator.CreateInstance(typeof(NullableEnumConverter<>).MakeGenericType(enumType), strict)!;
        }
    }

    private sealed class NullableEnumConverter<TEnum>(JsonConverter<TEnum> inner) : JsonConverter<TEnum?>
        where TEnum : struct, Enum
    {
        public override bool HandleNull => true;

        public override TEnum? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? null : inner.Read(ref reader, typeof(TEnum), options);

        public override void Write(Utf8JsonWriter writer, TEnum? value, JsonSerializerOptions options)
        {
            if (value is { } present)
            {
                inner.Write(writer, present, options);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }
}
